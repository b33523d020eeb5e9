package no.skymarked.calloff.domain;

import java.util.Objects;

/**
 * A domain-level "no" with a stable, machine-readable {@code code} (e.g. {@code INVALID_ESTIMATE}) and a
 * human-readable message. Returned instead of thrown for anything a user can cause with bad input.
 */
public record Refusal(String code, String message) {
    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
