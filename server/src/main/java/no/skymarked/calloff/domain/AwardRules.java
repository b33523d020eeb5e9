package no.skymarked.calloff.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What must hold before a mini-competition is awarded and its contract concluded (domain rules §1.4 M6, §1.7,
 * §3.5, §3.7; E33, E35, E37, E38). Each refusal names the field it concerns.
 */
public final class AwardRules {
    public static final String EVIDENCE_PENDING = "EVIDENCE_PENDING";
    public static final String TIE_UNRESOLVED = "TIE_UNRESOLVED";
    public static final String INVALID_AWARD = "INVALID_AWARD";
    public static final String CLARIFICATION_REQUIRED = "CLARIFICATION_REQUIRED";
    public static final String EXPLANATION_NOT_REQUESTED = "EXPLANATION_NOT_REQUESTED";
    public static final String EXPLANATION_PENDING = "EXPLANATION_PENDING";
    public static final String EXPLANATION_SUFFICIENT = "EXPLANATION_SUFFICIENT";
    public static final String NO_DOCUMENTED_BUDGET = "NO_DOCUMENTED_BUDGET";
    public static final String WITHIN_DOCUMENTED_BUDGET = "WITHIN_DOCUMENTED_BUDGET";
    /** The rejection ground of FOA § 24-8(2)d (E34). */
    public static final String ABOVE_BUDGET_GROUND = "ABOVE_DOCUMENTED_BUDGET";
    /** The rejection ground of FOA § 24-9 / § 24-8(2)b, allowed only after a request for explanation (E33). */
    public static final String ABNORMALLY_LOW_GROUND = "ABNORMALLY_LOW_EXPLANATION_INSUFFICIENT";
    public static final String SIGNATURE_MISSING = "SIGNATURE_MISSING";
    public static final String INVALID_CONTRACT = "INVALID_CONTRACT";
    public static final String STANDSTILL_RUNNING = "STANDSTILL_RUNNING";

    private AwardRules() {
    }

    /** The award goes to the best tender; a result or a refusal. */
    public sealed interface Decision permits Winner, Refused {
    }

    public record Winner(String orgNo) implements Decision {
    }

    public record Refused(Violation violation) implements Decision {
    }

    /**
     * @param proposed       the evaluation's winner, null when the published rules leave a tie for first place
     * @param tiedForFirst   the tenders tied for first place (empty when there is no such tie)
     * @param tieWinner      the buyer's documented choice among them, or null
     * @param suspectedLow   the compliant tenders flagged as abnormally low
     * @param requested      the tenders whose supplier was asked in writing to explain its price (with a deadline)
     * @param explained      the tenders whose explanation the buyer recorded as sufficient
     */
    public static Decision award(boolean evidenceReceived, String proposed, List<String> tiedForFirst, String tieWinner,
                                 Set<String> suspectedLow, Set<String> requested, Set<String> explained) {
        if (!evidenceReceived) {
            return refused("/evidenceReceived", EVIDENCE_PENDING, "updated documentation evidence (tax certificate and the like)"
                    + " from the selected supplier is required before the award (FOA § 17-1(5)); send evidenceReceived: true once it is in");
        }
        String winner;
        if (!tiedForFirst.isEmpty()) {
            if (tieWinner == null || !tiedForFirst.contains(tieWinner)) {
                return refused("/tieDecision", TIE_UNRESOLVED, "the published tie-break rules leave " + tiedForFirst
                        + " tied for first place; give tieDecision {winnerOrgNo, reason} naming one of them (documented decision, E35)");
            }
            winner = tieWinner;
        } else if (tieWinner != null) {
            return refused("/tieDecision", INVALID_AWARD, "there is no tie for first place to decide");
        } else {
            winner = proposed;
        }
        if (suspectedLow.contains(winner) && !explained.contains(winner)) {
            return refused(null, CLARIFICATION_REQUIRED, "the tender of " + winner + " seems abnormally low: request a written"
                    + " explanation of its price with a deadline (POST …/explanation-requests) and record your assessment of it as"
                    + " SUFFICIENT before the award (FOA § 24-9)");
        }
        List<String> unasked = suspectedLow.stream().filter(o -> !requested.contains(o)).sorted().toList();
        if (!unasked.isEmpty()) {
            return refused(null, EXPLANATION_NOT_REQUESTED, "the tenders of " + unasked + " seem abnormally low: the supplier must be"
                    + " asked in writing to explain its price, with a deadline, before the competition is decided (FOA § 24-9;"
                    + " POST …/explanation-requests)");
        }
        return new Winner(winner);
    }

    /**
     * A tender may be rejected as abnormally low (FOA § 24-9, § 24-8(2)b) only after its supplier was asked in writing to
     * explain it, and then only when the deadline has passed without the buyer finding the explanation sufficient, or
     * when the buyer recorded it as insufficient. Nothing is ever rejected automatically (E33).
     *
     * @param latest the latest request for an explanation of this tender, or null
     */
    public static java.util.Optional<Violation> abnormallyLowRejection(String pointer, String orgNo, Competition.ExplanationRequest latest,
                                                                       Instant now) {
        if (latest == null) {
            return java.util.Optional.of(new Violation(pointer, EXPLANATION_NOT_REQUESTED, "the tender of " + orgNo + " may be rejected"
                    + " as abnormally low only after a written request for an explanation with a deadline (FOA § 24-9):"
                    + " POST …/explanation-requests first"));
        }
        if (latest.assessed()) {
            return latest.assessment().sufficient() ? java.util.Optional.of(new Violation(pointer, EXPLANATION_SUFFICIENT, "the explanation"
                    + " of " + orgNo + " was recorded as sufficient (" + latest.id() + "); it cannot be rejected on this ground"))
                    : java.util.Optional.empty();
        }
        if (now.isBefore(latest.deadline())) {
            return java.util.Optional.of(new Violation(pointer, EXPLANATION_PENDING, "the supplier has until " + latest.deadline()
                    + " (" + WorkingDayCalendar.osloTime(latest.deadline()) + " Europe/Oslo) to explain (" + latest.id() + "); record"
                    + " your assessment of its explanation as INSUFFICIENT, or wait for the deadline"));
        }
        return java.util.Optional.empty();
    }

    /**
     * A tender above the buyer's budget may be rejected only when the budget was documented no later than the invitations
     * (FOA § 24-8(2)d, E34) and the evaluated price exceeds it.
     */
    public static java.util.Optional<Violation> aboveBudgetRejection(String pointer, java.math.BigDecimal price,
                                                                     Competition.DocumentedBudget budget, Instant invitedAt) {
        if (budget == null || !budget.precedes(invitedAt)) {
            return java.util.Optional.of(new Violation(pointer, NO_DOCUMENTED_BUDGET, budget == null
                    ? "no budget was documented before the invitation (FOA § 24-8(2)d)"
                    : "the budget was documented at " + budget.documentedAt() + ", after the invitation at " + invitedAt + " (FOA § 24-8(2)d)"));
        }
        if (price.compareTo(budget.amount().amount()) <= 0) {
            // the price itself is not named: quality may still be scored without prices (§ 3.2 of the rules)
            return java.util.Optional.of(new Violation(pointer, WITHIN_DOCUMENTED_BUDGET, "the tender's evaluated price is not above"
                    + " the documented budget NOK " + budget.amount().amount().toPlainString() + " (FOA § 24-8(2)d)"));
        }
        return java.util.Optional.empty();
    }

    /**
     * The contract is concluded when both parties have signed (FOA § 25-1(5)), neither before the award decision, and
     * (with a voluntary standstill) not before the standstill ends. Null signatures are missing ones.
     */
    public static java.util.Optional<Violation> contract(Instant buyerSigned, Instant supplierSigned, Instant now,
                                                         Instant decidedAt, Instant standstillEnd) {
        for (var signed : List.of(java.util.Map.entry("/buyerSignedAt", java.util.Optional.ofNullable(buyerSigned)),
                java.util.Map.entry("/supplierSignedAt", java.util.Optional.ofNullable(supplierSigned)))) {
            if (signed.getValue().isEmpty()) {
                return java.util.Optional.of(new Violation(signed.getKey(), SIGNATURE_MISSING, "the contract is concluded when"
                        + " both parties have signed (FOA § 25-1(5)); the call-off stays AWARDED"));
            }
            if (signed.getValue().get().isAfter(now)) {
                return java.util.Optional.of(new Violation(signed.getKey(), INVALID_CONTRACT, "a signature cannot be in the future"));
            }
            if (decidedAt != null && signed.getValue().get().isBefore(decidedAt)) {
                return java.util.Optional.of(new Violation(signed.getKey(), INVALID_CONTRACT, "a signature cannot precede the award"
                        + " decision " + decidedAt));
            }
        }
        boolean buyerLater = buyerSigned.isAfter(supplierSigned);
        Instant concluded = buyerLater ? buyerSigned : supplierSigned;
        if (standstillEnd != null && concluded.isBefore(standstillEnd)) {
            return java.util.Optional.of(new Violation(buyerLater ? "/buyerSignedAt" : "/supplierSignedAt", STANDSTILL_RUNNING,
                    "the contract would be concluded during the standstill, which runs until " + standstillEnd));
        }
        return java.util.Optional.empty();
    }

    private static Refused refused(String pointer, String code, String message) {
        return new Refused(new Violation(pointer, code, message));
    }
}
