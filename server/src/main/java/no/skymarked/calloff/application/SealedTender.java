package no.skymarked.calloff.application;

import java.time.Instant;

/** A tender as stored: what anyone entitled may know (who, when, which version, the receipt hash) and the sealed content. */
public record SealedTender(String orgNo, String tenderRef, String status, int version, Instant firstAt, Instant submittedAt,
                           Sealed sealed, String sealedSha256) {
    public static final String SUBMITTED = "SUBMITTED";
    public static final String WITHDRAWN = "WITHDRAWN";

    /** The wrapped content key, the nonce and the ciphertext, each base64. */
    public record Sealed(String wrappedKey, String iv, String ciphertext) {
    }

    public boolean submitted() {
        return SUBMITTED.equals(status);
    }
}
