package no.skymarked.calloff.domain;

/**
 * How quality scores enter the total (domain rules §3.2): as given, or scaled so that the best compliant tender
 * on each criterion gets 10. Declared with the terms before the deadline and fixed from then on (E28).
 */
public enum Normalisation {
    NONE,
    PROPORTIONAL_TO_BEST
}
