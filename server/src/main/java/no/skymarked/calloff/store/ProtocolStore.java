package no.skymarked.calloff.store;

import io.helidon.dbclient.DbRow;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.skymarked.calloff.application.ProtocolEntry;
import no.skymarked.calloff.application.ProtocolLog;
import no.skymarked.calloff.domain.ProtocolChain;
import no.skymarked.calloff.domain.ProtocolEvent;
import no.skymarked.calloff.wire.Values;
import no.skymarked.shared.Json;
import no.skymarked.shared.Rows;

/** The protocol events, each hash-chained to the one before; callers hold the call-off's row lock or version. */
public final class ProtocolStore implements ProtocolLog {
    private static final String COLUMNS = "select seq, at, actor, type, payload, previous_hash, hash from protocol_event";
    private final DbSession session;

    public ProtocolStore(DbSession session) {
        this.session = session;
    }

    @Override
    public void append(String callOffId, List<ProtocolEntry> entries) {
        ProtocolEvent last = session.exec().createGet(COLUMNS + " where call_off_id = ? order by seq desc limit 1").params(callOffId)
                .execute().map(ProtocolStore::event).orElse(null);
        insert(callOffId, last, entries);
    }

    @Override
    public void start(String callOffId, List<ProtocolEntry> entries) {
        insert(callOffId, null, entries);
    }

    /** Chains the entries after {@code last} and inserts them with one statement. */
    private void insert(String callOffId, ProtocolEvent last, List<ProtocolEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into protocol_event (call_off_id, seq, at, actor, type, payload, previous_hash, hash)"
                + " values ");
        List<Object> params = new ArrayList<>();
        ProtocolEvent previous = last;
        for (ProtocolEntry e : entries) {
            ProtocolEvent next = ProtocolChain.next(previous, e.at(), e.actor(), e.type(), Json.text(Values.tree(e.payload())));
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(List.of(callOffId, next.seq(), CallOffStore.utc(next.at()), next.actor(), next.type(), next.payloadJson(),
                    next.previousHash(), next.hash()));
            previous = next;
        }
        session.exec().createInsert(sql.toString()).params(params).execute();
    }

    @Override
    public List<ProtocolEvent> events(String callOffId) {
        try (Stream<DbRow> rows = session.exec().createQuery(COLUMNS + " where call_off_id = ? order by seq").params(callOffId).execute()) {
            return rows.map(ProtocolStore::event).toList();
        }
    }

    private static ProtocolEvent event(DbRow r) {
        return new ProtocolEvent(r.column("seq").get(Long.class), Rows.instant(r, "at"), r.column("actor").get(String.class),
                r.column("type").get(String.class), r.column("payload").get(String.class),
                r.column("previous_hash").get(String.class), r.column("hash").get(String.class));
    }
}
