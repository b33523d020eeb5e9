package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.skymarked.calloff.domain.DirectCallOff;
import no.skymarked.calloff.domain.Offer;
import no.skymarked.calloff.domain.OfferOutcome;
import no.skymarked.calloff.domain.ProtocolEvent;
import no.skymarked.shared.Json;
import no.skymarked.shared.Rows;

/** Call-offs, their offers and protocol events over DbClient; every write runs in the caller's transaction. */
final class CallOffStore {
    private final DbClient db;

    CallOffStore(DbClient db) {
        this.db = db;
    }

    DbClient db() {
        return db;
    }

    /** A stored call-off: the accepted request and what has happened since. */
    record Row(String id, String buyerOrgNo, String frameworkId, String lotId, JsonNode document, BigDecimal totalHours,
               BigDecimal estimatedValue, String route, String status, String awardedOrgNo, BigDecimal agreedValue,
               Instant createdAt, int version, JsonNode competition, Instant tenderDeadline) {
    }

    /** An offer with what the domain does not keep: when and why it was answered. */
    record StoredOffer(Offer offer, Instant respondedAt, String reason) {
    }

    void insert(DbExecute tx, Row r) {
        tx.createInsert("insert into call_off (id, buyer_org_no, framework_id, lot_id, title, document, total_hours,"
                        + " estimated_value, route, status, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
                .params(r.id(), r.buyerOrgNo(), r.frameworkId(), r.lotId(), r.document().path("title").asText(),
                        Json.text(r.document()), r.totalHours(), r.estimatedValue(), r.route(), r.status(), utc(r.createdAt()))
                .execute();
    }

    /** Optimistic update: false when someone else changed the call-off since {@code version}. */
    boolean updateOutcome(DbExecute tx, String id, int version, String status, String awardedOrgNo, BigDecimal agreedValue) {
        return tx.createUpdate("update call_off set status = ?, awarded_org_no = ?, agreed_value = ?, version = version + 1"
                        + " where id = ? and version = ?")
                .params(status, awardedOrgNo, agreedValue, id, version).execute() == 1;
    }

    Optional<Row> find(DbExecute exec, String id) {
        return exec.createGet(SELECT + " where id = ?").params(id).execute().map(CallOffStore::read);
    }

    List<Row> list(String buyerOrgNo, String supplierOrgNo, int limit, int offset) {
        StringBuilder sql = new StringBuilder(SELECT + " c where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (buyerOrgNo != null) {
            sql.append(" and c.buyer_org_no = ?");
            params.add(buyerOrgNo);
        }
        if (supplierOrgNo != null) {
            sql.append(" and (exists (select 1 from offer o where o.call_off_id = c.id and o.supplier_org_no = ?)"
                    + " or exists (select 1 from competition_party p where p.call_off_id = c.id and p.supplier_org_no = ?"
                    + " and p.status = 'INVITED'))");
            params.add(supplierOrgNo);
            params.add(supplierOrgNo);
        }
        sql.append(" order by c.created_at desc, c.id limit ? offset ?");
        params.add(limit);
        params.add(offset);
        List<Row> out = new ArrayList<>();
        try (Stream<DbRow> rows = db.execute().createQuery(sql.toString()).params(params).execute()) {
            rows.forEach(r -> out.add(read(r)));
        }
        return out;
    }

    /** Ids of call-offs whose open offer's deadline has passed, for the lapse scheduler. */
    List<String> withLapsedOffers(Instant now) {
        List<String> ids = new ArrayList<>();
        try (Stream<DbRow> rows = db.execute().createQuery("select distinct o.call_off_id from offer o join call_off c on c.id = o.call_off_id"
                        + " where o.outcome = 'PENDING' and o.deadline < ? and c.status = 'OFFERED'")
                .params(utc(now)).execute()) {
            rows.forEach(r -> ids.add(r.column("call_off_id").get(String.class)));
        }
        return ids;
    }

    /** The buyer's earlier direct-award call-offs on a framework lot, for the splitting check. */
    List<DirectCallOff> directCallOffs(DbExecute exec, String buyerOrgNo, String frameworkId, String lotId, java.time.ZoneId zone) {
        List<DirectCallOff> out = new ArrayList<>();
        try (Stream<DbRow> rows = exec.createQuery("select id, created_at, total_hours from call_off where buyer_org_no = ?"
                        + " and framework_id = ? and lot_id = ? and route = 'DIRECT_AWARD' and status <> 'CANCELLED'")
                .params(buyerOrgNo, frameworkId, lotId).execute()) {
            rows.forEach(r -> out.add(new DirectCallOff(r.column("id").get(String.class), buyerOrgNo, frameworkId, lotId,
                    Rows.instant(r, "created_at").atZone(zone).toLocalDate(),
                    r.column("total_hours").get(BigDecimal.class))));
        }
        return out;
    }

    /** Value committed under a framework: agreed values of awarded call-offs, estimates of those still running. */
    BigDecimal consumedValue(DbExecute exec, String frameworkId) {
        return exec.createGet("select coalesce(sum(case when status in ('AWARDED', 'CONTRACTED') then agreed_value"
                        + " else estimated_value end), 0) as v from call_off where framework_id = ?"
                        + " and status not in ('CASCADE_EXHAUSTED', 'UNSUCCESSFUL', 'CANCELLED')")
                .params(frameworkId).execute().map(r -> r.column("v").get(BigDecimal.class)).orElse(BigDecimal.ZERO);
    }

    void saveOffers(DbExecute tx, String callOffId, List<Offer> offers, List<StoredOffer> before, Instant now,
                    java.util.Map<String, String> reasons) {
        for (Offer o : offers) {
            StoredOffer old = before.stream().filter(b -> b.offer().id().equals(o.id())).findFirst().orElse(null);
            if (old == null) {
                tx.createInsert("insert into offer (id, call_off_id, supplier_org_no, rank_no, sent_at, deadline, outcome)"
                                + " values (?, ?, ?, ?, ?, ?, ?)")
                        .params(o.id(), callOffId, o.orgNo(), o.rank(), utc(o.sentAt()), utc(o.deadline()), o.outcome().name())
                        .execute();
            } else if (old.offer().outcome() != o.outcome()) {
                tx.createUpdate("update offer set outcome = ?, responded_at = ?, reason = ? where id = ? and outcome = 'PENDING'")
                        .params(o.outcome().name(), utc(now), reasons.get(o.id()), o.id()).execute();
            }
        }
    }

    List<StoredOffer> offers(DbExecute exec, String callOffId) {
        List<StoredOffer> out = new ArrayList<>();
        try (Stream<DbRow> rows = exec.createQuery("select id, supplier_org_no, rank_no, sent_at, deadline, outcome, responded_at,"
                + " reason from offer where call_off_id = ? order by sent_at, rank_no").params(callOffId).execute()) {
            rows.forEach(r -> {
                Instant responded = Rows.instant(r, "responded_at");
                out.add(new StoredOffer(new Offer(r.column("id").get(String.class), r.column("supplier_org_no").get(String.class),
                        r.column("rank_no").get(Integer.class), Rows.instant(r, "sent_at"),
                        Rows.instant(r, "deadline"),
                        OfferOutcome.valueOf(r.column("outcome").get(String.class))),
                        responded, r.column("reason").get(String.class)));
            });
        }
        return out;
    }

    void appendEvent(DbExecute tx, String callOffId, ProtocolEvent e) {
        tx.createInsert("insert into protocol_event (call_off_id, seq, at, actor, type, payload, previous_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(callOffId, e.seq(), utc(e.at()), e.actor(), e.type(), e.payloadJson(), e.previousHash(), e.hash())
                .execute();
    }

    /** Appends one event to the call-off's chain, after its last one; callers hold the call-off's row lock or version. */
    ProtocolEvent record(DbExecute tx, String callOffId, Instant at, String actor, String type, JsonNode payload) {
        ProtocolEvent last = tx.createGet("select seq, at, actor, type, payload, previous_hash, hash from protocol_event"
                        + " where call_off_id = ? order by seq desc limit 1").params(callOffId).execute()
                .map(CallOffStore::event).orElse(null);
        ProtocolEvent next = no.skymarked.calloff.domain.ProtocolChain.next(last, at, actor, type, Json.text(payload));
        appendEvent(tx, callOffId, next);
        return next;
    }

    private static ProtocolEvent event(DbRow r) {
        return new ProtocolEvent(r.column("seq").get(Long.class), Rows.instant(r, "at"), r.column("actor").get(String.class),
                r.column("type").get(String.class), r.column("payload").get(String.class),
                r.column("previous_hash").get(String.class), r.column("hash").get(String.class));
    }

    List<ProtocolEvent> protocol(DbExecute exec, String callOffId) {
        List<ProtocolEvent> out = new ArrayList<>();
        try (Stream<DbRow> rows = exec.createQuery("select seq, at, actor, type, payload, previous_hash, hash from protocol_event"
                + " where call_off_id = ? order by seq").params(callOffId).execute()) {
            rows.forEach(r -> out.add(event(r)));
        }
        return out;
    }

    /** The response stored for an Idempotency-Key: status, body and the hash of the request it answered. */
    record StoredResponse(String requestHash, int status, String body) {
    }

    Optional<StoredResponse> storedResponse(String orgNo, String key) {
        return storedResponse(db.execute(), orgNo, key);
    }

    /** As above, in the caller's transaction. */
    Optional<StoredResponse> storedResponse(DbExecute exec, String orgNo, String key) {
        return exec.createGet("select request_hash, status, body from idempotency_key where org_no = ? and idem_key = ?")
                .params(orgNo, key).execute()
                .map(r -> new StoredResponse(r.column("request_hash").get(String.class), r.column("status").get(Integer.class),
                        r.column("body").get(String.class)));
    }

    void rememberResponse(DbExecute tx, String orgNo, String key, String requestHash, int status, String body, Instant now) {
        tx.createInsert("insert into idempotency_key (org_no, idem_key, request_hash, status, body, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(orgNo, key, requestHash, status, body, utc(now)).execute();
    }

    private static final String SELECT = "select id, buyer_org_no, framework_id, lot_id, document, total_hours, estimated_value,"
            + " route, status, awarded_org_no, agreed_value, created_at, version, competition, tender_deadline from call_off";

    private static Row read(DbRow r) {
        return new Row(r.column("id").get(String.class), r.column("buyer_org_no").get(String.class),
                r.column("framework_id").get(String.class), r.column("lot_id").get(String.class),
                Json.tree(r.column("document").get(String.class)), r.column("total_hours").get(BigDecimal.class),
                r.column("estimated_value").get(BigDecimal.class), r.column("route").get(String.class),
                r.column("status").get(String.class), r.column("awarded_org_no").get(String.class),
                r.column("agreed_value").get(BigDecimal.class), Rows.instant(r, "created_at"),
                r.column("version").get(Integer.class), Optional.ofNullable(r.column("competition").get(String.class)).map(Json::tree).orElse(null),
                Rows.instant(r, "tender_deadline"));
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
