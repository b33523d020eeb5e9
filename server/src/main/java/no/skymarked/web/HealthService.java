package no.skymarked.web;

import io.helidon.dbclient.DbClient;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.skymarked.shared.Http;

/** {@code /health}, {@code /health/live}, {@code /health/ready}: liveness, and readiness with a database check and the search index's figures. */
public final class HealthService implements HttpService {
    private final DbClient db;
    private final no.skymarked.catalogue.CatalogueRepository catalogue;

    public HealthService(DbClient db, no.skymarked.catalogue.CatalogueRepository catalogue) {
        this.db = db;
        this.catalogue = catalogue;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", this::ready)
                .get("/health/ready", this::ready)
                .get("/health/live", (req, res) -> Http.json(res, Map.of("status", "UP")));
    }

    private void ready(ServerRequest req, ServerResponse res) {
        String dbStatus;
        try {
            db.execute().get("select 1 as one from catalogue_load where 1 = 0");
            dbStatus = "UP";
        } catch (RuntimeException e) {
            dbStatus = "DOWN";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", dbStatus);
        var search = catalogue.searchStats();
        // the search index answers from the first search on (it is built then if the start has not finished it)
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("services", search.services());
        index.put("revision", search.revision());
        index.put("lastBuildMillis", search.buildMillis());
        index.put("lastBuildServices", search.changed());
        index.put("heapBytes", search.heapBytes());
        index.put("answerCacheHits", search.cacheHits());
        index.put("answerCacheMisses", search.cacheMisses());
        body.put("checks", List.of(Map.of("name", "database", "status", dbStatus),
                Map.of("name", "search-index", "status", search.revision() < 0 ? "BUILDING" : "UP", "data", index)));
        if (!"UP".equals(dbStatus)) {
            res.status(Status.SERVICE_UNAVAILABLE_503);
        }
        Http.json(res, body);
    }
}
