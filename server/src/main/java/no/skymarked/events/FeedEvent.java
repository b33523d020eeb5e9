package no.skymarked.events;

import java.time.Instant;
import java.util.Map;

/**
 * A change to publish in the feed, written in the transaction that makes it: its CloudEvents {@code type}, the
 * collection it happened in ({@code source}, e.g. {@code /v1/call-offs}), the resource ({@code subject}, its id), when,
 * a small {@code data} object of identifiers and states (never sealed or confidential content: readers fetch the
 * resource for more, with their own access), and who may see it.
 */
public record FeedEvent(String type, String source, String subject, Instant time, Map<String, Object> data, Audience audience) {
    public FeedEvent {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
