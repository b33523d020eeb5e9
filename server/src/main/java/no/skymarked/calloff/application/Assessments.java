package no.skymarked.calloff.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.skymarked.calloff.domain.AwardRules;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.Violation;
import no.skymarked.calloff.domain.WeightedCriterion;

/**
 * The evaluation's rules on what the buyer gives: every opened tender assessed once, every published non-price
 * criterion scored once (price points are computed), a rejection above the budget only with a budget documented
 * before the invitation that the price exceeds (FOA § 24-8(2)d, E34), a rejection as abnormally low only after a
 * request for an explanation (FOA § 24-9, E33).
 */
final class Assessments {
    private Assessments() {
    }

    static List<Competition.Assessment> check(Evaluate command, Competition competition, Map<String, TenderContent> opened, Instant now) {
        List<Refusal.Field> problems = new ArrayList<>(command.formProblems());
        List<Violation> rules = new ArrayList<>();
        List<Competition.Assessment> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < command.tenders().size(); i++) {
            Evaluate.Tender t = command.tenders().get(i);
            String at = "/tenders/" + i;
            if (t.supplierOrgNo() == null) {
                continue;
            }
            if (!opened.containsKey(t.supplierOrgNo())) {
                problems.add(new Refusal.Field(at + "/supplierOrgNo", "no tender from " + t.supplierOrgNo() + " was opened; tenders: "
                        + opened.keySet().stream().sorted().toList()));
            } else if (!seen.add(t.supplierOrgNo())) {
                problems.add(new Refusal.Field(at + "/supplierOrgNo", t.supplierOrgNo() + " is evaluated twice"));
            } else {
                BigDecimal price = opened.get(t.supplierOrgNo()).evaluatedPrice().amount();
                out.add(t.rejection() != null ? rejection(t, at, price, competition, now, rules)
                        : new Competition.Assessment(t.supplierOrgNo(), price, scores(t, at, competition.terms(), problems), null));
            }
        }
        opened.keySet().stream().filter(o -> !seen.contains(o)).sorted().forEach(o -> problems.add(new Refusal.Field("/tenders",
                "the tender of " + o + " is not evaluated (score it or reject it with grounds)")));
        if (problems.isEmpty()) {
            Violations.refuseIfAny(rules, "/problems/invalid-evaluation");
        }
        rules.forEach(v -> problems.add(new Refusal.Field(v.pointer(), v.message())));
        refuseIfAny(problems);
        return out;
    }

    static void refuseIfAny(List<Refusal.Field> problems) {
        if (!problems.isEmpty()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "/problems/invalid-evaluation", "Invalid evaluation", problems.size()
                    + " field(s) are invalid: " + problems.get(0).pointer() + " " + problems.get(0).detail(), problems);
        }
    }

    private static Competition.Assessment rejection(Evaluate.Tender t, String at, BigDecimal price, Competition competition, Instant now,
                                                    List<Violation> rules) {
        String pointer = at + "/rejection/ground";
        Optional<Violation> refused = switch (t.rejection().ground() == null ? "" : t.rejection().ground()) {
            case AwardRules.ABOVE_BUDGET_GROUND -> AwardRules.aboveBudgetRejection(pointer, price, competition.terms().documentedBudget(),
                    competition.terms().publishedAt());
            case AwardRules.ABNORMALLY_LOW_GROUND -> AwardRules.abnormallyLowRejection(pointer, t.supplierOrgNo(),
                    competition.latestExplanationRequest(t.supplierOrgNo()).orElse(null), now);
            default -> Optional.empty();
        };
        refused.ifPresent(rules::add);
        return new Competition.Assessment(t.supplierOrgNo(), price, List.of(),
                new Competition.Rejection(t.rejection().ground(), t.rejection().reason()));
    }

    /** The scores of one tender: every published non-price criterion once, each with its reason. */
    static List<Competition.Score> scores(Evaluate.Tender t, String at, Competition.Terms terms, List<Refusal.Field> problems) {
        Set<String> criteria = new HashSet<>();
        terms.scoring().nonPrice().forEach(c -> criteria.add(c.id()));
        List<Competition.Score> scores = new ArrayList<>();
        Set<String> scored = new HashSet<>();
        for (int j = 0; j < t.scores().size(); j++) {
            Evaluate.Score s = t.scores().get(j);
            String sat = at + "/scores/" + j;
            if (s.criterionId() == null) {
                continue;
            }
            if (!criteria.contains(s.criterionId())) {
                problems.add(new Refusal.Field(sat + "/criterionId", "'" + s.criterionId() + "' is not a published non-price criterion "
                        + criteria.stream().sorted().toList() + " (price points are computed from the evaluated price)"));
            } else if (!scored.add(s.criterionId())) {
                problems.add(new Refusal.Field(sat + "/criterionId", "'" + s.criterionId() + "' is scored twice"));
            } else if (s.score() != null) {
                scores.add(new Competition.Score(s.criterionId(), s.score(), s.reason()));
            }
        }
        terms.scoring().nonPrice().stream().map(WeightedCriterion::id).filter(c -> !scored.contains(c)).sorted()
                .forEach(c -> problems.add(new Refusal.Field(at + "/scores", "no score for '" + c + "'")));
        return scores;
    }
}
