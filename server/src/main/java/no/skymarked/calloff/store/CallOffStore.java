package no.skymarked.calloff.store;

import io.helidon.dbclient.DbRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import no.skymarked.calloff.application.CallOffRepository;
import no.skymarked.calloff.application.OfferRecord;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.CallOffNeed;
import no.skymarked.calloff.domain.CallOffStatus;
import no.skymarked.calloff.domain.DirectCallOff;
import no.skymarked.calloff.domain.Offer;
import no.skymarked.calloff.domain.OfferOutcome;
import no.skymarked.calloff.domain.Route;
import no.skymarked.calloff.domain.WorkingDayCalendar;
import no.skymarked.calloff.wire.CallOffJson;
import no.skymarked.calloff.wire.CompetitionColumn;
import no.skymarked.shared.Json;
import no.skymarked.shared.Rows;

/** Call-offs and their offers over DbClient, in the session's transaction. */
public final class CallOffStore implements CallOffRepository {
    private static final String SELECT = "select id, buyer_org_no, framework_id, lot_id, framework_version, document, estimated_value, route, status,"
            + " awarded_org_no, agreed_value, created_at, version, competition from call_off";
    private final DbSession session;
    private final ShardedValueLedger ledger;

    public CallOffStore(DbSession session, ShardedValueLedger ledger) {
        this.session = session;
        this.ledger = ledger;
    }

    @Override
    public Optional<CallOff> find(String id) {
        return session.exec().createGet(SELECT + " where id = ?").params(id).execute().map(CallOffStore::read);
    }

    @Override
    public Optional<CallOff> lock(String id) {
        return session.exec().createGet(SELECT + " where id = ? for update").params(id).execute().map(CallOffStore::read);
    }

    @Override
    public void insert(CallOff c) {
        session.exec().createInsert("insert into call_off (id, buyer_org_no, framework_id, lot_id, framework_version, title, project_reference,"
                        + " need_description, document, total_hours, estimated_value, route, status, created_at, version, competition,"
                        + " booked_value, value_shard) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)")
                .params(c.id(), c.buyerOrgNo(), c.frameworkId(), c.lotId(), c.frameworkVersion(), c.details().title(),
                        c.details().projectReference(), c.details().needDescription(), Json.text(CallOffJson.details(c.details())),
                        c.totalHours(), c.estimatedValue(), c.route().name(), c.status().name(), utc(c.createdAt()),
                        CompetitionColumn.write(c), c.committedValue(), ShardedValueLedger.shareOf(c.id()))
                .execute();
    }

    @Override
    public boolean update(CallOff c) {
        boolean saved = session.exec().createUpdate("update call_off set status = ?, awarded_org_no = ?, agreed_value = ?, competition = ?,"
                        + " tender_deadline = ?, booked_value = ?, version = version + 1 where id = ? and version = ?")
                .params(c.status().name(), c.awardedOrgNo().orElse(null), c.agreedValue().orElse(null), CompetitionColumn.write(c),
                        utc(c.tenderDeadline().orElse(null)), c.committedValue(), c.id(), c.version()).execute() == 1;
        if (saved && c.committedChange().signum() != 0) {
            ledger.settle(c.frameworkId(), c.id(), c.committedChange());
        }
        return saved;
    }

    @Override
    public List<CallOff> list(String buyerOrgNo, String supplierOrgNo, int limit, int offset) {
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
        try (Stream<DbRow> rows = session.exec().createQuery(sql.toString()).params(params).execute()) {
            return rows.map(CallOffStore::read).toList();
        }
    }

    @Override
    public List<String> withLapsedOffers(Instant now) {
        return ids("select distinct o.call_off_id as id from offer o join call_off c on c.id = o.call_off_id"
                + " where o.outcome = 'PENDING' and o.deadline < ? and c.status = 'OFFERED'", now);
    }

    @Override
    public List<String> withPassedTenderDeadlines(Instant now) {
        return ids("select id from call_off where status = 'TENDERING' and tender_deadline <= ?", now);
    }

    private List<String> ids(String sql, Instant now) {
        try (Stream<DbRow> rows = session.exec().createQuery(sql).params(utc(now)).execute()) {
            return rows.map(r -> r.column("id").get(String.class)).toList();
        }
    }

    @Override
    public List<DirectCallOff> directCallOffs(String buyerOrgNo, String frameworkId, Instant since) {
        // the need from its columns; a call-off stored before they existed gives its document instead
        try (Stream<DbRow> rows = session.exec().createQuery("select id, lot_id, created_at, total_hours, status, title, project_reference,"
                        + " need_description, case when need_description is null then document end as document from call_off"
                        + " where buyer_org_no = ? and framework_id = ? and created_at >= ? and route = 'DIRECT_AWARD'")
                .params(buyerOrgNo, frameworkId, utc(since)).execute()) {
            return rows.map(r -> new DirectCallOff(r.column("id").get(String.class), buyerOrgNo, frameworkId,
                    r.column("lot_id").get(String.class), Rows.instant(r, "created_at").atZone(WorkingDayCalendar.OSLO).toLocalDate(),
                    r.column("total_hours").get(BigDecimal.class), CallOffStatus.valueOf(r.column("status").get(String.class)),
                    need(r))).toList();
        }
    }

    private static CallOffNeed need(DbRow r) {
        String description = r.column("need_description").get(String.class);
        return description == null ? CallOffJson.details(Json.tree(r.column("document").get(String.class))).need()
                : new CallOffNeed(r.column("project_reference").get(String.class), r.column("title").get(String.class), description);
    }

    @Override
    public void saveOffers(String callOffId, List<Offer> offers, List<OfferRecord> before, Instant now, Map<String, String> reasons) {
        for (Offer o : offers) {
            OfferRecord old = before.stream().filter(b -> b.offer().id().equals(o.id())).findFirst().orElse(null);
            if (old == null) {
                session.exec().createInsert("insert into offer (id, call_off_id, supplier_org_no, rank_no, sent_at, deadline, outcome)"
                                + " values (?, ?, ?, ?, ?, ?, ?)")
                        .params(o.id(), callOffId, o.orgNo(), o.rank(), utc(o.sentAt()), utc(o.deadline()), o.outcome().name())
                        .execute();
            } else if (old.offer().outcome() != o.outcome()) {
                session.exec().createUpdate("update offer set outcome = ?, responded_at = ?, reason = ? where id = ? and outcome = 'PENDING'")
                        .params(o.outcome().name(), utc(now), reasons.get(o.id()), o.id()).execute();
            }
        }
    }

    @Override
    public List<OfferRecord> offers(String callOffId) {
        try (Stream<DbRow> rows = session.exec().createQuery("select id, supplier_org_no, rank_no, sent_at, deadline, outcome,"
                + " responded_at, reason from offer where call_off_id = ? order by sent_at, rank_no").params(callOffId).execute()) {
            return rows.map(r -> new OfferRecord(new Offer(r.column("id").get(String.class), r.column("supplier_org_no").get(String.class),
                    r.column("rank_no").get(Integer.class), Rows.instant(r, "sent_at"), Rows.instant(r, "deadline"),
                    OfferOutcome.valueOf(r.column("outcome").get(String.class))), Rows.instant(r, "responded_at"),
                    r.column("reason").get(String.class))).toList();
        }
    }

    private static CallOff read(DbRow r) {
        String column = r.column("competition").get(String.class);
        CompetitionColumn.Ends ends = CompetitionColumn.ends(column);
        return new CallOff(new CallOff.State(r.column("id").get(String.class), r.column("buyer_org_no").get(String.class),
                r.column("framework_id").get(String.class), r.column("lot_id").get(String.class),
                ((Number) r.column("framework_version").get()).intValue(), CallOffJson.details(Json.tree(r.column("document").get(String.class))), r.column("estimated_value").get(BigDecimal.class),
                Route.valueOf(r.column("route").get(String.class)), Rows.instant(r, "created_at"), r.column("version").get(Integer.class),
                CallOffStatus.valueOf(r.column("status").get(String.class)), r.column("awarded_org_no").get(String.class),
                r.column("agreed_value").get(BigDecimal.class), CompetitionColumn.competition(column), ends.cancellation(),
                ends.unsuccessful(), ends.contract()));
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
