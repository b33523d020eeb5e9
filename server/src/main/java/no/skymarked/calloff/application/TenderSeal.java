package no.skymarked.calloff.application;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Seals tender content for the database and opens it after the deadline only (domain rules §3.3). Each competition
 * has its own key pair, made at publication; its private half is kept wrapped by the key-encryption key.
 */
public interface TenderSeal {
    /** Makes the competition's key pair (at publication; a competition published before it has one gets it at its first tender). */
    void createKey(String callOffId, Instant now);

    /** {@code boundTo} ties the ciphertext to its call-off, supplier and tender, so a row moved elsewhere will not open. */
    SealedTender.Sealed seal(String callOffId, String boundTo, TenderContent content, Instant now);

    /**
     * Opens the call-off's tenders; refuses (tenders-sealed) before the deadline. The competition's private key is
     * unwrapped at the first tender that needs it, once per opener, and {@code unwrapped} hears the id of the
     * key-encryption key each time (for the protocol). A server that cannot unwrap it refuses (tender-key-unavailable).
     */
    Opener opener(String callOffId, Instant deadline, Instant now, Consumer<String> unwrapped);

    /** SHA-256 of the ciphertext, hex: a receipt that reveals nothing of the content. */
    String receiptHash(SealedTender.Sealed sealed);

    /** Opens tenders of one call-off. */
    interface Opener {
        TenderContent open(SealedTender.Sealed sealed, String boundTo);
    }
}
