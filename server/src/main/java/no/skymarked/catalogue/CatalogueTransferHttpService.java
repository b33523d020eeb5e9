package no.skymarked.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import no.skymarked.auth.Access;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.catalogdata.CatalogueBundle;
import no.skymarked.catalogdata.CatalogueFile;
import no.skymarked.shared.Bodies;
import no.skymarked.shared.Http;
import no.skymarked.shared.Json;
import no.skymarked.shared.Problem;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.QueryParams;

/** {@code /v1/catalogue/export} and {@code /v1/catalogue/imports}: the whole catalogue in the editors' file format. */
public final class CatalogueTransferHttpService implements HttpService {
    private static final int MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
    private final CatalogueTransfer transfer;

    public CatalogueTransferHttpService(CatalogueTransfer transfer) {
        this.transfer = transfer;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/v1/catalogue/export", this::export)
                .post("/v1/catalogue/imports", this::importBundle);
    }

    private void export(ServerRequest req, ServerResponse res) {
        Access.require(req, Access.Rule.anyOf(Role.EDITOR), "export the catalogue (editor)");
        ObjectNode files = Json.MAPPER.createObjectNode();
        transfer.export().forEach((path, text) -> files.set(path, Json.tree(text)));
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("files", files);
        Http.json(res, body);
    }

    private void importBundle(ServerRequest req, ServerResponse res) {
        Principal editor = Access.require(req, Access.Rule.anyOf(Role.EDITOR), "import the catalogue (editor)");
        String dryRunParam = new QueryParams(req.query()).single("dryRun", 5);
        if (dryRunParam != null && !dryRunParam.equals("true") && !dryRunParam.equals("false")) {
            throw ProblemException.badParameter("dryRun", "must be true or false");
        }
        boolean dryRun = !"false".equals(dryRunParam);
        JsonNode body = Bodies.object(req, MAX_BUNDLE_BYTES);
        List<Problem.FieldError> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("files")) {
                unknown.add(Problem.FieldError.pointer("/" + name.replace("~", "~0").replace("/", "~1"), "unknown field; a bundle has only files"));
            }
        });
        if (!unknown.isEmpty()) {
            throw new ProblemException(422, "/problems/invalid-body", "Invalid body",
                    "unknown field(s) in the bundle: " + unknown.get(0).pointer(), unknown);
        }
        JsonNode files = body.path("files");
        if (!files.isObject() || files.isEmpty()) {
            throw Bodies.invalid("/problems/invalid-body", "/files", "files must map each file path to its JSON content");
        }
        List<CatalogueFile> bundle = new ArrayList<>();
        files.fields().forEachRemaining(e -> bundle.add(new CatalogueFile(e.getKey(), Json.text(e.getValue()))));
        CatalogueTransfer.Report report = transfer.importBundle(new CatalogueBundle(bundle), dryRun,
                editor.orgNo() + (editor.clientId() == null ? "" : "/" + editor.clientId()),
                new QueryParams(req.query()).single("amendmentReason", 2000), line -> { });
        if (!report.ok()) {
            List<Problem.FieldError> errors = report.problems().stream()
                    .map(p -> Problem.FieldError.pointer("/files/" + p.file().replace("~", "~0").replace("/", "~1") + p.pointer(),
                            p.file() + " at " + (p.pointer().isEmpty() ? "/" : p.pointer()) + ": " + p.detail()))
                    .toList();
            throw new ProblemException(422, "/problems/invalid-catalogue", "Invalid catalogue",
                    report.problems().size() + " problem(s); nothing was changed. First: " + report.problems().get(0), errors);
        }
        Http.json(res, report);
    }
}
