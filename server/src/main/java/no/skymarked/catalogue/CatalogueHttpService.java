package no.skymarked.catalogue;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import no.skymarked.catalogdata.OrganisationNumber;
import no.skymarked.shared.Cursor;
import no.skymarked.shared.Http;
import no.skymarked.shared.Page;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.QueryParams;

/** {@code /v1/services} and {@code /v1/suppliers}: search and read the catalogue. Anyone may read. */
public final class CatalogueHttpService implements HttpService {
    private final CatalogueRepository repository;

    public CatalogueHttpService(CatalogueRepository repository) {
        this.repository = repository;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/v1/services", this::search)
                .get("/v1/services/{serviceId}", this::service)
                .get("/v1/suppliers", this::suppliers)
                .get("/v1/suppliers/{orgNo}", this::supplier);
    }

    private void search(ServerRequest req, ServerResponse res) {
        QueryParams params = new QueryParams(req.query());
        SearchQuery query = SearchQuery.from(params);
        int limit = params.limit();
        int offset = Cursor.offsetOf(params.cursor(), query.hash());
        SearchResult result = repository.search(query, limit, offset);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", result.items());
        body.put("nextCursor", result.nextCursor());
        body.put("facets", result.facets());
        Http.json(res, body);
    }

    private void service(ServerRequest req, ServerResponse res) {
        String id = Http.pathParam(req, "serviceId");
        CatalogueRepository.Versioned service = repository.service(id)
                .orElseThrow(() -> ProblemException.notFound("Service", id));
        Http.jsonWithEtag(req, res, service.document(), service.etag());
    }

    private void suppliers(ServerRequest req, ServerResponse res) {
        QueryParams params = new QueryParams(req.query());
        int limit = params.limit();
        int offset = Cursor.offsetOf(params.cursor(), "suppliers");
        Http.json(res, Page.of(repository.suppliers(limit + 1, offset), limit, offset, "suppliers"));
    }

    private void supplier(ServerRequest req, ServerResponse res) {
        String orgNo = Http.pathParam(req, "orgNo");
        if (!OrganisationNumber.isValid(orgNo)) {
            throw new ProblemException(400, "/problems/invalid-parameter", "Invalid parameter",
                    "path parameter 'orgNo': '" + orgNo + "' is not a valid organisation number (nine digits, mod-11)",
                    java.util.List.of(no.skymarked.shared.Problem.FieldError.parameter("orgNo", "not a valid organisation number")));
        }
        CatalogueRepository.Versioned supplier = repository.supplier(orgNo)
                .orElseThrow(() -> ProblemException.notFound("Supplier", orgNo));
        Http.jsonWithEtag(req, res, supplier.document(), supplier.etag());
    }
}
