package no.skymarked.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.skymarked.shared.Json;
import no.skymarked.shared.Rows;

/** Accessions over DbClient. */
public final class AccessionRepository {
    private static final String COLUMNS = "id, framework_id, agency_org_no, lots, signed_at, signed_by, valid_from, valid_to";
    /** valid_to read without nulls: the Helidon column API refuses null values. */
    private static final String SELECT = "select id, framework_id, agency_org_no, lots, signed_at, signed_by, valid_from,"
            + " coalesce(valid_to, date '9999-12-31') as valid_to from accession";
    private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);
    private final DbClient db;

    public AccessionRepository(DbClient db) {
        this.db = db;
    }

    public record Accession(String id, String frameworkId, String agencyOrgNo, List<String> lots,
                            OffsetDateTime signedAt, String signedBy, LocalDate validFrom, LocalDate validTo) {
        public JsonNode toJson() {
            ObjectNode n = Json.MAPPER.createObjectNode().put("id", id).put("frameworkId", frameworkId)
                    .put("agencyOrgNo", agencyOrgNo);
            lots.forEach(n.putArray("lots")::add);
            n.put("signedAt", signedAt.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString())
                    .put("signedBy", signedBy).put("validFrom", validFrom.toString());
            if (validTo != null) {
                n.put("validTo", validTo.toString());
            }
            return n;
        }
    }

    public Optional<Accession> find(String frameworkId, String agencyOrgNo) {
        return db.execute().createGet(SELECT + " where framework_id = ? and agency_org_no = ?")
                .params(frameworkId, agencyOrgNo).execute().map(AccessionRepository::read);
    }

    /** Inserts unless the agency already acceded (then the earlier accession wins and is returned). */
    public Accession insert(Accession a) {
        try {
            db.execute().createInsert("insert into accession (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(a.id(), a.frameworkId(), a.agencyOrgNo(), String.join(",", a.lots()), a.signedAt(),
                            a.signedBy(), a.validFrom(), a.validTo())
                    .execute();
            return a;
        } catch (RuntimeException e) {
            return find(a.frameworkId(), a.agencyOrgNo()).orElseThrow(() -> e);
        }
    }

    public List<Accession> list(String agencyOrgNo, String frameworkId) {
        StringBuilder sql = new StringBuilder(SELECT + " where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (agencyOrgNo != null) {
            sql.append(" and agency_org_no = ?");
            params.add(agencyOrgNo);
        }
        if (frameworkId != null) {
            sql.append(" and framework_id = ?");
            params.add(frameworkId);
        }
        List<Accession> out = new ArrayList<>();
        try (Stream<DbRow> rows = db.execute().createQuery(sql + " order by signed_at, id").params(params).execute()) {
            rows.forEach(r -> out.add(read(r)));
        }
        return out;
    }

    private static Accession read(DbRow r) {
        String lots = r.column("lots").get(String.class);
        LocalDate validTo = r.column("valid_to").get(java.sql.Date.class).toLocalDate();
        return new Accession(r.column("id").get(String.class), r.column("framework_id").get(String.class),
                r.column("agency_org_no").get(String.class), lots.isEmpty() ? List.of() : List.of(lots.split(",")),
                Rows.instant(r, "signed_at").atOffset(ZoneOffset.UTC), r.column("signed_by").get(String.class),
                r.column("valid_from").get(java.sql.Date.class).toLocalDate(), validTo.equals(OPEN_END) ? null : validTo);
    }
}
