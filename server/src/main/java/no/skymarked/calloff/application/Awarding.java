package no.skymarked.calloff.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.AwardRules;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.Evaluation;
import no.skymarked.calloff.domain.EvaluationResult;
import no.skymarked.calloff.domain.Money;
import no.skymarked.calloff.domain.Sealing;
import no.skymarked.calloff.domain.Transition;
import no.skymarked.calloff.domain.WorkingDayCalendar;

/**
 * The award decision (FOA § 25-1): the proposed winner of the recorded evaluation, or the buyer's choice within an
 * unresolved tie; never before the evidence is in, nor before every tender flagged abnormally low was asked to explain
 * its price and the winner's explanation was found sufficient (FOA § 24-9). Every tenderer
 * gets a notice; a voluntary standstill starts.
 */
public final class Awarding {
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar();
    private final CallOffSteps steps;

    public Awarding(CallOffSteps steps) {
        this.steps = steps;
    }

    /** The command: the reasons, whether the evidence was received, any tie decision and low-price clarification. */
    public record Award(String reasons, boolean evidenceReceived, Competition.TieDecision tieDecision, String abnormallyLowClarification) {
    }

    public no.skymarked.calloff.domain.CallOff award(Principal buyer, String callOffId, Award command) {
        return steps.change(callOffId, step -> {
            step.viewer(buyer).requireBuyer(buyer, callOffId, "award");
            step.requireMiniCompetition();
            step.callOff().require(Transition.AWARD);
            Competition competition = step.competition();
            EvaluationResult result = competition.result(callOffId).orElseThrow(() -> Refusal.conflict("/problems/evaluation-missing",
                    "No evaluation", "record the evaluation before the award"));
            String winner = winner(result, command, competition);
            BigDecimal value = competition.evaluation().orElseThrow().of(winner).orElseThrow().evaluatedPrice().setScale(2, RoundingMode.HALF_UP);
            int standstill = competition.terms().voluntaryStandstillDays();
            Instant end = Sealing.standstillEnd(step.now(), standstill, CALENDAR);
            var award = new Competition.Award(winner, step.ports().catalogue().supplierName(winner), step.now(), Actor.of(buyer),
                    command.reasons(), standstill, Money.nok(value), end, command.abnormallyLowClarification(), command.tieDecision());
            step.callOff().award(award);
            step.changed();
            step.record(Actor.of(buyer), "AWARD_DECIDED", award);
            result.flags().stream().filter(f -> "SINGLE_TENDER".equals(f.code())).forEach(f -> step.record(ProtocolEntry.SYSTEM,
                    "AWARD_WARNING", Payload.of("code", f.code(), "supplierOrgNo", f.orgNo(), "invited", competition.terms().invited(),
                            "excluded", competition.terms().excluded().stream().map(Competition.Exclusion::orgNo).toList(),
                            "detail", "awarded on a single compliant tender (E12); the invited and excluded suppliers are listed (M1)")));
            List<String> recipients = new ArrayList<>(result.ranking().stream().map(EvaluationResult.Scored::orgNo).toList());
            competition.evaluation().orElseThrow().assessments().stream().filter(a -> a.rejection() != null)
                    .forEach(a -> recipients.add(a.orgNo()));
            step.record(ProtocolEntry.SYSTEM, "AWARD_NOTICES_SENT", Payload.of("sentAt", step.now(), "recipients", recipients));
        });
    }

    private static String winner(EvaluationResult result, Award command, Competition competition) {
        List<String> tied = result.tieUnresolvedAtTop()
                ? result.ranking().stream().filter(s -> s.rank() == 1).map(EvaluationResult.Scored::orgNo).toList() : List.of();
        Set<String> suspectedLow = result.flags().stream().filter(f -> Evaluation.ABNORMALLY_LOW_SUSPECTED.equals(f.code()))
                .map(EvaluationResult.Flag::orgNo).collect(Collectors.toSet());
        Set<String> requested = competition.explanationRequests().stream().map(Competition.ExplanationRequest::supplierOrgNo)
                .collect(Collectors.toSet());
        Set<String> explained = requested.stream().filter(o -> competition.latestExplanationRequest(o)
                .map(r -> r.assessed() && r.assessment().sufficient()).orElse(false)).collect(Collectors.toSet());
        AwardRules.Decision decision = AwardRules.award(command.evidenceReceived(), result.winner().orElse(null), tied,
                command.tieDecision() == null ? null : command.tieDecision().winnerOrgNo(), suspectedLow, requested, explained);
        if (decision instanceof AwardRules.Refused refused) {
            throw Violations.of(refused.violation());
        }
        return ((AwardRules.Winner) decision).orgNo();
    }
}
