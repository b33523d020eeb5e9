package no.skymarked.catalogue;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import no.skymarked.auth.Access;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import com.fasterxml.jackson.databind.util.RawValue;
import no.skymarked.catalogdata.OrganisationNumber;
import no.skymarked.catalogue.search.SearchQuery;
import no.skymarked.catalogue.search.SearchResult;
import no.skymarked.shared.Bodies;
import no.skymarked.shared.Cursor;
import no.skymarked.shared.Http;
import no.skymarked.shared.Json;
import no.skymarked.shared.Page;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.QueryParams;

/** {@code /v1/services} and {@code /v1/suppliers}: search and read the catalogue (anyone); editors change it. */
public final class CatalogueHttpService implements HttpService {
    private static final Access.Rule EDITORS = Access.Rule.anyOf(Role.EDITOR);
    private final CatalogueRepository repository;
    private final CatalogueEditing editing;
    private final SupplierEditing suppliers;

    public CatalogueHttpService(CatalogueRepository repository, CatalogueEditing editing, SupplierEditing suppliers) {
        this.repository = repository;
        this.editing = editing;
        this.suppliers = suppliers;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/v1/services", this::search)
                .get("/v1/services/{serviceId}", this::service)
                .post("/v1/services", this::create)
                .put("/v1/services/{serviceId}", this::update)
                .delete("/v1/services/{serviceId}", this::withdraw)
                .get("/v1/services/{serviceId}/versions", this::versions)
                .get("/v1/suppliers", this::suppliers)
                .post("/v1/suppliers", this::createSupplier)
                .get("/v1/suppliers/{orgNo}", this::supplier)
                .put("/v1/suppliers/{orgNo}", this::updateSupplier);
    }

    private void search(ServerRequest req, ServerResponse res) {
        QueryParams params = new QueryParams(req.query());
        SearchQuery query = SearchQuery.from(params);
        int limit = params.limit();
        int offset = Cursor.offsetOf(params.cursor(), query.hash());
        byte[] answer = repository.searchAnswer(query, limit, offset, result -> {
            Map<String, Object> body = new LinkedHashMap<>();
            // the documents are sent as stored, not parsed and written again
            body.put("items", result.items().stream().map(hit -> new RawValue(hit.json())).toList());
            body.put("nextCursor", result.nextCursor());
            body.put("facets", result.facets());
            if (result.highlights() != null) {
                body.put("highlights", result.highlights());
            }
            return Json.bytes(body);
        });
        res.header(HeaderNames.CONTENT_TYPE, Http.JSON).send(answer);
    }

    private void service(ServerRequest req, ServerResponse res) {
        String id = Http.pathParam(req, "serviceId");
        CatalogueRepository.Versioned service = repository.service(id)
                .orElseThrow(() -> ProblemException.notFound("Service", id));
        Http.jsonWithEtag(req, res, service.document(), service.etag());
    }

    private void create(ServerRequest req, ServerResponse res) {
        Principal editor = Access.require(req, EDITORS, "add services (editor)");
        CatalogueRepository.Versioned created = editing.create(Bodies.object(req), actor(editor));
        res.status(Status.CREATED_201).header(HeaderNames.LOCATION, "/v1/services/" + created.document().path("id").asText())
                .header(HeaderNames.ETAG, created.etag());
        Http.json(res, created.document());
    }

    private void update(ServerRequest req, ServerResponse res) {
        Principal editor = Access.require(req, EDITORS, "change services (editor)");
        CatalogueRepository.Versioned changed = editing.update(Http.pathParam(req, "serviceId"),
                req.headers().first(HeaderNames.IF_MATCH).orElse(null), Bodies.object(req), actor(editor));
        res.header(HeaderNames.ETAG, changed.etag());
        Http.json(res, changed.document());
    }

    private void withdraw(ServerRequest req, ServerResponse res) {
        Principal editor = Access.require(req, EDITORS, "withdraw services (editor)");
        CatalogueRepository.Versioned withdrawn = editing.withdraw(Http.pathParam(req, "serviceId"),
                req.headers().first(HeaderNames.IF_MATCH).orElse(null), actor(editor));
        res.header(HeaderNames.ETAG, withdrawn.etag());
        Http.json(res, withdrawn.document());
    }

    private void versions(ServerRequest req, ServerResponse res) {
        Http.json(res, java.util.Map.of("items", editing.versions(Http.pathParam(req, "serviceId"))));
    }

    /** Who made a change, as kept with it: the organisation and, when the token names one, the client. */
    public static String actor(Principal p) {
        return p.orgNo() + (p.clientId() == null ? "" : "/" + p.clientId());
    }

    private void createSupplier(ServerRequest req, ServerResponse res) {
        Principal editor = Access.require(req, EDITORS, "add suppliers (editor)");
        CatalogueRepository.Versioned created = suppliers.create(Bodies.object(req), actor(editor));
        res.status(Status.CREATED_201).header(HeaderNames.LOCATION, "/v1/suppliers/" + created.document().path("orgNo").asText())
                .header(HeaderNames.ETAG, created.etag());
        Http.json(res, created.document());
    }

    private void updateSupplier(ServerRequest req, ServerResponse res) {
        Principal editor = Access.require(req, EDITORS, "change suppliers (editor)");
        String orgNo = validOrgNo(req);
        CatalogueRepository.Versioned changed = suppliers.update(orgNo, req.headers().first(HeaderNames.IF_MATCH).orElse(null),
                Bodies.object(req), actor(editor));
        res.header(HeaderNames.ETAG, changed.etag());
        Http.json(res, changed.document());
    }

    private static String validOrgNo(ServerRequest req) {
        String orgNo = Http.pathParam(req, "orgNo");
        if (!OrganisationNumber.isValid(orgNo)) {
            throw new ProblemException(400, "/problems/invalid-parameter", "Invalid parameter",
                    "path parameter 'orgNo': '" + orgNo + "' is not a valid organisation number (nine digits, mod-11)",
                    java.util.List.of(no.skymarked.shared.Problem.FieldError.parameter("orgNo", "not a valid organisation number")));
        }
        return orgNo;
    }

    private void suppliers(ServerRequest req, ServerResponse res) {
        QueryParams params = new QueryParams(req.query());
        int limit = params.limit();
        int offset = Cursor.offsetOf(params.cursor(), "suppliers");
        Http.json(res, Page.of(repository.suppliers(limit + 1, offset), limit, offset, "suppliers"));
    }

    private void supplier(ServerRequest req, ServerResponse res) {
        String orgNo = validOrgNo(req);
        CatalogueRepository.Versioned supplier = repository.supplier(orgNo)
                .orElseThrow(() -> ProblemException.notFound("Supplier", orgNo));
        Http.jsonWithEtag(req, res, supplier.document(), supplier.etag());
    }
}
