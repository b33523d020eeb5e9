package no.skymarked.calloff.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.CallOffStatus;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.Transition;
import no.skymarked.calloff.domain.WorkingDayCalendar;

/**
 * The evaluation after the deadline (domain rules §3): the buyer's scores with reasons and rejections with grounds;
 * evaluated prices, price points, totals, ranking and ties follow from the published terms. Replacing a recorded
 * evaluation needs If-Match of its version.
 */
public final class Evaluating {
    private final CallOffSteps steps;

    public Evaluating(CallOffSteps steps) {
        this.steps = steps;
    }

    public EvaluationSheet evaluate(Principal buyer, String callOffId, Evaluate command) {
        return steps.locked(callOffId, step -> {
            step.viewer(buyer).requireBuyer(buyer, callOffId, "evaluate tenders");
            step.requireMiniCompetition();
            var c = step.callOff();
            if (c.status() == CallOffStatus.TENDERING || c.status() == CallOffStatus.DRAFT) {
                throw Refusal.conflict("/problems/tenders-sealed", "Tenders sealed", "evaluation starts when the tender deadline has passed"
                        + c.tenderDeadline().map(d -> " (" + WorkingDayCalendar.osloTime(d) + " Europe/Oslo)").orElse(""));
            }
            c.require(Transition.EVALUATE);
            Competition competition = step.competition();
            int version = competition.evaluation().map(Competition.EvaluationRecord::version).orElse(0) + 1;
            requireMatch(version, command.ifMatch());
            List<Competition.Assessment> assessments = Assessments.check(command, competition, opened(step));
            var record = new Competition.EvaluationRecord(version, step.now(), assessments, competition.conflictFreedomDeclared());
            boolean allRejected = assessments.stream().allMatch(a -> a.rejection() != null);
            c.evaluate(record, allRejected);
            step.changed();
            EvaluationSheet sheet = EvaluationSheet.of(callOffId, competition);
            step.record(Actor.of(buyer), "EVALUATION_RECORDED", sheet);
            if (allRejected) {
                step.record(ProtocolEntry.SYSTEM, "ALL_TENDERS_REJECTED", Payload.of("detail", "every tender was rejected; the call-off is UNSUCCESSFUL"));
            }
            return Outcome.of(sheet);
        });
    }

    private static void requireMatch(int version, String ifMatch) {
        if (version == 1) {
            return;
        }
        if (ifMatch == null) {
            throw new Refusal(Refusal.Kind.PRECONDITION_REQUIRED, "/problems/precondition-required", "Precondition required",
                    "an evaluation exists; send If-Match with its ETag (\"e" + (version - 1) + "\") to replace it", List.of());
        }
        if (!ifMatch.equals("\"e" + (version - 1) + "\"")) {
            throw new Refusal(Refusal.Kind.PRECONDITION_FAILED, "/problems/precondition-failed", "Precondition failed",
                    "the evaluation is now \"e" + (version - 1) + "\"; read it again", List.of());
        }
    }

    /** The opened content of every submitted tender, by supplier. */
    private static Map<String, TenderContent> opened(Step step) {
        Map<String, TenderContent> out = new HashMap<>();
        Ports ports = step.ports();
        for (SealedTender t : ports.competitions().tenders(step.id())) {
            if (t.submitted()) {
                out.put(t.orgNo(), ports.seal().open(t.sealed(), Tenderers.boundTo(step.id(), t.orgNo(), t.tenderRef()),
                        step.callOff().tenderDeadline().orElseThrow(), step.now()));
            }
        }
        return out;
    }
}
