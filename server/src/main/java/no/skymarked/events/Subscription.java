package no.skymarked.events;

import java.time.Instant;
import java.util.Set;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;

/**
 * A webhook subscription with its delivery state: {@code position} is the id of the last event the receiver
 * acknowledged (or that was replayed from), {@code attempts} the failed attempts at the next one, retried at
 * {@code nextAttemptAt}. It receives what its organisation with {@code roles} may see in the feed.
 */
public record Subscription(String id, String orgNo, Set<Role> roles, String url, String secret, String description, String status,
                           String disabledReason, long position, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
                           Integer lastResponseStatus, String lastError, long deliveredCount, Instant createdAt) {
    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";

    /** The reader the feed is read as for this subscription. */
    public Principal reader() {
        return new Principal(orgNo, roles, "webhook-subscription:" + id);
    }
}
