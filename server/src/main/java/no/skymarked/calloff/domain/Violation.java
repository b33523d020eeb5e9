package no.skymarked.calloff.domain;

/** One problem with user input: where ({@code pointer}, a JSON pointer), a stable code, and a message. */
public record Violation(String pointer, String code, String message) {
}
