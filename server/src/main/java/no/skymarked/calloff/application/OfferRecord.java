package no.skymarked.calloff.application;

import java.time.Instant;
import no.skymarked.calloff.domain.Offer;

/** An offer with what the cascade does not keep: when and why it was answered. */
public record OfferRecord(Offer offer, Instant respondedAt, String reason) {
}
