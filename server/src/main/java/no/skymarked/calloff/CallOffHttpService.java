package no.skymarked.calloff;

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
import no.skymarked.calloff.domain.DeclineReason;
import no.skymarked.calloff.domain.OfferResponse;
import no.skymarked.shared.Bodies;
import no.skymarked.shared.Cursor;
import no.skymarked.shared.Http;
import no.skymarked.shared.Json;
import no.skymarked.shared.Page;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.QueryParams;

/** {@code /v1/call-offs}: create, read, offers and responses, protocol. */
public final class CallOffHttpService implements HttpService {
    private static final Access.Rule PARTIES = Access.Rule.anyOf(Role.BUYER, Role.SUPPLIER, Role.AUDITOR);
    private final CallOffs callOffs;
    private final MiniCompetitions competitions;

    public CallOffHttpService(CallOffs callOffs, MiniCompetitions competitions) {
        this.callOffs = callOffs;
        this.competitions = competitions;
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
        JsonNode body = Bodies.object(req);
        CallOffs.IdempotencyKey idempotency = idempotencyKey(req, Json.text(body));
        if (idempotency != null && replayed(res, buyer, idempotency)) {
            return;
        }
        JsonNode onBehalfOf = body.path("buyerOrgNo");
        if (onBehalfOf.isTextual() && !onBehalfOf.asText().equals(buyer.orgNo())) {
            throw new ProblemException(403, "/problems/forbidden", "Forbidden", "organisation " + buyer.orgNo()
                    + " may call off only for itself, not for " + onBehalfOf.asText(), List.of());
        }
        CallOffRequest request = CallOffRequest.read(body);
        JsonNode view;
        try {
            JsonNode serviceVersions = body.has("serviceVersions") ? body.path("serviceVersions") : Json.MAPPER.createArrayNode();
            view = callOffs.create(buyer, request, idempotency, serviceVersions);
        } catch (RuntimeException e) {
            if (idempotency != null && replayed(res, buyer, idempotency)) {
                return;  // a concurrent request with the same key won
            }
            throw e;
        }
        res.status(Status.CREATED_201).header(HeaderNames.LOCATION, "/v1/call-offs/" + view.path("id").asText());
        Http.json(res, view);
    }

    /** The Idempotency-Key header with the hash of what it is sent with; null without the header. */
    static CallOffs.IdempotencyKey idempotencyKey(ServerRequest req, String request) {
        String key = req.headers().first(HeaderNames.create("Idempotency-Key")).orElse(null);
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200) {
            throw new ProblemException(400, "/problems/invalid-parameter", "Invalid parameter",
                    "header 'Idempotency-Key' must be 1 to 200 characters", List.of());
        }
        return new CallOffs.IdempotencyKey(key, Cursor.hash(request));
    }

    private boolean replayed(ServerResponse res, Principal buyer, CallOffs.IdempotencyKey idempotency) {
        var stored = callOffs.store().storedResponse(buyer.orgNo(), idempotency.key());
        if (stored.isEmpty()) {
            return false;
        }
        if (!stored.get().requestHash().equals(idempotency.requestHash())) {
            throw new ProblemException(422, "/problems/idempotency-key-reused", "Idempotency key reused",
                    "this Idempotency-Key was used with another request body", List.of());
        }
        res.status(stored.get().status()).header(HeaderNames.CONTENT_TYPE, Http.JSON)
                .header(HeaderNames.create("Idempotent-Replayed"), "true")
                .send(stored.get().body().getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private void list(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "list call-offs (buyer: own; supplier: offered; auditor: all)");
        QueryParams params = new QueryParams(req.query());
        int limit = params.limit();
        int offset = Cursor.offsetOf(params.cursor(), "call-offs");
        boolean all = caller.has(Role.AUDITOR);
        String buyer = !all && caller.has(Role.BUYER) ? caller.orgNo() : null;
        String supplier = !all && buyer == null ? caller.orgNo() : null;
        List<JsonNode> rows = callOffs.store().list(buyer, supplier, limit + 1, offset).stream()
                .map(r -> (JsonNode) CallOffViews.callOff(r)).toList();
        Http.json(res, Page.of(rows, limit, offset, "call-offs"));
    }

    private void one(ServerRequest req, ServerResponse res) {
        CallOffs.Loaded c = visible(req, false);
        Http.jsonWithEtag(req, res, CallOffViews.callOff(c.row()), "\"v" + c.row().version() + "\"");
    }

    private void offers(ServerRequest req, ServerResponse res) {
        Principal caller = Access.principal(req);
        CallOffs.Loaded c = visible(req, false);
        boolean all = caller.has(Role.AUDITOR) || caller.actsFor(Role.BUYER, c.row().buyerOrgNo());
        List<JsonNode> items = c.offers().stream()
                .filter(o -> all || o.offer().orgNo().equals(caller.orgNo()))
                .map(o -> (JsonNode) CallOffViews.offer(c.row().id(), o)).toList();
        Http.json(res, Map.of("items", items));
    }

    private void respond(ServerRequest req, ServerResponse res) {
        Principal supplier = Access.require(req, Access.Rule.anyOf(Role.SUPPLIER), "answer an offer (the offered supplier)");
        JsonNode body = Bodies.object(req);
        OfferResponse decision = enumOf(OfferResponse.class, body, "decision", "ACCEPT or DECLINE");
        DeclineReason reason = decision == OfferResponse.DECLINE
                ? enumOf(DeclineReason.class, body, "reason", "one of " + List.of(DeclineReason.values())) : null;
        String callOffId = Http.pathParam(req, "callOffId");
        callOffs.respond(supplier, callOffId, Http.pathParam(req, "offerId"), decision, reason);
        CallOffs.Loaded c = callOffs.load(callOffs.store().db().execute(), callOffId);
        Http.json(res, CallOffViews.callOff(c.row()));
    }

    private void protocol(ServerRequest req, ServerResponse res) {
        CallOffs.Loaded c = visible(req, true);
        Http.json(res, CallOffViews.protocol(c.row().id(), callOffs.store().protocol(callOffs.store().db().execute(), c.row().id())));
    }

    /** Loads a call-off after applying lapsed deadlines; 404 for callers who may not see it. */
    private CallOffs.Loaded visible(ServerRequest req, boolean protocolOnly) {
        Principal caller = Access.require(req, PARTIES, protocolOnly ? "read the protocol (buyer, auditor)" : "read call-offs");
        String id = Http.pathParam(req, "callOffId");
        callOffs.refresh(id);
        CallOffs.Loaded c = callOffs.load(callOffs.store().db().execute(), id);
        if ("TENDERING".equals(c.row().status())) {
            competitions.refresh(id);  // a passed tender deadline closes the competition first
            c = callOffs.load(callOffs.store().db().execute(), id);
        }
        boolean buyer = caller.actsFor(Role.BUYER, c.row().buyerOrgNo());
        boolean invited = caller.has(Role.SUPPLIER) && competitions.store().parties(callOffs.store().db().execute(), id).stream()
                .anyMatch(p -> p.orgNo().equals(caller.orgNo()) && "INVITED".equals(p.status()));
        boolean offered = invited
                || caller.has(Role.SUPPLIER) && c.offers().stream().anyMatch(o -> o.offer().orgNo().equals(caller.orgNo()));
        boolean allowed = caller.has(Role.AUDITOR) || buyer || (!protocolOnly && offered);
        if (!allowed) {
            if (protocolOnly && offered) {
                throw new ProblemException(403, "/problems/forbidden", "Forbidden", "the protocol is for the buyer and auditors", List.of());
            }
            throw ProblemException.notFound("Call-off", id);
        }
        return c;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode body, String field, String expected) {
        try {
            return Enum.valueOf(type, body.path(field).asText(""));
        } catch (IllegalArgumentException e) {
            throw Bodies.invalid("/problems/invalid-body", "/" + field, field + " must be " + expected);
        }
    }
}
