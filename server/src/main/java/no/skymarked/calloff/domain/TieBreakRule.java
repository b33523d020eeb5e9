package no.skymarked.calloff.domain;

/**
 * Rules that order tenders with equal weighted totals, applied in the published order (domain rules §3.5).
 * With none left and the tie unresolved, the award needs a documented decision (E35).
 */
public enum TieBreakRule {
    /** Higher sum of the weighted non-price scores. */
    HIGHER_QUALITY_POINTS,
    /** Lower evaluated price. */
    LOWER_PRICE,
    /** Higher score on the environment criteria. */
    HIGHER_ENVIRONMENT_SCORE,
    /** A reproducible draw: SHA-256 of a seed fixed when the tenders are opened and the organisation number orders the tied tenders. */
    DRAWING_OF_LOTS;

    /** The suggested default order of §3.5. */
    public static final java.util.List<TieBreakRule> DEFAULT_ORDER =
            java.util.List.of(HIGHER_QUALITY_POINTS, LOWER_PRICE, HIGHER_ENVIRONMENT_SCORE, DRAWING_OF_LOTS);
}
