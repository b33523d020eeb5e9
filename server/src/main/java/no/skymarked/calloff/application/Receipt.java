package no.skymarked.calloff.application;

import java.time.Instant;

/** A receipt of a submission or withdrawal: no content, only the hash of the sealed ciphertext. */
public record Receipt(String tenderRef, String orgNo, String action, int version, Instant at, String sealedSha256) {
}
