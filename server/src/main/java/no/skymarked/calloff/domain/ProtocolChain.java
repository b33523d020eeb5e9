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
 * Append-only SHA-256 hash chain of {@link ProtocolEvent}s. Sequence numbers start at 1. A bound chain
 * ({@link ChainFormat#BOUND}) starts from {@link #genesis} of its call-off id and every row's hash covers the call-off
 * id and the call-off's decisive state; an unbound chain (earlier call-offs) starts from 64 zeros. Instances are not
 * thread-safe; persistence is the caller's job.
 */
public final class ProtocolChain {
    public static final String GENESIS_HASH = "0".repeat(64);
    /** Domain-separation tag of bound chains: no other hash in the product starts with it. */
    public static final String BOUND_TAG = "skymarked/protocol-chain/v2";
    /** How many seq values after a row's own a renumbered row is looked for under (rows deleted before it). */
    private static final int RENUMBER_WINDOW = 64;

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

    /** The hash a bound chain's first row links to: SHA-256 of the tag, a zero byte and the call-off id. */
    public static String genesis(String callOffId) {
        return sha256Hex(BOUND_TAG + "\u0000" + Objects.requireNonNull(callOffId, "callOffId"));
    }

    /**
     * Builds the row after {@code head} ({@code null} for the first row) of the call-off's chain in its format; a
     * bound row commits to {@code state}, the call-off's decisive state after the row's transaction. Pure.
     */
    public static ProtocolEvent next(String callOffId, ChainFormat format, ChainHead head, Instant at, String actor, String type,
                                     String payloadJson, ChainState state) {
        if (format == ChainFormat.UNBOUND) {
            ProtocolEvent previous = head == null ? null : new ProtocolEvent(head.seq(), at, actor, type, payloadJson, "", head.hash());
            return next(previous, at, actor, type, payloadJson);
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadJson, "payloadJson");
        long seq = head == null ? 1 : head.seq() + 1;
        String prevHash = head == null ? genesis(callOffId) : head.hash();
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        String stateJson = state == null ? null : state.json();
        return new ProtocolEvent(seq, when, actor, type, payloadJson, prevHash,
                sha256Hex(canonical(callOffId, seq, when, actor, type, payloadJson, stateJson, prevHash)), stateJson, null);
    }

    /**
     * The canonical string hashed for a bound row: {@code v2|callOffId|seq|at|actor|type|payload|state|previousHash}, the
     * free-text fields written as {@code <length>:<text>} ({@code -1:} for none).
     */
    public static String canonical(String callOffId, long seq, Instant at, String actor, String type, String payloadJson,
                                   String stateJson, String previousHash) {
        return "v2|" + field(callOffId) + "|" + seq + "|" + at + "|" + field(actor) + "|" + field(type) + "|" + field(payloadJson)
                + "|" + field(stateJson) + "|" + previousHash;
    }

    /**
     * Verifies a stored chain with what its call-off records: every row in order from its format's genesis, then the
     * recorded head and, for a bound chain, the call-off's state against the last row's. Reports every finding: a
     * broken link does not hide later ones (verification goes on from the row found).
     */
    public static ChainVerification verify(ChainRecord chain) {
        boolean bound = chain.format() == ChainFormat.BOUND;
        List<ChainVerification.Finding> findings = new ArrayList<>();
        String expectedPrevious = bound ? genesis(chain.callOffId()) : GENESIS_HASH;
        long expectedSeq = 1;
        boolean previousForeign = false;
        for (ProtocolEvent e : chain.events()) {
            ChainVerification.Finding f = bound ? checkBound(chain.callOffId(), e, expectedSeq, expectedPrevious, previousForeign)
                    : checkUnbound(e, expectedSeq, expectedPrevious);
            if (f != null) {
                findings.add(f);
            }
            previousForeign = f != null && f.problem() == ChainVerification.Problem.ROW_TRANSPLANTED;
            expectedPrevious = e.hash();
            expectedSeq = e.seq() + 1;
        }
        ProtocolEvent last = chain.events().isEmpty() ? null : chain.events().get(chain.events().size() - 1);
        long lastSeq = last == null ? 0 : last.seq();
        ChainHead head = chain.head();
        if (head != null) {
            if (head.seq() > lastSeq) {
                findings.add(new ChainVerification.Finding(lastSeq, ChainVerification.Problem.TAIL_DELETED, "the call-off records seq "
                        + head.seq() + " as its last row, the rows end at " + lastSeq + ": " + (head.seq() - lastSeq) + " removed"));
            } else if (head.seq() < lastSeq) {
                findings.add(new ChainVerification.Finding(lastSeq, ChainVerification.Problem.ROWS_AFTER_HEAD, "the call-off records seq "
                        + head.seq() + " as its last row, the rows go on to " + lastSeq));
            } else if (last != null && !head.hash().equals(last.hash())) {
                findings.add(new ChainVerification.Finding(lastSeq, ChainVerification.Problem.HEAD_MISMATCH,
                        "the last row's hash is not the head hash the call-off records"));
            }
        }
        if (bound && chain.rowState() != null && last != null) {
            String committed = committedState(chain.events(), head);
            String now = chain.rowState().json();
            if (committed != null && !committed.equals(now)) {
                findings.add(new ChainVerification.Finding(lastSeq, ChainVerification.Problem.STATE_MISMATCH,
                        "the call-off row says " + now + "; its chain committed to " + committed));
            }
        }
        return findings.isEmpty() ? new ChainVerification.Intact(chain.events().size()) : ChainVerification.Broken.of(findings);
    }

    /** The state the row at the recorded head committed to (else the last row's that has one). */
    private static String committedState(List<ProtocolEvent> events, ChainHead head) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (head != null && events.get(i).seq() > head.seq()) {
                continue;
            }
            if (events.get(i).state() != null) {
                return events.get(i).state();
            }
        }
        return null;
    }

    private static ChainVerification.Finding checkUnbound(ProtocolEvent e, long expectedSeq, String expectedPrevious) {
        if (e.seq() != expectedSeq) {
            return new ChainVerification.Finding(e.seq(), ChainVerification.Problem.SEQUENCE_GAP,
                    "expected seq " + expectedSeq + " but found " + e.seq());
        }
        if (!expectedPrevious.equals(e.previousHash())) {
            return new ChainVerification.Finding(e.seq(), ChainVerification.Problem.PREVIOUS_HASH_MISMATCH,
                    "previousHash does not match the hash of seq " + (expectedSeq - 1));
        }
        if (!hashOf(e.seq(), e.at(), e.actor(), e.type(), e.payloadJson(), e.previousHash()).equals(e.hash())) {
            return new ChainVerification.Finding(e.seq(), ChainVerification.Problem.HASH_MISMATCH, "row content does not match its hash");
        }
        return null;
    }

    private static ChainVerification.Finding checkBound(String callOffId, ProtocolEvent e, long expectedSeq, String expectedPrevious,
                                                        boolean previousForeign) {
        if (e.seq() != expectedSeq) {
            return new ChainVerification.Finding(e.seq(), ChainVerification.Problem.SEQUENCE_GAP,
                    "expected seq " + expectedSeq + " but found " + e.seq());
        }
        boolean madeHere = boundHash(callOffId, e.seq(), e).equals(e.hash());
        if (!expectedPrevious.equals(e.previousHash())) {
            if (madeHere) {
                return new ChainVerification.Finding(e.seq(), ChainVerification.Problem.PREVIOUS_HASH_MISMATCH,
                        "previousHash does not match the hash of seq " + (expectedSeq - 1));
            }
            for (long original = e.seq() + 1; original <= e.seq() + RENUMBER_WINDOW; original++) {
                if (boundHash(callOffId, original, e).equals(e.hash())) {
                    return new ChainVerification.Finding(e.seq(), ChainVerification.Problem.SEQUENCE_GAP, "the row was seq " + original
                            + " of this call-off: " + (original - e.seq()) + " row(s) before it deleted and the rest renumbered");
                }
            }
            return new ChainVerification.Finding(e.seq(), ChainVerification.Problem.ROW_TRANSPLANTED, "the row neither continues this chain"
                    + " nor hashes as a row of call-off " + callOffId + ": it was written into another call-off's chain");
        }
        if (!madeHere && previousForeign) {
            return new ChainVerification.Finding(e.seq(), ChainVerification.Problem.ROW_TRANSPLANTED, "the row continues rows transplanted"
                    + " before it and does not hash as a row of call-off " + callOffId);
        }
        if (!madeHere) {
            return new ChainVerification.Finding(e.seq(), ChainVerification.Problem.HASH_MISMATCH,
                    "row content (payload, actor, type, time or state) does not match its hash");
        }
        return null;
    }

    private static String boundHash(String callOffId, long seq, ProtocolEvent e) {
        return sha256Hex(canonical(callOffId, seq, e.at(), e.actor(), e.type(), e.payloadJson(), e.state(), e.previousHash()));
    }

    /** Verifies an unbound chain from seq 1 without a recorded head; an empty list is intact. */
    public static ChainVerification verify(List<ProtocolEvent> chain) {
        return verify(new ChainRecord("", ChainFormat.UNBOUND, chain, null, null));
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
