package no.skymarked.calloff.application;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The value committed under each framework, so that together its call-offs never exceed its maximum value
 * (FOA § 26-1(2)) while unrelated call-offs do not wait for each other. Releases follow the call-off's own
 * updates ({@link CallOffRepository#update}).
 */
public interface ValueLedger {
    /**
     * Books {@code amount} for a new call-off in the caller's transaction, unless the framework's committed value plus
     * it would exceed {@code maxValue}: then nothing is booked and the committed value is returned.
     */
    Optional<BigDecimal> reserve(String frameworkId, String callOffId, BigDecimal amount, BigDecimal maxValue);
}
