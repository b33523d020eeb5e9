package no.skymarked.calloff.domain;

/** Lifecycle of one ranked direct-award cascade. */
public enum CascadeStatus {
    NOT_STARTED,
    AWAITING_RESPONSE,
    AWARDED,
    CASCADE_EXHAUSTED
}
