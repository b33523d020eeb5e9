package no.skymarked.calloff.application;

import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.Competition;

/** The buyer answers a question before the deadline; every invited supplier sees the answer, the asker anonymised. */
public final class AnsweringQuestion {
    private final CallOffSteps steps;

    public AnsweringQuestion(CallOffSteps steps) {
        this.steps = steps;
    }

    public Competition.Question answer(Principal buyer, String callOffId, String questionId, String text) {
        return steps.locked(callOffId, step -> {
            step.viewer(buyer).requireBuyer(buyer, callOffId, "answer questions");
            step.requireReceiving("answer questions");
            Competition competition = step.competition();
            Competition.Question q = competition.question(questionId).orElseThrow(() -> Refusal.notFound("Question", questionId));
            if (q.answered()) {
                throw Refusal.conflict("/problems/already-answered", "Already answered", "question " + questionId
                        + " was answered at " + q.answeredAt() + "; every invited supplier has seen it");
            }
            Competition.Question answered = competition.answer(q, text, step.now());
            step.changed();
            step.record(Actor.of(buyer), "QUESTION_ANSWERED", Payload.of("questionId", questionId, "answer", text));
            return Outcome.of(answered);
        });
    }
}
