package no.skymarked.calloff.domain;

import java.util.List;

/**
 * Result of {@link ProtocolChain#verify}: intact, or broken with every finding (the first one also as {@code seq},
 * {@code problem}, {@code message}). Each problem names the damage it points at.
 */
public sealed interface ChainVerification permits ChainVerification.Intact, ChainVerification.Broken {

    boolean intact();

    List<Finding> findings();

    enum Problem {
        /** The row's seq is not the next expected one. */
        SEQUENCE_GAP("row deleted, inserted or reordered"),
        /** The row does not point at the hash of the row before it, and was itself made for this place. */
        PREVIOUS_HASH_MISMATCH("row before it changed and rehashed, or removed"),
        /** The row's fields do not hash to its stored hash. */
        HASH_MISMATCH("payload edited"),
        /** The row does not continue this chain and its hash binds it to another call-off's chain. */
        ROW_TRANSPLANTED("row transplanted from another call-off"),
        /** The call-off records a later head than its last row: rows at the end were removed. */
        TAIL_DELETED("tail deleted"),
        /** Rows after the head the call-off records: written outside the server, or moved here. */
        ROWS_AFTER_HEAD("rows added after the recorded head"),
        /** The last row is not the one the call-off records as its head. */
        HEAD_MISMATCH("last row is not the recorded head"),
        /** The call-off's status, route, awardee or agreed value differ from what its last row committed to. */
        STATE_MISMATCH("call-off state not matching the chain");

        private final String damage;

        Problem(String damage) {
            this.damage = damage;
        }

        /** What the finding says happened, in words. */
        public String damage() {
            return damage;
        }
    }

    /** One finding: the row's seq (for the head and state: the last row's), the problem, and what exactly differs. */
    record Finding(long seq, Problem problem, String detail) {
    }

    record Intact(int rows) implements ChainVerification {
        @Override
        public boolean intact() {
            return true;
        }

        @Override
        public List<Finding> findings() {
            return List.of();
        }
    }

    /** {@code seq} is the seq of the first finding. */
    record Broken(long seq, Problem problem, String message, List<Finding> findings) implements ChainVerification {
        public Broken(long seq, Problem problem, String message) {
            this(seq, problem, message, List.of(new Finding(seq, problem, message)));
        }

        static Broken of(List<Finding> findings) {
            Finding first = findings.get(0);
            return new Broken(first.seq(), first.problem(), first.detail(), List.copyOf(findings));
        }

        @Override
        public boolean intact() {
            return false;
        }
    }
}
