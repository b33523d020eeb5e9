package no.skymarked.calloff.domain;

import java.time.Instant;

/**
 * One row of the append-only call-off protocol (domain rules §2.3). {@code hash} = SHA-256 (lower-case hex)
 * of {@link ProtocolChain#canonical} over all other fields, so every row commits to its predecessor. A bound chain
 * ({@link ChainFormat#BOUND}) also commits each row to its call-off and to the call-off's decisive {@code state} after
 * the row's transaction (JSON of {@link ChainState}); {@code logIndex} is the row's leaf in the transparency log once
 * it has been sequenced (not hashed: it is assigned after the row is written).
 */
public record ProtocolEvent(long seq, Instant at, String actor, String type, String payloadJson,
                            String previousHash, String hash, String state, Long logIndex) {

    /** A row of a chain without state (the earlier, unbound format) and not yet in the transparency log. */
    public ProtocolEvent(long seq, Instant at, String actor, String type, String payloadJson, String previousHash, String hash) {
        this(seq, at, actor, type, payloadJson, previousHash, hash, null, null);
    }
}
