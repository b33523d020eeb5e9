package no.skymarked.calloff.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Append-only SHA-256 hash chain of {@link ProtocolEvent}s. Sequence numbers start at 1; the first row's
 * {@code previousHash} is 64 zeros. Instances are not thread-safe; persistence is the caller's job.
 */
public final class ProtocolChain {
    public static final String GENESIS_HASH = "0".repeat(64);

    private final List<ProtocolEvent> events = new ArrayList<>();

    /**
     * Appends a new event. {@code at} is truncated to microseconds so the hash survives a round trip through
     * a microsecond-precision database column.
     */
    public ProtocolEvent append(Instant at, String actor, String type, String payloadJson) {
        ProtocolEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
        ProtocolEvent next = next(last, at, actor, type, payloadJson);
        events.add(next);
        return next;
    }

    public List<ProtocolEvent> events() {
        return Collections.unmodifiableList(new ArrayList<>(events));
    }

    /** Builds the row that follows {@code previous} ({@code null} for the first row). Pure. */
    public static ProtocolEvent next(ProtocolEvent previous, Instant at, String actor, String type,
                                     String payloadJson) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadJson, "payloadJson");
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prevHash = previous == null ? GENESIS_HASH : previous.hash();
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        return new ProtocolEvent(seq, when, actor, type, payloadJson, prevHash,
                hashOf(seq, when, actor, type, payloadJson, prevHash));
    }

    /**
     * The canonical string hashed for a row: {@code seq|at|actor|type|payload|previousHash}, where {@code at}
     * is ISO-8601 UTC ({@link Instant#toString()}) and each free-text field (actor, type, payload) is written as
     * {@code <length>:<text>} so that a '|' inside a field cannot make two different rows hash alike.
     */
    public static String canonical(long seq, Instant at, String actor, String type, String payloadJson,
                                   String previousHash) {
        return seq + "|" + at + "|" + field(actor) + "|" + field(type) + "|" + field(payloadJson) + "|"
                + previousHash;
    }

    public static String hashOf(long seq, Instant at, String actor, String type, String payloadJson,
                                String previousHash) {
        return sha256Hex(canonical(seq, at, actor, type, payloadJson, previousHash));
    }

    /** Verifies the complete chain from seq 1; an empty list is intact. */
    public static ChainVerification verify(List<ProtocolEvent> chain) {
        String expectedPrevious = GENESIS_HASH;
        long expectedSeq = 1;
        for (ProtocolEvent e : chain) {
            if (e.seq() != expectedSeq) {
                return broken(e.seq(), ChainVerification.Problem.SEQUENCE_GAP,
                        "expected seq " + expectedSeq + " but found " + e.seq());
            }
            if (!expectedPrevious.equals(e.previousHash())) {
                return broken(e.seq(), ChainVerification.Problem.PREVIOUS_HASH_MISMATCH,
                        "previousHash does not match the hash of seq " + (expectedSeq - 1));
            }
            String recomputed = hashOf(e.seq(), e.at(), e.actor(), e.type(), e.payloadJson(), e.previousHash());
            if (!recomputed.equals(e.hash())) {
                return broken(e.seq(), ChainVerification.Problem.HASH_MISMATCH, "row content does not match its hash");
            }
            expectedPrevious = e.hash();
            expectedSeq++;
        }
        return new ChainVerification.Intact(chain.size());
    }

    private static ChainVerification broken(long seq, ChainVerification.Problem problem, String message) {
        return new ChainVerification.Broken(seq, problem, message);
    }

    private static String field(String s) {
        return s == null ? "-1:" : s.length() + ":" + s;
    }

    private static String sha256Hex(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
