package no.skymarked.calloff.domain;

import java.time.Instant;

/**
 * One row of the append-only call-off protocol (domain rules §2.3). {@code hash} = SHA-256 (lower-case hex)
 * of {@link ProtocolChain#canonical} over all other fields, so every row commits to its predecessor.
 */
public record ProtocolEvent(long seq, Instant at, String actor, String type, String payloadJson,
                            String previousHash, String hash) {
}
