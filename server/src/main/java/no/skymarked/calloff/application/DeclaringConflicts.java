package no.skymarked.calloff.application;

import java.util.function.Function;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.Transition;

/** An evaluator's conflict-of-interest declaration (FOA § 7-5), made before the evaluation and kept in the protocol. */
public final class DeclaringConflicts {
    private final CallOffSteps steps;

    public DeclaringConflicts(CallOffSteps steps) {
        this.steps = steps;
    }

    /** The command: who declares, whether there is a conflict, and (required with one) what it is. */
    public record Declare(String evaluator, boolean hasConflict, String detail, Idempotency idempotency) {
    }

    public Created<Competition.Declaration> declare(Principal buyer, String callOffId, Declare d,
                                                    Function<Competition.Declaration, String> render) {
        if (d.hasConflict() && d.detail() == null) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "/problems/invalid-declaration", "Invalid declaration",
                    "1 field(s) are invalid: /detail is required when hasConflict is true",
                    java.util.List.of(new Refusal.Field("/detail", "is required when hasConflict is true")));
        }
        return steps.locked(callOffId, step -> Outcome.of(steps.once(step, buyer.orgNo(), d.idempotency(), () -> {
            step.viewer(buyer).requireBuyer(buyer, callOffId, "record conflict-of-interest declarations");
            step.requireMiniCompetition();
            step.callOff().require(Transition.DECLARE_CONFLICTS);
            Competition.Declaration made = step.competition().declare(d.evaluator(), d.hasConflict(), d.detail(), step.now(),
                    Actor.of(buyer));
            step.changed();
            step.record(Actor.of(buyer), "CONFLICT_OF_INTEREST_DECLARED", made);
            return made;
        }, render)));
    }
}
