package no.skymarked.calloff.domain;

import java.util.Map;

/**
 * One problem with user input: where ({@code pointer}, a JSON pointer), a stable code, a message, and any
 * machine-readable facts a client can act on (e.g. {@code suggestedDeadline}), which become extension members of
 * the problem (RFC 9457 §3.2).
 */
public record Violation(String pointer, String code, String message, Map<String, String> members) {
    public Violation {
        members = Map.copyOf(members);
    }

    public Violation(String pointer, String code, String message) {
        this(pointer, code, message, Map.of());
    }
}
