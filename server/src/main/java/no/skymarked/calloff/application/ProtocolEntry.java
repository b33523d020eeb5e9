package no.skymarked.calloff.application;

import java.time.Instant;

/**
 * One protocol event to append: when, who, what, and its payload: a map of names to values (text, numbers,
 * booleans, instants, money, lists, maps) or one of the feature's typed records, which the store writes as JSON.
 */
public record ProtocolEntry(Instant at, String actor, String type, Object payload) {
    public static final String SYSTEM = "system";
}
