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
     * @param suspectedLow   the tenders flagged as abnormally low
     * @param clarified      whether the buyer recorded its assessment of the winner's written explanation
     */
    public static Decision award(boolean evidenceReceived, String proposed, List<String> tiedForFirst, String tieWinner,
                                 Set<String> suspectedLow, boolean clarified) {
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
        if (suspectedLow.contains(winner) && !clarified) {
            return refused("/abnormallyLowClarification", CLARIFICATION_REQUIRED, "the tender of " + winner + " seems abnormally"
                    + " low: ask for a written explanation of its price and record your assessment of it before the award (FOA § 24-9)");
        }
        return new Winner(winner);
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
