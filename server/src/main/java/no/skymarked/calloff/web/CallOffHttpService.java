package no.skymarked.calloff.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.skymarked.auth.Access;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.calloff.CallOffFeature;
import no.skymarked.calloff.application.Created;
import no.skymarked.calloff.application.Idempotency;
import no.skymarked.calloff.application.ReadingCallOffs;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.DeclineReason;
import no.skymarked.calloff.domain.OfferResponse;
import no.skymarked.calloff.wire.CallOffJson;
import no.skymarked.shared.Cursor;
import no.skymarked.shared.Http;
import no.skymarked.shared.Json;
import no.skymarked.shared.Page;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.QueryParams;

/** {@code /v1/call-offs}: create, read, offers and responses, protocol. */
public final class CallOffHttpService implements HttpService {
    private static final Access.Rule PARTIES = Access.Rule.anyOf(Role.BUYER, Role.SUPPLIER, Role.AUDITOR);
    private final CallOffFeature feature;

    public CallOffHttpService(CallOffFeature feature) {
        this.feature = feature;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/v1/call-offs", this::create)
                .get("/v1/call-offs", this::list)
                .get("/v1/call-offs/{callOffId}", this::one)
                .get("/v1/call-offs/{callOffId}/offers", this::offers)
                .post("/v1/call-offs/{callOffId}/offers/{offerId}/response", this::respond)
                .get("/v1/call-offs/{callOffId}/protocol", this::protocol);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, Access.Rule.anyOf(Role.BUYER), "call off (buyer)");
        JsonNode body = no.skymarked.shared.Bodies.object(req);
        Idempotency key = Requests.idempotency(req, Json.text(body));
        if (key != null && replayed(res, feature.creating().replay(buyer, key).orElse(null))) {
            return;
        }
        JsonNode onBehalfOf = body.path("buyerOrgNo");
        if (onBehalfOf.isTextual() && !onBehalfOf.asText().equals(buyer.orgNo())) {
            throw new ProblemException(403, "/problems/forbidden", "Forbidden", "organisation " + buyer.orgNo()
                    + " may call off only for itself, not for " + onBehalfOf.asText(), List.of());
        }
        no.skymarked.shared.RequestSchemas.validate("createCallOff", body, "/problems/invalid-call-off");
        Created<CallOff> created;
        String[] rendered = new String[1];  // the view kept for the Idempotency-Key is the one sent
        try {
            created = feature.creating().create(buyer, CallOffRequests.command(body, key), c -> rendered[0] = Json.text(CallOffJson.view(c)));
        } catch (RuntimeException e) {
            if (key != null && replayed(res, feature.creating().replay(buyer, key).orElse(null))) {
                return;  // a concurrent request with the same key won
            }
            throw e;
        }
        if (replayed(res, created.replayedBody())) {
            return;
        }
        String view = rendered[0] != null ? rendered[0] : Json.text(CallOffJson.view(created.value()));
        res.status(Status.CREATED_201).header(HeaderNames.LOCATION, "/v1/call-offs/" + created.value().id())
                .header(HeaderNames.CONTENT_TYPE, Http.JSON).send(view.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean replayed(ServerResponse res, String body) {
        if (body == null) {
            return false;
        }
        res.status(Status.CREATED_201).header(HeaderNames.LOCATION, "/v1/call-offs/" + Json.tree(body).path("id").asText())
                .header(HeaderNames.CONTENT_TYPE, Http.JSON).header(HeaderNames.create("Idempotent-Replayed"), "true")
                .send(body.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private void list(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "list call-offs (buyer: own; supplier: offered; auditor: all)");
        QueryParams params = new QueryParams(req.query());
        int limit = params.limit();
        int offset = Cursor.offsetOf(params.cursor(), "call-offs");
        List<JsonNode> rows = feature.reading().list(caller, limit + 1, offset).stream().map(c -> (JsonNode) CallOffJson.view(c)).toList();
        Http.json(res, Page.of(rows, limit, offset, "call-offs"));
    }

    private void one(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read call-offs");
        ReadingCallOffs.Seen seen = feature.reading().one(caller, id(req));
        Http.jsonWithEtag(req, res, CallOffJson.view(seen.callOff()), "\"v" + seen.callOff().version() + "\"");
    }

    private void offers(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read call-offs");
        List<JsonNode> items = feature.reading().offers(caller, id(req)).stream().map(o -> (JsonNode) Views.offer(id(req), o)).toList();
        Http.json(res, Map.of("items", items));
    }

    private void respond(ServerRequest req, ServerResponse res) {
        Principal supplier = Access.require(req, Access.Rule.anyOf(Role.SUPPLIER), "answer an offer (the offered supplier)");
        JsonNode body = no.skymarked.shared.RequestSchemas.validate("respondToOffer", no.skymarked.shared.Bodies.object(req),
                "/problems/invalid-body", "Invalid body");
        OfferResponse decision = OfferResponse.valueOf(body.path("decision").asText());
        DeclineReason reason = decision == OfferResponse.DECLINE ? DeclineReason.valueOf(body.path("reason").asText()) : null;
        feature.answering().respond(supplier, id(req), Http.pathParam(req, "offerId"), decision, reason);
        Http.json(res, CallOffJson.view(feature.reading().one(supplier, id(req)).callOff()));
    }

    private void protocol(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read the protocol (buyer, auditor)");
        Http.json(res, Views.protocol(feature.reading().protocol(caller, id(req))));
    }

    private static String id(ServerRequest req) {
        return Http.pathParam(req, "callOffId");
    }
}
