package no.skymarked.calloff.application;

import java.time.Instant;
import java.util.Optional;

/** Responses kept per Idempotency-Key, in the same transaction as what they created (DESIGN §4). */
public interface StoredResponses {
    /** What was answered for a key: the hash of its request, the status and the body. */
    record Stored(String requestHash, int status, String body) {
    }

    Optional<Stored> find(String orgNo, String key);

    void remember(String orgNo, String key, String requestHash, int status, String body, Instant at);
}
