package no.skymarked.calloff.application;

import java.time.Instant;

/**
 * A tender as read: sealed (only the receipt, {@code sealedUntil} set) or opened (with its content, if not withdrawn).
 * {@code pricesHidden}: opened, but read by the buyer's side before the quality scores are locked, so without its
 * rates and evaluated price (domain rules §3.2).
 */
public record TenderRead(String callOffId, SealedTender tender, TenderContent content, Instant sealedUntil, boolean pricesHidden) {
    public TenderRead(String callOffId, SealedTender tender, TenderContent content, Instant sealedUntil) {
        this(callOffId, tender, content, sealedUntil, false);
    }

    public boolean sealed() {
        return sealedUntil != null;
    }
}
