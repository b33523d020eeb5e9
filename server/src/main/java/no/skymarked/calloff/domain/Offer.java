package no.skymarked.calloff.domain;

import java.time.Instant;

/** A request sent to one supplier in the cascade. The supplier may respond up to and including {@code deadline}. */
public record Offer(String id, String orgNo, int rank, Instant sentAt, Instant deadline, OfferOutcome outcome) {

    Offer withOutcome(OfferOutcome newOutcome) {
        return new Offer(id, orgNo, rank, sentAt, deadline, newOutcome);
    }

    /** True when a response at {@code now} is too late: strictly after the deadline. */
    public boolean expiredAt(Instant now) {
        return now.isAfter(deadline);
    }
}
