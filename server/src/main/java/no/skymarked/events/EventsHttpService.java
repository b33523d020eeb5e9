package no.skymarked.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import no.skymarked.auth.Access;
import no.skymarked.auth.Principal;
import no.skymarked.shared.Http;
import no.skymarked.shared.Json;
import no.skymarked.shared.QueryParams;

/** {@code GET /v1/events}: the change feed, in commit order, as the caller may see it. */
public final class EventsHttpService implements HttpService {
    private final FeedReader feed;

    public EventsHttpService(FeedReader feed) {
        this.feed = feed;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/v1/events", this::list);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Principal caller = Access.principal(req);
        QueryParams params = new QueryParams(req.query());
        long after = Cursors.after(params.single("after", 20), "after");
        int limit = params.limit();
        List<JsonNode> items = feed.after(after, caller, limit).stream().map(e -> (JsonNode) CloudEvents.envelope(e)).toList();
        ObjectNode page = Json.MAPPER.createObjectNode();
        page.putArray("items").addAll(items);
        page.put("nextCursor", items.isEmpty() ? Long.toString(after) : items.get(items.size() - 1).path("id").asText());
        Http.json(res, page);
    }
}
