package no.skymarked.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import no.skymarked.auth.Access;
import no.skymarked.auth.Principal;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import no.skymarked.auth.Role;
import no.skymarked.catalogue.CatalogueHttpService;
import no.skymarked.catalogue.CatalogueRepository;
import no.skymarked.shared.Bodies;
import no.skymarked.shared.Cursor;
import no.skymarked.shared.Http;
import no.skymarked.shared.Page;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.QueryParams;

/**
 * {@code /v1/frameworks}: framework agreements with lots, ranked suppliers, criteria, threshold, period and values.
 * Price lists (hourly rates) are confidential and left out of this public view.
 */
public final class FrameworkHttpService implements HttpService {
    private static final Access.Rule EDITORS = Access.Rule.anyOf(Role.EDITOR);
    /** A warning about an accepted change, one header per warning: its code, JSON pointer and sentence. */
    static final io.helidon.http.HeaderName WARNING = HeaderNames.create("Skymarked-Warning");
    private final CatalogueRepository repository;
    private final FrameworkEditing editing;

    public FrameworkHttpService(CatalogueRepository repository, FrameworkEditing editing) {
        this.repository = repository;
        this.editing = editing;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/v1/frameworks", this::list)
                .post("/v1/frameworks", this::create)
                .get("/v1/frameworks/{frameworkId}", this::one)
                .put("/v1/frameworks/{frameworkId}", this::update)
                .get("/v1/frameworks/{frameworkId}/price-lists", this::priceLists)
                .get("/v1/frameworks/{frameworkId}/versions", this::versions);
    }

    private void list(ServerRequest req, ServerResponse res) {
        QueryParams params = new QueryParams(req.query());
        int limit = params.limit();
        int offset = Cursor.offsetOf(params.cursor(), "frameworks");
        List<JsonNode> rows = repository.frameworks(limit + 1, offset).stream().map(FrameworkHttpService::withoutRates).toList();
        Http.json(res, Page.of(rows, limit, offset, "frameworks"));
    }

    private void one(ServerRequest req, ServerResponse res) {
        String id = Http.pathParam(req, "frameworkId");
        CatalogueRepository.Versioned framework = repository.framework(id)
                .orElseThrow(() -> ProblemException.notFound("Framework", id));
        // Editors change the whole agreement, rates included, so they read all of it.
        boolean editor = Access.principal(req).has(Role.EDITOR);
        res.header(HeaderNames.VARY, "Authorization");
        Http.jsonWithEtag(req, res, editor ? framework.document() : withoutRates(framework.document()), framework.etag());
    }

    private void create(ServerRequest req, ServerResponse res) {
        Principal editor = Access.require(req, EDITORS, "add framework agreements (editor)");
        CatalogueRepository.Versioned created = editing.create(Bodies.object(req), CatalogueHttpService.actor(editor));
        res.status(Status.CREATED_201).header(HeaderNames.LOCATION, "/v1/frameworks/" + created.document().path("id").asText())
                .header(HeaderNames.ETAG, created.etag());
        Http.json(res, created.document());
    }

    private void update(ServerRequest req, ServerResponse res) {
        Principal editor = Access.require(req, EDITORS, "change framework agreements (editor)");
        FrameworkEditing.Edited changed = editing.update(Http.pathParam(req, "frameworkId"),
                req.headers().first(HeaderNames.IF_MATCH).orElse(null), Bodies.object(req), CatalogueHttpService.actor(editor),
                new QueryParams(req.query()).single("amendmentReason", 2000));
        res.header(HeaderNames.ETAG, changed.framework().etag());
        if (!changed.warnings().isEmpty()) {
            res.header(WARNING, changed.warnings().stream().map(w -> w.code() + " " + w.pointer() + ": " + w.detail()).toArray(String[]::new));
        }
        Http.json(res, changed.framework().document());
    }

    /** The framework's recorded versions with their amendments (who, when, why, which terms); public, like the framework. */
    private void versions(ServerRequest req, ServerResponse res) {
        String id = Http.pathParam(req, "frameworkId");
        repository.framework(id).orElseThrow(() -> ProblemException.notFound("Framework", id));
        ObjectNode body = no.skymarked.shared.Json.MAPPER.createObjectNode().put("frameworkId", id);
        body.putArray("items").addAll(repository.frameworkVersions(id));
        Http.json(res, body);
    }

    private void priceLists(ServerRequest req, ServerResponse res) {
        String id = Http.pathParam(req, "frameworkId");
        Principal caller = Access.require(req, Access.Rule.authenticated(), "price lists are confidential");
        CatalogueRepository.Versioned framework = repository.framework(id)
                .orElseThrow(() -> ProblemException.notFound("Framework", id));
        JsonNode visible = PriceListAccess.visibleTo(framework.document(), caller)
                .orElseThrow(() -> new ProblemException(403, "/problems/forbidden", "Forbidden",
                        "price lists of '" + id + "' are for eligible buyers, the framework's suppliers, editors and auditors",
                        List.of()));
        Http.json(res, visible);
    }

    static JsonNode withoutRates(JsonNode framework) {
        ObjectNode copy = framework.deepCopy();
        copy.path("lots").forEach(lot -> lot.path("suppliers").forEach(s -> ((ObjectNode) s).remove("rates")));
        return copy;
    }
}
