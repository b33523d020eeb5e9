package no.skymarked.calloff.domain;

/** Result of {@link ProtocolChain#verify}: intact, or broken at the first bad row. */
public sealed interface ChainVerification permits ChainVerification.Intact, ChainVerification.Broken {

    boolean intact();

    enum Problem {
        /** The row's seq is not the next expected one (deleted, inserted or reordered row). */
        SEQUENCE_GAP,
        /** The row does not point at the hash of the row before it. */
        PREVIOUS_HASH_MISMATCH,
        /** The row's fields do not hash to its stored hash (altered content). */
        HASH_MISMATCH
    }

    record Intact(int rows) implements ChainVerification {
        @Override
        public boolean intact() {
            return true;
        }
    }

    /** {@code seq} is the seq stored on the first row at which verification failed. */
    record Broken(long seq, Problem problem, String message) implements ChainVerification {
        @Override
        public boolean intact() {
            return false;
        }
    }
}
