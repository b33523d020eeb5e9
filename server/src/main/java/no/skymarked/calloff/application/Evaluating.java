package no.skymarked.calloff.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.CallOffStatus;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.TieBreakRule;
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
            requireOpened(c);
            c.require(Transition.EVALUATE);
            Competition competition = step.competition();
            int version = competition.evaluation().map(Competition.EvaluationRecord::version).orElse(0) + 1;
            requireMatch(version, command.ifMatch());
            List<Competition.Assessment> assessments = Assessments.check(command, competition, opened(step), step.now());
            competition.qualityLock().ifPresent(lock -> Violations.refuseIfAny(lock.changedIn(assessments), "/problems/invalid-evaluation"));
            boolean firstLock = !competition.pricesRevealed();
            var record = new Competition.EvaluationRecord(version, step.now(), assessments, competition.conflictFreedomDeclared());
            boolean allRejected = assessments.stream().allMatch(a -> a.rejection() != null);
            c.evaluate(record, allRejected);
            step.changed();
            EvaluationSheet sheet = EvaluationSheet.of(callOffId, competition);
            if (firstLock) {
                step.record(Actor.of(buyer), "QUALITY_SCORES_LOCKED", Payload.of("lockedAt", step.now(), "evaluatorScores",
                        competition.evaluatorScores().stream().map(Competition.EvaluatorScores::evaluator).toList(),
                        "detail", "the consensus quality scores are locked; the prices are now shown and computed"));
            }
            step.record(Actor.of(buyer), "EVALUATION_RECORDED", sheet);
            recordDraw(step, sheet);
            if (allRejected) {
                step.record(ProtocolEntry.SYSTEM, "ALL_TENDERS_REJECTED", Payload.of("detail", "every tender was rejected; the call-off is UNSUCCESSFUL"));
            }
            return Outcome.of(sheet);
        });
    }

    /** Evaluation starts at the opening: before it 409 {@code /problems/tenders-sealed}. */
    static void requireOpened(no.skymarked.calloff.domain.CallOff c) {
        if (c.status() == CallOffStatus.TENDERING || c.status() == CallOffStatus.DRAFT) {
            throw Refusal.conflict("/problems/tenders-sealed", "Tenders sealed", "evaluation starts when the tender deadline has passed"
                    + c.tenderDeadline().map(d -> " (" + WorkingDayCalendar.osloTime(d) + " Europe/Oslo)").orElse(""));
        }
    }

    /** When a drawing of lots decides a tie, its seed is revealed in the protocol beside the commitment made at the opening. */
    private static void recordDraw(Step step, EvaluationSheet sheet) {
        List<List<String>> drawn = sheet.result().ties().stream().filter(t -> t.resolvedBy() == TieBreakRule.DRAWING_OF_LOTS)
                .map(no.skymarked.calloff.domain.EvaluationResult.Tie::orgNos).toList();
        if (!drawn.isEmpty()) {
            step.record(ProtocolEntry.SYSTEM, "DRAW_SEED_REVEALED", Payload.of("drawSeed", sheet.drawSeed(), "drawSeedSha256",
                    sheet.drawSeedSha256(), "tied", drawn, "detail", "a tie the earlier tie-break rules left open was decided by"
                    + " drawing lots; SHA-256 of the seed equals the commitment published when the tenders were opened"));
        }
    }

    private static void requireMatch(int version, String ifMatch) {
        if (version == 1) {
            return;
        }
        if (ifMatch == null) {
            throw new Refusal(Refusal.Kind.PRECONDITION_REQUIRED, "/problems/precondition-required", "If-Match required",
                    "an evaluation exists; send If-Match with its ETag (\"e" + (version - 1) + "\") to replace it", List.of());
        }
        if (!ifMatch.equals("\"e" + (version - 1) + "\"")) {
            throw new Refusal(Refusal.Kind.PRECONDITION_FAILED, "/problems/precondition-failed", "Changed since you read it",
                    "the evaluation is now \"e" + (version - 1) + "\"; read it again", List.of());
        }
    }

    /** The opened content of every submitted tender, by supplier. */
    private static Map<String, TenderContent> opened(Step step) {
        Map<String, TenderContent> out = new HashMap<>();
        TenderSeal.Opener opener = Tenderers.opener(step);
        for (SealedTender t : step.ports().competitions().tenders(step.id())) {
            if (t.submitted()) {
                out.put(t.orgNo(), opener.open(t.sealed(), Tenderers.boundTo(step.id(), t.orgNo(), t.tenderRef())));
            }
        }
        return out;
    }
}
