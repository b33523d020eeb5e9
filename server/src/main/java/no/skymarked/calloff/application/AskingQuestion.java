package no.skymarked.calloff.application;

import java.util.function.Function;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.Competition;

/** An invited supplier asks a question before the deadline; the buyer sees who asked, other suppliers never do. */
public final class AskingQuestion {
    private final CallOffSteps steps;

    public AskingQuestion(CallOffSteps steps) {
        this.steps = steps;
    }

    public Created<Competition.Question> ask(Principal supplier, String callOffId, String text, Idempotency key,
                                             Function<Competition.Question, String> render) {
        return steps.locked(callOffId, step -> Outcome.of(steps.once(step, supplier.orgNo(), key, () -> {
            Viewer v = step.viewer(supplier);
            if (v != Viewer.INVITED_SUPPLIER) {
                throw v == Viewer.NONE ? Refusal.notFound("Call-off", callOffId) : Refusal.forbidden("only invited suppliers ask questions");
            }
            step.requireReceiving("ask questions");
            Competition.Question q = step.competition().ask(supplier.orgNo(), text, step.now());
            step.changed();
            step.record(Actor.of(supplier), "QUESTION_ASKED", q);
            return q;
        }, render)));
    }
}
