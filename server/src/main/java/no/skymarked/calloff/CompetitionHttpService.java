package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import no.skymarked.auth.Access;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.shared.Bodies;
import no.skymarked.shared.Http;

/**
 * {@code /v1/call-offs/{id}/…} of the mini-competition: publication, questions, tenders, evaluation, award, notices,
 * contract, cancellation and the procurement file.
 */
public final class CompetitionHttpService implements HttpService {
    private static final Access.Rule PARTIES = Access.Rule.anyOf(Role.BUYER, Role.SUPPLIER, Role.AUDITOR, Role.EDITOR);
    private static final Access.Rule BUYER = Access.Rule.anyOf(Role.BUYER);
    private final MiniCompetitions competitions;
    private final CompetitionQuestions questions;
    private final Tendering tendering;
    private final SealedReads reads;
    private final CompetitionEvaluation evaluation;
    private final CompetitionDecisions decisions;

    public CompetitionHttpService(MiniCompetitions competitions) {
        this.competitions = competitions;
        this.questions = new CompetitionQuestions(competitions);
        this.tendering = new Tendering(competitions);
        this.reads = new SealedReads(competitions);
        this.evaluation = new CompetitionEvaluation(competitions);
        this.decisions = new CompetitionDecisions(competitions);
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
        var publication = CompetitionRequests.publication(Bodies.object(req));
        Http.json(res, competitions.publish(buyer, id(req), publication));
    }

    private void ask(ServerRequest req, ServerResponse res) {
        Principal supplier = Access.require(req, Access.Rule.anyOf(Role.SUPPLIER), "ask a question (an invited supplier)");
        JsonNode body = Bodies.object(req);
        String text = CompetitionRequests.text(body, "question");
        JsonNode question = questions.ask(supplier, id(req), text, idempotency(req, body));
        res.status(Status.CREATED_201);
        Http.json(res, question);
    }

    private void questions(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read questions and answers");
        Http.json(res, questions.questions(caller, id(req)));
    }

    private void answer(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "answer a question (the buyer)");
        String text = CompetitionRequests.text(Bodies.object(req), "answer");
        Http.json(res, questions.answer(buyer, id(req), Http.pathParam(req, "questionId"), text));
    }

    private void tenders(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "list tenders");
        Http.json(res, reads.tenders(caller, id(req)));
    }

    private void submit(ServerRequest req, ServerResponse res) {
        Principal supplier = Access.require(req, Access.Rule.anyOf(Role.SUPPLIER), "submit a tender (an invited supplier)");
        var body = CompetitionRequests.tender(Bodies.object(req));
        Map.Entry<Boolean, JsonNode> receipt = tendering.submit(supplier, id(req), Http.pathParam(req, "supplierOrgNo"), body);
        res.status(receipt.getKey() ? Status.CREATED_201 : Status.OK_200);
        Http.json(res, receipt.getValue());
    }

    private void tender(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read a tender");
        Http.json(res, reads.tender(caller, id(req), Http.pathParam(req, "supplierOrgNo")));
    }

    private void withdraw(ServerRequest req, ServerResponse res) {
        Principal supplier = Access.require(req, Access.Rule.anyOf(Role.SUPPLIER), "withdraw a tender (its supplier)");
        Http.json(res, tendering.withdraw(supplier, id(req), Http.pathParam(req, "supplierOrgNo")));
    }

    private void declare(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "record a conflict-of-interest declaration (the buyer)");
        JsonNode body = Bodies.object(req);
        JsonNode declaration = evaluation.declare(buyer, id(req), body, idempotency(req, body));
        res.status(Status.CREATED_201);
        Http.json(res, declaration);
    }

    private void declarations(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read conflict-of-interest declarations (buyer, auditor)");
        Http.json(res, evaluation.declarations(caller, id(req)));
    }

    private void evaluate(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "evaluate tenders (the buyer)");
        JsonNode view = evaluation.evaluate(buyer, id(req), Bodies.object(req), req.headers().first(HeaderNames.IF_MATCH).orElse(null));
        res.header(HeaderNames.ETAG, "\"e" + view.path("version").asInt() + "\"");
        Http.json(res, view);
    }

    private void evaluation(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read the evaluation (buyer, auditor)");
        JsonNode view = evaluation.evaluation(caller, id(req));
        Http.jsonWithEtag(req, res, view, "\"e" + view.path("version").asInt() + "\"");
    }

    private void award(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "award (the buyer)");
        Http.json(res, decisions.award(buyer, id(req), Bodies.object(req)));
    }

    private void notices(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read notices");
        Http.json(res, reads.notices(caller, id(req)));
    }

    private void contract(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "conclude the contract (the buyer)");
        Http.json(res, decisions.contract(buyer, id(req), Bodies.object(req)));
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        Principal buyer = Access.require(req, BUYER, "cancel (the buyer)");
        String reason = CompetitionRequests.text(Bodies.object(req), "reason");
        Http.json(res, decisions.cancel(buyer, id(req), reason));
    }

    private void export(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "export the procurement file (buyer, auditor)");
        Http.json(res, reads.export(caller, id(req)));
    }

    /** The request's Idempotency-Key, bound to its path and body; null without one. */
    private static CallOffs.IdempotencyKey idempotency(ServerRequest req, JsonNode body) {
        return CallOffHttpService.idempotencyKey(req, req.path().path() + "\n" + no.skymarked.shared.Json.text(body));
    }

    private static String id(ServerRequest req) {
        return Http.pathParam(req, "callOffId");
    }
}
