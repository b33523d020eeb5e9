package no.skymarked.calloff.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import no.skymarked.auth.Access;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.calloff.CallOffFeature;
import no.skymarked.calloff.application.Created;
import no.skymarked.calloff.application.DeclaringConflicts;
import no.skymarked.calloff.application.EvaluationSheet;
import no.skymarked.calloff.application.SubmittingTender;
import no.skymarked.calloff.application.Viewer;
import no.skymarked.calloff.wire.CallOffJson;
import no.skymarked.calloff.wire.CompetitionJson;
import no.skymarked.calloff.wire.EvaluatingJson;
import no.skymarked.calloff.wire.EvaluationJson;
import no.skymarked.calloff.wire.TenderJson;
import no.skymarked.shared.Http;
import no.skymarked.shared.Json;

/**
 * {@code /v1/call-offs/{id}/…} of the mini-competition: publication, questions, tenders, evaluation, award, notices,
 * contract, cancellation and the procurement file.
 */
public final class CompetitionHttpService implements HttpService {
    private static final Access.Rule PARTIES = Access.Rule.anyOf(Role.BUYER, Role.SUPPLIER, Role.AUDITOR, Role.EDITOR);
    private static final Access.Rule BUYER = Access.Rule.anyOf(Role.BUYER);
    private static final Access.Rule SUPPLIER = Access.Rule.anyOf(Role.SUPPLIER);
    private final CallOffFeature f;
    private no.skymarked.transparency.TransparencyLog transparency;

    public CompetitionHttpService(CallOffFeature feature, no.skymarked.transparency.TransparencyLog transparency) {
        this(feature);
        this.transparency = transparency;
    }

    public CompetitionHttpService(CallOffFeature feature) {
        this.f = feature;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/v1/call-offs/{callOffId}/publication", this::publish)
                .post("/v1/call-offs/{callOffId}/questions", this::ask)
                .get("/v1/call-offs/{callOffId}/questions", this::questions)
                .post("/v1/call-offs/{callOffId}/questions/{questionId}/answer", this::answer)
                .get("/v1/call-offs/{callOffId}/tenders", this::tenders)
                .put("/v1/call-offs/{callOffId}/tenders/{supplierOrgNo}", this::submit)
                .get("/v1/call-offs/{callOffId}/tenders/{supplierOrgNo}", this::tender)
                .delete("/v1/call-offs/{callOffId}/tenders/{supplierOrgNo}", this::withdraw)
                .post("/v1/call-offs/{callOffId}/conflict-declarations", this::declare)
                .get("/v1/call-offs/{callOffId}/conflict-declarations", this::declarations)
                .post("/v1/call-offs/{callOffId}/evaluator-scores", this::scoreQuality)
                .get("/v1/call-offs/{callOffId}/evaluator-scores", this::evaluatorScores)
                .post("/v1/call-offs/{callOffId}/explanation-requests", this::requestExplanation)
                .get("/v1/call-offs/{callOffId}/explanation-requests", this::explanationRequests)
                .post("/v1/call-offs/{callOffId}/explanation-requests/{requestId}/assessment", this::assessExplanation)
                .put("/v1/call-offs/{callOffId}/evaluation", this::evaluate)
                .get("/v1/call-offs/{callOffId}/evaluation", this::evaluation)
                .post("/v1/call-offs/{callOffId}/award", this::award)
                .get("/v1/call-offs/{callOffId}/notices", this::notices)
                .post("/v1/call-offs/{callOffId}/contract", this::contract)
                .post("/v1/call-offs/{callOffId}/cancellation", this::cancel)
                .get("/v1/call-offs/{callOffId}/export", this::export);
    }

    private void publish(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "publish a mini-competition (the buyer)");
        JsonNode body = no.skymarked.shared.Bodies.object(req);
        var command = CompetitionRequests.publication(body, Requests.problems("publishCompetition", body));
        Http.json(res, CallOffJson.view(f.publishing().publish(buyer, id(req), command)));
    }

    private void ask(ServerRequest req, ServerResponse res) {
        Principal supplier = Access.require(req, SUPPLIER, "ask a question (an invited supplier)");
        JsonNode body = Requests.body(req, "askQuestion", "/problems/invalid-body");
        created(res, f.asking().ask(supplier, id(req), Requests.text(body, "question"), Requests.idempotency(req, body),
                q -> Json.text(CompetitionJson.question(q, Viewer.INVITED_SUPPLIER, supplier.orgNo()))),
                q -> CompetitionJson.question(q, Viewer.INVITED_SUPPLIER, supplier.orgNo()));
    }

    private void questions(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read questions and answers");
        var seen = f.readingCompetition().questions(caller, id(req));
        Http.json(res, Views.items(seen.items().stream().map(q -> CompetitionJson.question(q, seen.viewer(), caller.orgNo())).toList()));
    }

    private void answer(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "answer a question (the buyer)");
        JsonNode body = Requests.body(req, "answerQuestion", "/problems/invalid-body");
        var q = f.answeringQuestion().answer(buyer, id(req), Http.pathParam(req, "questionId"), Requests.text(body, "answer"));
        Http.json(res, CompetitionJson.question(q, Viewer.BUYER, buyer.orgNo()));
    }

    private void tenders(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "list tenders");
        Http.json(res, Views.items(f.readingCompetition().tenders(caller, id(req)).stream().map(TenderJson::view).toList()));
    }

    private void submit(ServerRequest req, ServerResponse res) {
        Principal supplier = Access.require(req, SUPPLIER, "submit a tender (an invited supplier)");
        JsonNode body = no.skymarked.shared.Bodies.object(req);
        var command = CompetitionRequests.tender(body, Requests.problems("submitTender", body));
        SubmittingTender.Submitted s = f.submitting().submit(supplier, id(req), Http.pathParam(req, "supplierOrgNo"), command);
        res.status(s.first() ? Status.CREATED_201 : Status.OK_200);
        Http.json(res, TenderJson.view(s.receipt()));
    }

    private void tender(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read a tender");
        Http.json(res, TenderJson.view(f.readingCompetition().tender(caller, id(req), Http.pathParam(req, "supplierOrgNo"))));
    }

    private void withdraw(ServerRequest req, ServerResponse res) {
        Principal supplier = Access.require(req, SUPPLIER, "withdraw a tender (its supplier)");
        Http.json(res, TenderJson.view(f.withdrawing().withdraw(supplier, id(req), Http.pathParam(req, "supplierOrgNo"))));
    }

    private void declare(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "record a conflict-of-interest declaration (the buyer)");
        JsonNode body = Requests.body(req, "declareConflictOfInterest", "/problems/invalid-declaration");
        var command = new DeclaringConflicts.Declare(Requests.text(body, "evaluator"), body.path("hasConflict").asBoolean(),
                Requests.text(body, "detail"), Requests.idempotency(req, body));
        created(res, f.declaring().declare(buyer, id(req), command, d -> Json.text(CompetitionJson.declaration(d))),
                CompetitionJson::declaration);
    }

    private void declarations(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read conflict-of-interest declarations (buyer, auditor)");
        Http.json(res, Views.items(f.readingCompetition().declarations(caller, id(req)).stream().map(CompetitionJson::declaration).toList()));
    }

    private void scoreQuality(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "record an evaluator's scores (the buyer)");
        JsonNode body = no.skymarked.shared.Bodies.object(req);
        var made = f.scoringQuality().record(buyer, id(req), CompetitionRequests.evaluatorScores(body,
                Requests.problems("recordEvaluatorScores", body)));
        res.status(Status.CREATED_201);
        Http.json(res, EvaluatingJson.evaluatorScores(made));
    }

    private void evaluatorScores(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read evaluators' scores (buyer, auditor)");
        Http.json(res, Views.items(f.readingCompetition().evaluatorScores(caller, id(req)).stream().map(EvaluatingJson::evaluatorScores).toList()));
    }

    private void requestExplanation(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "request an explanation of a tender (the buyer)");
        JsonNode body = Requests.body(req, "requestExplanation", "/problems/invalid-explanation-request");
        var made = f.explaining().request(buyer, id(req), CompetitionRequests.explanationRequest(body));
        res.status(Status.CREATED_201);
        Http.json(res, EvaluatingJson.explanationRequest(made));
    }

    private void explanationRequests(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read requests for explanation");
        Http.json(res, Views.items(f.readingCompetition().explanationRequests(caller, id(req)).stream()
                .map(EvaluatingJson::explanationRequest).toList()));
    }

    private void assessExplanation(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "assess an explanation (the buyer)");
        JsonNode body = Requests.body(req, "assessExplanation", "/problems/invalid-explanation-assessment");
        Http.json(res, EvaluatingJson.explanationRequest(f.explaining().assess(buyer, id(req), Http.pathParam(req, "requestId"),
                CompetitionRequests.explanationAssessment(body))));
    }

    private void evaluate(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "evaluate tenders (the buyer)");
        JsonNode body = no.skymarked.shared.Bodies.object(req);
        EvaluationSheet sheet = f.evaluating().evaluate(buyer, id(req), CompetitionRequests.evaluation(body,
                req.headers().first(HeaderNames.IF_MATCH).orElse(null), Requests.problems("recordEvaluation", body)));
        res.header(HeaderNames.ETAG, sheet.etag());
        Http.json(res, EvaluationJson.view(sheet));
    }

    private void evaluation(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read the evaluation (buyer, auditor)");
        EvaluationSheet sheet = f.readingCompetition().evaluation(caller, id(req));
        Http.jsonWithEtag(req, res, EvaluationJson.view(sheet), sheet.etag());
    }

    private void award(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "award (the buyer)");
        var command = CompetitionRequests.award(Requests.body(req, "awardCallOff", "/problems/invalid-award"));
        Http.json(res, CallOffJson.view(f.awarding().award(buyer, id(req), command)));
    }

    private void notices(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read notices");
        var notices = f.readingCompetition().notices(caller, id(req));
        Http.json(res, Views.items(notices.items().stream().map(n -> EvaluationJson.notice(n, notices.sheet())).toList()));
    }

    private void contract(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "conclude the contract (the buyer)");
        JsonNode body = Requests.body(req, "concludeContract", "/problems/invalid-contract");
        Http.json(res, CallOffJson.view(f.contracting().contract(buyer, id(req),
                CompetitionRequests.instant(body, "buyerSignedAt", "/problems/invalid-contract"),
                CompetitionRequests.instant(body, "supplierSignedAt", "/problems/invalid-contract"))));
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "cancel (the buyer)");
        JsonNode body = Requests.body(req, "cancelCallOff", "/problems/invalid-body");
        Http.json(res, CallOffJson.view(f.cancelling().cancel(buyer, id(req), Requests.text(body, "reason"))));
    }

    private void export(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "export the procurement file (buyer, auditor)");
        Long treeSize = no.skymarked.transparency.TransparencyHttpService.query(req, "treeSize");
        com.fasterxml.jackson.databind.node.ObjectNode file = ProcurementFileJson.view(f.readingCompetition().export(caller, id(req)));
        if (transparency != null) {
            // the inclusion proofs of its events in the log, for the tree size of the checkpoint an auditor kept
            no.skymarked.transparency.TransparencyJson.export(transparency, id(req), treeSize).ifPresent(t -> file.set("transparency", t));
        }
        Http.json(res, file);
    }

    private static <T> void created(ServerResponse res, Created<T> created, java.util.function.Function<T, JsonNode> view) {
        res.status(Status.CREATED_201);
        if (created.replayed()) {
            res.header(HeaderNames.CONTENT_TYPE, Http.JSON).send(created.replayedBody().getBytes(StandardCharsets.UTF_8));
            return;
        }
        Http.json(res, view.apply(created.value()));
    }

    private static String id(ServerRequest req) {
        return Http.pathParam(req, "callOffId");
    }
}
