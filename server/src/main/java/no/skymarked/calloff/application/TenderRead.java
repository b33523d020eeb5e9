package no.skymarked.calloff.application;

import java.time.Instant;

/** A tender as read: sealed (only the receipt, {@code sealedUntil} set) or opened (with its content, if not withdrawn). */
public record TenderRead(String callOffId, SealedTender tender, TenderContent content, Instant sealedUntil) {
    public boolean sealed() {
        return sealedUntil != null;
    }
}
