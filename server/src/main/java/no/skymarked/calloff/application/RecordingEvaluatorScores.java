package no.skymarked.calloff.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.Transition;

/**
 * One evaluator's own quality scores with reasons (domain rules §3.2), recorded after the opening and before the
 * consensus evaluation locks the quality scores, while the buyer's side sees the tenders without prices. Only an
 * evaluator who declared freedom from conflicts of interest scores (FOA § 7-5).
 */
public final class RecordingEvaluatorScores {
    private final CallOffSteps steps;

    public RecordingEvaluatorScores(CallOffSteps steps) {
        this.steps = steps;
    }

    /** The command: the evaluator (as named in the declaration) and the scores of every opened tender. */
    public record Score(String evaluator, List<Evaluate.Tender> tenders, List<Refusal.Field> formProblems) {
        public Score {
            tenders = List.copyOf(tenders);
            formProblems = List.copyOf(formProblems);
        }
    }

    public Competition.EvaluatorScores record(Principal buyer, String callOffId, Score command) {
        return steps.locked(callOffId, step -> {
            step.viewer(buyer).requireBuyer(buyer, callOffId, "record evaluators' scores");
            step.requireMiniCompetition();
            Evaluating.requireOpened(step.callOff());
            step.callOff().require(Transition.SCORE_QUALITY);
            Competition competition = step.competition();
            if (competition.pricesRevealed()) {
                throw Refusal.conflict("/problems/quality-locked", "Quality scores locked", "the consensus evaluation locked the"
                        + " quality scores at " + competition.qualityLock().orElseThrow().lockedAt() + " and the prices are shown;"
                        + " evaluators' own scores are recorded before it");
            }
            Assessments.refuseIfAny(command.formProblems());
            requireDeclared(competition, command.evaluator());
            Map<String, List<Competition.Score>> scored = scores(command, competition, opened(step));
            Competition.EvaluatorScores made = competition.scoreBy(command.evaluator(), scored, step.now(), Actor.of(buyer));
            step.changed();
            step.record(Actor.of(buyer), "EVALUATOR_SCORES_RECORDED", made);
            return Outcome.of(made);
        });
    }

    /** The evaluator's latest declaration states no conflict of interest. */
    private static void requireDeclared(Competition competition, String evaluator) {
        var latest = competition.declarations().stream().filter(d -> d.evaluator().equals(evaluator)).reduce((a, b) -> b);
        if (latest.isEmpty()) {
            throw Refusal.invalid("/problems/conflict-declaration-missing", "/evaluator", evaluator + " has not declared freedom from"
                    + " conflicts of interest (FOA § 7-5): POST …/conflict-declarations before scoring");
        }
        if (latest.get().hasConflict()) {
            throw Refusal.invalid("/problems/evaluator-has-conflict", "/evaluator", evaluator + " declared a conflict of interest ("
                    + latest.get().id() + ") and stays out of the evaluation");
        }
    }

    private static Map<String, List<Competition.Score>> scores(Score command, Competition competition, Set<String> opened) {
        List<Refusal.Field> problems = new ArrayList<>();
        Map<String, List<Competition.Score>> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < command.tenders().size(); i++) {
            Evaluate.Tender t = command.tenders().get(i);
            String at = "/tenders/" + i;
            if (!opened.contains(t.supplierOrgNo())) {
                problems.add(new Refusal.Field(at + "/supplierOrgNo", "no tender from " + t.supplierOrgNo() + " was opened; tenders: "
                        + opened.stream().sorted().toList()));
            } else if (!seen.add(t.supplierOrgNo())) {
                problems.add(new Refusal.Field(at + "/supplierOrgNo", t.supplierOrgNo() + " is scored twice"));
            } else {
                out.put(t.supplierOrgNo(), Assessments.scores(t, at, competition.terms(), problems));
            }
        }
        opened.stream().filter(o -> !seen.contains(o)).sorted().forEach(o -> problems.add(new Refusal.Field("/tenders",
                "the tender of " + o + " is not scored")));
        Assessments.refuseIfAny(problems);
        return out;
    }

    private static Set<String> opened(Step step) {
        Set<String> out = new HashSet<>();
        step.ports().competitions().tenders(step.id()).stream().filter(SealedTender::submitted).forEach(t -> out.add(t.orgNo()));
        return out;
    }
}
