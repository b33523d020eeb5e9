package no.skymarked.calloff.store;

import java.time.Instant;
import java.util.Optional;
import no.skymarked.calloff.application.StoredResponses;

/** Responses kept per organisation and Idempotency-Key. */
public final class IdempotencyStore implements StoredResponses {
    private final DbSession session;

    public IdempotencyStore(DbSession session) {
        this.session = session;
    }

    @Override
    public Optional<Stored> find(String orgNo, String key) {
        return session.exec().createGet("select request_hash, status, body from idempotency_key where org_no = ? and idem_key = ?")
                .params(orgNo, key).execute()
                .map(r -> new Stored(r.column("request_hash").get(String.class), r.column("status").get(Integer.class),
                        r.column("body").get(String.class)));
    }

    @Override
    public void remember(String orgNo, String key, String requestHash, int status, String body, Instant at) {
        session.exec().createInsert("insert into idempotency_key (org_no, idem_key, request_hash, status, body, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)").params(orgNo, key, requestHash, status, body, CallOffStore.utc(at)).execute();
    }
}
