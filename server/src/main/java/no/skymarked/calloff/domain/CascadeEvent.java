package no.skymarked.calloff.domain;

import java.time.Instant;

/** A domain event of the cascade. {@code orgNo} is null and {@code rank} 0 for cascade-level events. */
public record CascadeEvent(CascadeEventType type, String orgNo, int rank, Instant at, String detail) {
}
