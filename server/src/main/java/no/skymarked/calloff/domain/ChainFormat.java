package no.skymarked.calloff.domain;

/** How a call-off's protocol rows are hashed; kept on the call-off. */
public enum ChainFormat {
    /**
     * Rows of call-offs made before chains were bound: the first row links to 64 zeros and a row's hash covers neither
     * its call-off nor the call-off's state. Verifiable, but a row moved between call-offs is not told from an edit.
     */
    UNBOUND(1),
    /** The chain starts from a genesis hash of the call-off id and every row commits to the call-off id and its state. */
    BOUND(2);

    private final int code;

    ChainFormat(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ChainFormat of(int code) {
        return code == 1 ? UNBOUND : BOUND;
    }
}
