package no.skymarked.calloff.application;

/** An Idempotency-Key with the hash of the request it came with. */
public record Idempotency(String key, String requestHash) {
}
