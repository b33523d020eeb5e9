package no.skymarked.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import no.skymarked.shared.Json;

/** Catalogue data access over DbClient: search with facets, reads by id. */
public final class CatalogueRepository {
    private final DbClient db;
    private final SearchIndex index;

    public CatalogueRepository(DbClient db) {
        this(db, false);
    }

    /** {@code memorySearch}: answer searches from an in-memory index (the embedded database's choice). */
    public CatalogueRepository(DbClient db, boolean memorySearch) {
        this.db = db;
        this.index = memorySearch ? new SearchIndex(db) : null;
    }

    /** A stored document with its version, for ETags. */
    public record Versioned(JsonNode document, int version) {
        public String etag() {
            return "\"v" + version + "\"";
        }
    }

    /** Builds the in-memory search index in the background, if there is one. */
    public void warmSearch() {
        if (index != null) {
            Thread.ofVirtual().name("skymarked-search-index").start(() -> {
                try {
                    index.warm();
                } catch (RuntimeException e) {
                    java.util.logging.Logger.getLogger(CatalogueRepository.class.getName())
                            .log(java.util.logging.Level.WARNING, "building the search index failed; the first search will try again", e);
                }
            });
        }
    }

    public SearchResult search(SearchQuery query, int limit, int offset) {
        if (index != null) {
            return index.search(query, limit, offset);
        }
        Where where = Where.of(query);
        List<Object> params = new ArrayList<>(where.scoreParams());
        params.addAll(where.params());
        params.add(limit + 1);
        params.add(offset);
        String sql = "select s.document, " + where.score() + " as score from service s where " + where.sql()
                + " order by score desc, s.name_nb, s.id limit ? offset ?";
        List<JsonNode> items = new ArrayList<>();
        try (Stream<DbRow> rows = db.execute().createQuery(sql).params(params).execute()) {
            rows.forEach(r -> items.add(Json.tree(r.column("document").get(String.class))));
        }
        no.skymarked.shared.Page<JsonNode> page = no.skymarked.shared.Page.of(items, limit, offset, query.hash());
        return new SearchResult(page.items(), page.nextCursor(), facets(where));
    }

    private Map<String, List<Facet>> facets(Where where) {
        Map<String, List<Facet>> facets = new LinkedHashMap<>();
        facets.put("category", facet("select s.category k, count(*) c, '' l from service s where "
                + where.sql() + " group by s.category", where));
        facets.put("supplier", facet("select s.supplier_org_no k, count(*) c, max(p.name) l from service s"
                + " join supplier p on p.org_no = s.supplier_org_no where " + where.sql()
                + " group by s.supplier_org_no", where));
        facets.put("dataLocation", facet("select x.country k, count(*) c, '' l from service s"
                + " join service_storage_country x on x.service_id = s.id where " + where.sql()
                + " group by x.country", where));
        facets.put("certification", facet("select x.certification k, count(*) c, '' l from service s"
                + " join service_certification x on x.service_id = s.id where " + where.sql()
                + " group by x.certification", where));
        facets.put("framework", facet("select x.framework_id k, count(distinct s.id) c, max(f.title_nb) l from service s"
                + " join service_framework x on x.service_id = s.id join framework f on f.id = x.framework_id where "
                + where.sql() + " group by x.framework_id", where));
        return facets;
    }

    private List<Facet> facet(String sql, Where where) {
        List<Facet> out = new ArrayList<>();
        try (Stream<DbRow> rows = db.execute().createQuery(sql + " order by c desc, k").params(where.params()).execute()) {
            rows.forEach(r -> {
                String label = r.column("l").get(String.class);
                out.add(new Facet(r.column("k").get(String.class), ((Number) r.column("c").get(Long.class)).longValue(),
                        label.isEmpty() ? null : label));
            });
        }
        return out;
    }

    public Optional<Versioned> service(String id) {
        return versioned(db.execute(), "select document, version from service where id = ?", id);
    }

    public Optional<Versioned> supplier(String orgNo) {
        return versioned(db.execute(), "select document, version from supplier where org_no = ?", orgNo);
    }

    public List<JsonNode> suppliers(int limit, int offset) {
        return documents("select document from supplier order by name, org_no limit ? offset ?", limit, offset);
    }

    public Optional<Versioned> framework(String id) {
        return framework(db.execute(), id);
    }

    /** Read inside the caller's transaction, so it needs no second connection. */
    public Optional<Versioned> framework(DbExecute exec, String id) {
        return versioned(exec, "select document, version from framework where id = ?", id);
    }

    /** The recorded versions of a framework, oldest first: when, by whom, and for an amendment its reason and terms. */
    public List<JsonNode> frameworkVersions(String id) {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<DbRow> rows = db.execute().createQuery("select version, recorded_at, recorded_by, amendment_reason, amended_terms"
                + " from framework_version where framework_id = ? order by version").params(id).execute()) {
            rows.forEach(r -> {
                com.fasterxml.jackson.databind.node.ObjectNode v = Json.MAPPER.createObjectNode()
                        .put("version", r.column("version").get(Integer.class))
                        .put("recordedAt", no.skymarked.shared.Rows.instant(r, "recorded_at").toString())
                        .put("recordedBy", r.column("recorded_by").get(String.class));
                String reason = r.column("amendment_reason").get(String.class);
                String terms = r.column("amended_terms").get(String.class);
                v.put("amendment", terms != null);
                if (reason != null) {
                    v.put("reason", reason);
                }
                com.fasterxml.jackson.databind.node.ArrayNode amended = v.putArray("amendedTerms");
                if (terms != null) {
                    for (String t : terms.split("\n")) {
                        amended.add(t);
                    }
                }
                out.add(v);
            });
        }
        return out;
    }

    public List<JsonNode> frameworks(int limit, int offset) {
        return documents("select document from framework order by id limit ? offset ?", limit, offset);
    }

    private List<JsonNode> documents(String sql, int limit, int offset) {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<DbRow> rows = db.execute().createQuery(sql).params(limit, offset).execute()) {
            rows.forEach(r -> out.add(Json.tree(r.column("document").get(String.class))));
        }
        return out;
    }

    private static Optional<Versioned> versioned(DbExecute exec, String sql, String id) {
        return exec.createGet(sql).params(id).execute()
                .map(r -> new Versioned(Json.tree(r.column("document").get(String.class)),
                        ((Number) r.column("version").get()).intValue()));
    }
}
