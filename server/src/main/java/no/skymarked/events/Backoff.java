package no.skymarked.events;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When to try a failed webhook delivery again, after the schedule Standard Webhooks suggests: 5 seconds, 5 minutes,
 * 30 minutes, 2 hours, 5 hours, 10 hours, 10 hours; after the eighth failure in a row the subscription is disabled
 * (a replay enables it again).
 */
public final class Backoff {
    static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    private Backoff() {
    }

    /** The pause after {@code failures} failed attempts in a row at one event; empty: give up. */
    public static Optional<Duration> after(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be 1 or more: " + failures);
        }
        return failures <= SCHEDULE.size() ? Optional.of(SCHEDULE.get(failures - 1)) : Optional.empty();
    }
}
