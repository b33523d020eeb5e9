package no.skymarked.calloff.store;

import io.helidon.dbclient.DbRow;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.skymarked.calloff.application.CompetitionRepository;
import no.skymarked.calloff.application.Party;
import no.skymarked.calloff.application.Receipt;
import no.skymarked.calloff.application.SealedTender;
import no.skymarked.shared.Rows;

/** The mini-competition's rows: the invited and excluded suppliers, the sealed tenders and their receipts. */
public final class CompetitionStore implements CompetitionRepository {
    private static final String TENDER = "select supplier_org_no, tender_ref, status, version, first_at, submitted_at, wrapped_key, iv,"
            + " ciphertext, sealed_sha256 from tender";
    private final DbSession session;

    public CompetitionStore(DbSession session) {
        this.session = session;
    }

    @Override
    public void insertParty(String callOffId, Party p) {
        session.exec().createInsert("insert into competition_party (call_off_id, supplier_org_no, status, reason) values (?, ?, ?, ?)")
                .params(callOffId, p.orgNo(), p.status(), p.reason()).execute();
    }

    @Override
    public List<Party> parties(String callOffId) {
        try (Stream<DbRow> rows = session.exec().createQuery("select supplier_org_no, status, reason from competition_party"
                + " where call_off_id = ? order by supplier_org_no").params(callOffId).execute()) {
            return rows.map(r -> new Party(r.column("supplier_org_no").get(String.class), r.column("status").get(String.class),
                    r.column("reason").get(String.class))).toList();
        }
    }

    @Override
    public List<SealedTender> tenders(String callOffId) {
        try (Stream<DbRow> rows = session.exec().createQuery(TENDER + " where call_off_id = ? order by supplier_org_no")
                .params(callOffId).execute()) {
            return rows.map(CompetitionStore::read).toList();
        }
    }

    @Override
    public Optional<SealedTender> tender(String callOffId, String orgNo) {
        return session.exec().createGet(TENDER + " where call_off_id = ? and supplier_org_no = ?").params(callOffId, orgNo).execute()
                .map(CompetitionStore::read);
    }

    @Override
    public void saveTender(String callOffId, SealedTender t, boolean exists) {
        SealedTender.Sealed s = t.sealed();
        if (exists) {
            session.exec().createUpdate("update tender set status = ?, version = ?, submitted_at = ?, wrapped_key = ?, iv = ?,"
                            + " ciphertext = ?, sealed_sha256 = ? where call_off_id = ? and supplier_org_no = ?")
                    .params(t.status(), t.version(), CallOffStore.utc(t.submittedAt()), s == null ? null : s.wrappedKey(),
                            s == null ? null : s.iv(), s == null ? null : s.ciphertext(), t.sealedSha256(), callOffId, t.orgNo())
                    .execute();
        } else {
            session.exec().createInsert("insert into tender (call_off_id, supplier_org_no, tender_ref, status, version, first_at,"
                            + " submitted_at, wrapped_key, iv, ciphertext, sealed_sha256) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(callOffId, t.orgNo(), t.tenderRef(), t.status(), t.version(), CallOffStore.utc(t.firstAt()),
                            CallOffStore.utc(t.submittedAt()), s.wrappedKey(), s.iv(), s.ciphertext(), t.sealedSha256())
                    .execute();
        }
    }

    @Override
    public void receipt(String callOffId, SealedTender t, String action) {
        int seq = session.exec().createGet("select coalesce(max(seq), 0) as s from tender_receipt where call_off_id = ?")
                .params(callOffId).execute().map(r -> ((Number) r.column("s").get()).intValue()).orElse(0) + 1;
        session.exec().createInsert("insert into tender_receipt (call_off_id, seq, supplier_org_no, tender_ref, action, version, at,"
                        + " sealed_sha256) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(callOffId, seq, t.orgNo(), t.tenderRef(), action, t.version(), CallOffStore.utc(t.submittedAt()), t.sealedSha256())
                .execute();
    }

    @Override
    public List<Receipt> receipts(String callOffId) {
        try (Stream<DbRow> rows = session.exec().createQuery("select supplier_org_no, tender_ref, action, version, at, sealed_sha256"
                + " from tender_receipt where call_off_id = ? order by seq").params(callOffId).execute()) {
            return rows.map(r -> new Receipt(r.column("tender_ref").get(String.class), r.column("supplier_org_no").get(String.class),
                    r.column("action").get(String.class), r.column("version").get(Integer.class), Rows.instant(r, "at"),
                    r.column("sealed_sha256").get(String.class))).toList();
        }
    }

    private static SealedTender read(DbRow r) {
        String ciphertext = r.column("ciphertext").get(String.class);
        return new SealedTender(r.column("supplier_org_no").get(String.class), r.column("tender_ref").get(String.class),
                r.column("status").get(String.class), r.column("version").get(Integer.class), Rows.instant(r, "first_at"),
                Rows.instant(r, "submitted_at"), ciphertext == null ? null
                        : new SealedTender.Sealed(r.column("wrapped_key").get(String.class), r.column("iv").get(String.class), ciphertext),
                r.column("sealed_sha256").get(String.class));
    }
}
