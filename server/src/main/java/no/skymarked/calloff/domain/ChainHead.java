package no.skymarked.calloff.domain;

/** The last row of a call-off's chain as recorded on the call-off in the transaction that wrote it. */
public record ChainHead(long seq, String hash) {
}
