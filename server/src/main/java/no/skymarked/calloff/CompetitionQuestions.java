package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import no.skymarked.auth.Principal;
import no.skymarked.shared.Json;
import no.skymarked.shared.ProblemException;

/**
 * Questions and answers of a mini-competition: invited suppliers ask before the deadline, the buyer answers, and
 * every invited supplier sees every answer with the asker anonymised.
 */
final class CompetitionQuestions {
    private final MiniCompetitions competitions;

    CompetitionQuestions(MiniCompetitions competitions) {
        this.competitions = competitions;
    }

    JsonNode ask(Principal supplier, String callOffId, String text, CallOffs.IdempotencyKey idempotency) {
        return competitions.locked(callOffId, l -> MiniCompetitions.Outcome.of(competitions.once(l, supplier, idempotency, () -> {
            CompetitionState s = l.state();
            if (s.viewer(supplier) != CompetitionState.Viewer.INVITED_SUPPLIER) {
                throw s.viewer(supplier) == CompetitionState.Viewer.NONE ? ProblemException.notFound("Call-off", callOffId)
                        : new ProblemException(403, "/problems/forbidden", "Forbidden", "only invited suppliers ask questions", List.of());
            }
            s.requireReceiving(l.now(), "ask questions");
            ObjectNode c = s.copyOfCompetition();
            ArrayNode questions = c.withArray("questions");
            String id = "q" + (questions.size() + 1);
            ObjectNode q = questions.addObject().put("id", id).put("askedBy", supplier.orgNo()).put("question", text)
                    .put("askedAt", l.now().toString());
            competitions.store().update(l.tx(), callOffId, s.status(), c, s.deadline(), null, null);
            competitions.record(l.tx(), callOffId, l.now(), CallOffs.actor(supplier), "QUESTION_ASKED", q);
            return CompetitionViews.question(q, CompetitionState.Viewer.INVITED_SUPPLIER, supplier.orgNo());
        }))).get();
    }

    JsonNode answer(Principal buyer, String callOffId, String questionId, String text) {
        return competitions.locked(callOffId, l -> {
            CompetitionState s = l.state();
            s.requireBuyer(buyer, "answer questions");
            s.requireReceiving(l.now(), "answer questions");
            ObjectNode c = s.copyOfCompetition();
            ObjectNode q = null;
            for (JsonNode each : c.withArray("questions")) {
                if (each.path("id").asText().equals(questionId)) {
                    q = (ObjectNode) each;
                }
            }
            if (q == null) {
                throw ProblemException.notFound("Question", questionId);
            }
            if (q.has("answer")) {
                throw new ProblemException(409, "/problems/already-answered", "Already answered", "question " + questionId
                        + " was answered at " + q.path("answeredAt").asText() + "; every invited supplier has seen it", List.of());
            }
            q.put("answer", text).put("answeredAt", l.now().toString());
            competitions.store().update(l.tx(), callOffId, s.status(), c, s.deadline(), null, null);
            competitions.record(l.tx(), callOffId, l.now(), CallOffs.actor(buyer), "QUESTION_ANSWERED",
                    Json.MAPPER.createObjectNode().put("questionId", questionId).put("answer", text));
            return MiniCompetitions.Outcome.of(CompetitionViews.question(q, CompetitionState.Viewer.BUYER, buyer.orgNo()));
        }).get();
    }

    /** The buyer and auditors see every question with its asker; invited suppliers every answer, askers anonymised, and their own. */
    JsonNode questions(Principal caller, String callOffId) {
        return competitions.locked(callOffId, l -> {
            CompetitionState s = l.state();
            CompetitionState.Viewer v = s.viewer(caller);
            if (v == CompetitionState.Viewer.NONE || v == CompetitionState.Viewer.EDITOR) {
                throw ProblemException.notFound("Call-off", callOffId);
            }
            ArrayNode items = Json.MAPPER.createArrayNode();
            if (s.competition() != null) {
                for (JsonNode q : s.competition().path("questions")) {
                    boolean mine = q.path("askedBy").asText().equals(caller.orgNo());
                    if (v != CompetitionState.Viewer.INVITED_SUPPLIER || q.has("answer") || mine) {
                        items.add(CompetitionViews.question(q, v, caller.orgNo()));
                    }
                }
            }
            return MiniCompetitions.Outcome.<JsonNode>of(CompetitionViews.items(items));
        }).get();
    }
}
