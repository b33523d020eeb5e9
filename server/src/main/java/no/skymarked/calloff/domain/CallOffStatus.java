package no.skymarked.calloff.domain;

/**
 * Where a call-off stands. {@link Transition} lists every move between these, in one place; a move that is not
 * listed there is refused with {@link IllegalTransition}, naming the current status.
 */
public enum CallOffStatus {
    /** A mini-competition awaiting publication. */
    DRAFT,
    /** Direct award in ranked order: an offer is open. */
    OFFERED,
    /** A published mini-competition receiving tenders until its deadline. */
    TENDERING,
    /** Tenders opened; the buyer evaluates. */
    EVALUATION,
    /** Decision made and notified. */
    AWARDED,
    CONTRACTED,
    /** Every ranked supplier declined or let the deadline lapse. */
    CASCADE_EXHAUSTED,
    /** No tender, or every tender rejected. */
    UNSUCCESSFUL,
    CANCELLED;

    /** True when the call-off still holds value under the framework's maximum (see {@link CallOff#committedValue()}). */
    public boolean holdsValue() {
        return this != CASCADE_EXHAUSTED && this != UNSUCCESSFUL && this != CANCELLED;
    }
}
