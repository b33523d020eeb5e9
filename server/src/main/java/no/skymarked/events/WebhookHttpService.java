package no.skymarked.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import no.skymarked.auth.Access;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.shared.Bodies;
import no.skymarked.shared.Http;
import no.skymarked.shared.Json;
import no.skymarked.shared.RequestSchemas;

/** {@code /v1/webhook-subscriptions}: an agency or a supplier subscribes to the events it may see. */
public final class WebhookHttpService implements HttpService {
    private static final Access.Rule SUBSCRIBERS = Access.Rule.anyOf(Role.BUYER, Role.SUPPLIER);
    private static final String WHO = "manage webhook subscriptions (buyer or supplier, for its own organisation)";
    private final WebhookSubscriptions subscriptions;

    public WebhookHttpService(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/v1/webhook-subscriptions", this::create)
                .get("/v1/webhook-subscriptions", this::list)
                .get("/v1/webhook-subscriptions/{subscriptionId}", this::one)
                .delete("/v1/webhook-subscriptions/{subscriptionId}", this::delete)
                .post("/v1/webhook-subscriptions/{subscriptionId}/replays", this::replay);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Principal owner = Access.require(req, SUBSCRIBERS, WHO);
        JsonNode body = RequestSchemas.validate("createWebhookSubscription", Bodies.object(req), "/problems/invalid-body", "Invalid body");
        Long after = body.hasNonNull("after") ? Cursors.after(body.path("after").asText(), "after") : null;
        Subscription s = subscriptions.create(owner, body.path("url").asText(), body.path("description").asText(null), after);
        ObjectNode view = view(s);
        view.put("secret", s.secret());
        res.status(Status.CREATED_201).header(HeaderNames.LOCATION, "/v1/webhook-subscriptions/" + s.id());
        Http.json(res, view);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Principal owner = Access.require(req, SUBSCRIBERS, WHO);
        ObjectNode page = Json.MAPPER.createObjectNode();
        subscriptions.list(owner).forEach(s -> page.withArray("items").add(view(s)));
        page.withArray("items");
        Http.json(res, page);
    }

    private void one(ServerRequest req, ServerResponse res) {
        Principal owner = Access.require(req, SUBSCRIBERS, WHO);
        Http.json(res, view(subscriptions.get(owner, Http.pathParam(req, "subscriptionId"))));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Principal owner = Access.require(req, SUBSCRIBERS, WHO);
        subscriptions.delete(owner, Http.pathParam(req, "subscriptionId"));
        res.status(Status.NO_CONTENT_204).send();
    }

    private void replay(ServerRequest req, ServerResponse res) {
        Principal owner = Access.require(req, SUBSCRIBERS, WHO);
        JsonNode body = RequestSchemas.validate("replayWebhookSubscription", Bodies.object(req), "/problems/invalid-body", "Invalid body");
        long after = Cursors.after(body.path("after").asText(), "after");
        res.status(Status.ACCEPTED_202);
        Http.json(res, view(subscriptions.replay(owner, Http.pathParam(req, "subscriptionId"), after)));
    }

    /** The subscription as the API shows it; the secret only in the answer to its creation. */
    static ObjectNode view(Subscription s) {
        ObjectNode v = Json.MAPPER.createObjectNode().put("id", s.id()).put("url", s.url());
        if (s.description() != null) {
            v.put("description", s.description());
        }
        v.put("status", s.status());
        if (s.disabledReason() != null) {
            v.put("disabledReason", s.disabledReason());
        }
        v.put("cursor", Long.toString(s.position())).put("failedAttempts", s.attempts()).put("deliveredCount", s.deliveredCount());
        if (s.nextAttemptAt() != null) {
            v.put("nextAttemptAt", s.nextAttemptAt().toString());
        }
        if (s.lastAttemptAt() != null) {
            v.put("lastAttemptAt", s.lastAttemptAt().toString());
        }
        if (s.lastResponseStatus() != null) {
            v.put("lastResponseStatus", s.lastResponseStatus());
        }
        if (s.lastError() != null) {
            v.put("lastError", s.lastError());
        }
        v.put("createdAt", s.createdAt().toString());
        return v;
    }
}
