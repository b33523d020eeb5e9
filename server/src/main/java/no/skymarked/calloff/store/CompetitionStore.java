package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.skymarked.shared.Json;
import no.skymarked.shared.Rows;

/** The mini-competition's rows: its state on the call-off, the invited and excluded suppliers, the sealed tenders. */
final class CompetitionStore {
    private final DbClient db;

    CompetitionStore(DbClient db) {
        this.db = db;
    }

    /** A supplier of the lot as the publication left it: INVITED or EXCLUDED (with the reason). */
    record Party(String orgNo, String status, String reason) {
    }

    /** A tender row: what anyone may know (who, when, which version, the receipt) and the sealed content. */
    record StoredTender(String orgNo, String tenderRef, String status, int version, Instant firstAt, Instant submittedAt,
                        TenderVault.Sealed sealed, String sealedSha256) {
        boolean submitted() {
            return "SUBMITTED".equals(status);
        }
    }

    /** Locks the call-off row for this transaction, so its competition writes (and protocol appends) go one at a time. */
    void lock(DbExecute tx, String callOffId) {
        tx.createGet("select id from call_off where id = ? for update").params(callOffId).execute();
    }

    void update(DbExecute tx, String id, String status, JsonNode competition, Instant tenderDeadline, String awardedOrgNo,
                BigDecimal agreedValue) {
        tx.createUpdate("update call_off set status = ?, competition = ?, tender_deadline = ?, awarded_org_no = ?,"
                        + " agreed_value = ?, version = version + 1 where id = ?")
                .params(status, competition == null ? null : Json.text(competition), CallOffStore.utc(tenderDeadline),
                        awardedOrgNo, agreedValue, id).execute();
    }

    /** The supplier's registered name, read in the caller's transaction. */
    String supplierName(DbExecute exec, String orgNo) {
        return exec.createGet("select name from supplier where org_no = ?").params(orgNo).execute()
                .map(r -> r.column("name").get(String.class)).orElse(orgNo);
    }

    void insertParty(DbExecute tx, String callOffId, Party p) {
        tx.createInsert("insert into competition_party (call_off_id, supplier_org_no, status, reason) values (?, ?, ?, ?)")
                .params(callOffId, p.orgNo(), p.status(), p.reason()).execute();
    }

    List<Party> parties(DbExecute exec, String callOffId) {
        List<Party> out = new ArrayList<>();
        try (Stream<DbRow> rows = exec.createQuery("select supplier_org_no, status, reason from competition_party"
                + " where call_off_id = ? order by supplier_org_no").params(callOffId).execute()) {
            rows.forEach(r -> out.add(new Party(r.column("supplier_org_no").get(String.class), r.column("status").get(String.class),
                    r.column("reason").get(String.class))));
        }
        return out;
    }

    List<StoredTender> tenders(DbExecute exec, String callOffId) {
        List<StoredTender> out = new ArrayList<>();
        try (Stream<DbRow> rows = exec.createQuery(TENDER + " where call_off_id = ? order by supplier_org_no").params(callOffId).execute()) {
            rows.forEach(r -> out.add(read(r)));
        }
        return out;
    }

    Optional<StoredTender> tender(DbExecute exec, String callOffId, String orgNo) {
        return exec.createGet(TENDER + " where call_off_id = ? and supplier_org_no = ?").params(callOffId, orgNo).execute()
                .map(CompetitionStore::read);
    }

    void saveTender(DbExecute tx, String callOffId, StoredTender t, boolean exists) {
        TenderVault.Sealed s = t.sealed();
        if (exists) {
            tx.createUpdate("update tender set status = ?, version = ?, submitted_at = ?, wrapped_key = ?, iv = ?, ciphertext = ?,"
                            + " sealed_sha256 = ? where call_off_id = ? and supplier_org_no = ?")
                    .params(t.status(), t.version(), CallOffStore.utc(t.submittedAt()), s == null ? null : s.wrappedKey(),
                            s == null ? null : s.iv(), s == null ? null : s.ciphertext(), t.sealedSha256(), callOffId, t.orgNo())
                    .execute();
        } else {
            tx.createInsert("insert into tender (call_off_id, supplier_org_no, tender_ref, status, version, first_at, submitted_at,"
                            + " wrapped_key, iv, ciphertext, sealed_sha256) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(callOffId, t.orgNo(), t.tenderRef(), t.status(), t.version(), CallOffStore.utc(t.firstAt()),
                            CallOffStore.utc(t.submittedAt()), s.wrappedKey(), s.iv(), s.ciphertext(), t.sealedSha256())
                    .execute();
        }
    }

    List<no.skymarked.calloff.domain.ProtocolEvent> protocolOf(DbExecute exec, String callOffId) {
        return new CallOffStore(db).protocol(exec, callOffId);
    }

    /** Keeps the receipt of a submission or withdrawal; receipts reach the protocol only when the tenders are opened. */
    void receipt(DbExecute tx, String callOffId, StoredTender t, String action) {
        int seq = tx.createGet("select coalesce(max(seq), 0) as s from tender_receipt where call_off_id = ?").params(callOffId)
                .execute().map(r -> ((Number) r.column("s").get()).intValue()).orElse(0) + 1;
        tx.createInsert("insert into tender_receipt (call_off_id, seq, supplier_org_no, tender_ref, action, version, at, sealed_sha256)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(callOffId, seq, t.orgNo(), t.tenderRef(), action, t.version(), CallOffStore.utc(t.submittedAt()), t.sealedSha256())
                .execute();
    }

    /** Every receipt of the call-off, oldest first, as protocol JSON. */
    com.fasterxml.jackson.databind.node.ArrayNode receipts(DbExecute exec, String callOffId) {
        var out = Json.MAPPER.createArrayNode();
        try (Stream<DbRow> rows = exec.createQuery("select supplier_org_no, tender_ref, action, version, at, sealed_sha256 from tender_receipt"
                + " where call_off_id = ? order by seq").params(callOffId).execute()) {
            rows.forEach(r -> {
                var n = out.addObject().put("tenderRef", r.column("tender_ref").get(String.class))
                        .put("supplierOrgNo", r.column("supplier_org_no").get(String.class)).put("action", r.column("action").get(String.class))
                        .put("version", r.column("version").get(Integer.class)).put("at", Rows.instant(r, "at").toString());
                String sha = r.column("sealed_sha256").get(String.class);
                if (sha != null) {
                    n.put("sealedContentSha256", sha);
                }
            });
        }
        return out;
    }

    /** Call-offs still receiving tenders whose deadline has passed, for the scheduler. */
    List<String> withPassedTenderDeadlines(Instant now) {
        List<String> ids = new ArrayList<>();
        try (Stream<DbRow> rows = db.execute().createQuery("select id from call_off where status = 'TENDERING' and tender_deadline <= ?")
                .params(CallOffStore.utc(now)).execute()) {
            rows.forEach(r -> ids.add(r.column("id").get(String.class)));
        }
        return ids;
    }

    private static final String TENDER = "select supplier_org_no, tender_ref, status, version, first_at, submitted_at, wrapped_key, iv,"
            + " ciphertext, sealed_sha256 from tender";

    private static StoredTender read(DbRow r) {
        String ciphertext = r.column("ciphertext").get(String.class);
        return new StoredTender(r.column("supplier_org_no").get(String.class), r.column("tender_ref").get(String.class),
                r.column("status").get(String.class), r.column("version").get(Integer.class), Rows.instant(r, "first_at"),
                Rows.instant(r, "submitted_at"), ciphertext == null ? null
                        : new TenderVault.Sealed(r.column("wrapped_key").get(String.class), r.column("iv").get(String.class), ciphertext),
                r.column("sealed_sha256").get(String.class));
    }
}
