package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The computed outcome of an evaluation: compliant tenders in rank order with every score at full precision,
 * the ties met and how each was resolved, and warnings for the protocol.
 */
public record EvaluationResult(List<Scored> ranking, List<Tie> ties, Optional<String> winner, boolean tieUnresolvedAtTop,
                               List<Flag> flags) {
    public EvaluationResult {
        ranking = List.copyOf(ranking);
        ties = List.copyOf(ties);
        flags = List.copyOf(flags);
    }

    /**
     * A compliant tender: price score, the score used per non-price criterion (normalised if so published) next to
     * the evaluators' raw score, the weighted total, the quality points (weighted non-price sum) and the rank
     * (tenders still tied after every rule share a rank).
     */
    public record Scored(String orgNo, BigDecimal evaluatedPrice, BigDecimal priceScore, Map<String, BigDecimal> rawScores,
                         Map<String, BigDecimal> usedScores, BigDecimal total, BigDecimal qualityPoints,
                         BigDecimal environmentScore, int rank) {
    }

    /** Tenders with equal totals; {@code resolvedBy} is the rule that separated them, or null when none did. */
    public record Tie(List<String> orgNos, BigDecimal total, TieBreakRule resolvedBy) {
    }

    /** A warning: {@code SINGLE_TENDER}, {@code NEGATIVE_PRICE_SCORE}, {@code ABNORMALLY_LOW_SUSPECTED}. */
    public record Flag(String code, String orgNo, String detail) {
    }

    public Optional<Scored> of(String orgNo) {
        return ranking.stream().filter(s -> s.orgNo().equals(orgNo)).findFirst();
    }
}
