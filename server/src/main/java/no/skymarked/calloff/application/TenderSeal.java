package no.skymarked.calloff.application;

import java.time.Instant;

/** Seals tender content for the database and opens it after the deadline only (domain rules §3.3). */
public interface TenderSeal {
    /** {@code boundTo} ties the ciphertext to its call-off, supplier and tender, so a row moved elsewhere will not open. */
    SealedTender.Sealed seal(String boundTo, TenderContent content);

    /** Refuses (tenders-sealed) before the deadline. */
    TenderContent open(SealedTender.Sealed sealed, String boundTo, Instant deadline, Instant now);

    /** SHA-256 of the ciphertext, hex: a receipt that reveals nothing of the content. */
    String receiptHash(SealedTender.Sealed sealed);
}
