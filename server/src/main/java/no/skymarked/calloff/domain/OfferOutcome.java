package no.skymarked.calloff.domain;

/** State of one cascade offer. */
public enum OfferOutcome {
    PENDING,
    ACCEPTED,
    DECLINED,
    LAPSED
}
