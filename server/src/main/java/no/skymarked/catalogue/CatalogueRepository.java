package no.skymarked.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import no.skymarked.catalogue.search.CatalogueIndex;
import no.skymarked.catalogue.search.SearchQuery;
import no.skymarked.catalogue.search.SearchResult;
import no.skymarked.shared.Json;

/** Catalogue data access over DbClient: reads by id; search goes to the catalogue's Lucene index. */
public final class CatalogueRepository {
    private final DbClient db;
    private final CatalogueIndex index;

    public CatalogueRepository(DbClient db) {
        this(db, DEFAULT_SEARCH_CACHE);
    }

    /** {@code searchCache}: rendered search answers kept per catalogue revision (0: none). */
    public CatalogueRepository(DbClient db, int searchCache) {
        this.db = db;
        this.index = new CatalogueIndex(db, searchCache);
    }

    public static final int DEFAULT_SEARCH_CACHE = 1000;

    /** A stored document with its version, for ETags. */
    public record Versioned(JsonNode document, int version) {
        public String etag() {
            return "\"v" + version + "\"";
        }
    }

    /** Builds the search index in the background, so the first search does not wait for it. */
    public void warmSearch() {
        Thread.ofVirtual().name("skymarked-search-index").start(() -> {
            try {
                index.warm();
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(CatalogueRepository.class.getName())
                        .log(java.util.logging.Level.WARNING, "building the search index failed; the first search will try again", e);
            }
        });
    }

    /** A search's answer as {@code render} makes it, cached per catalogue revision. */
    public byte[] searchAnswer(SearchQuery query, int limit, int offset, java.util.function.Function<SearchResult, byte[]> render) {
        return index.answer(query, limit, offset, render);
    }

    public CatalogueIndex.Stats searchStats() {
        return index.stats();
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
