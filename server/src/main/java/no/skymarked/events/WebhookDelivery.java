package no.skymarked.events;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import no.skymarked.shared.Json;

/**
 * Delivers the feed to webhook subscriptions, event by event in feed order, each signed per Standard Webhooks with the
 * CloudEvent's id as {@code webhook-id} (the same on every retry, so a receiver can drop one it has). A 2xx moves the
 * subscription past the event; 410 Gone disables it; any other answer, a timeout or a refused target is retried after
 * {@link Backoff} by the injected clock, and the eighth failure in a row disables it. All state is in the database, so a
 * restarted server or another one sharing the database goes on where this one stopped. At least once: an event the
 * receiver took but whose acknowledgement was not recorded (a crash in between) is sent again with the same id.
 */
public final class WebhookDelivery {
    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class.getName());
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;
    /** Events one subscription gets in one run at most, so one busy receiver does not hold up the others. */
    private static final int PER_RUN = 500;
    private final SubscriptionStore store;
    private final FeedReader feed;
    private final OutboundTargets targets;
    private final WebhookSender sender;
    private final Clock clock;
    private final Clock wallClock;

    public WebhookDelivery(SubscriptionStore store, FeedReader feed, OutboundTargets targets, WebhookSender sender, Clock clock,
                           Clock wallClock) {
        this.store = store;
        this.feed = feed;
        this.targets = targets;
        this.sender = sender;
        this.clock = clock;
        this.wallClock = wallClock;
    }

    /** Delivers to every subscription that is due now; the number of events receivers acknowledged. */
    public int deliverDue() {
        int acknowledged = 0;
        for (String id : store.due(clock.instant())) {
            acknowledged += deliver(id);
        }
        return acknowledged;
    }

    private int deliver(String id) {
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (!store.lease(id, token, now, now.plus(LEASE))) {
            return 0;  // another worker has it, or it stopped being due
        }
        int acknowledged = 0;
        try {
            Subscription s = store.find(id).orElse(null);
            if (s == null) {
                return 0;
            }
            long position = s.position();
            int failures = s.attempts();
            while (acknowledged < PER_RUN) {
                List<FeedReader.Stored> batch = feed.after(position, s.reader(), BATCH);
                for (FeedReader.Stored e : batch) {
                    Attempt attempt = send(s, e);
                    Instant at = clock.instant();
                    if (attempt.answer() != null && attempt.answer().ok()) {
                        if (!store.delivered(id, token, e.position(), at, attempt.answer().status(), at.plus(LEASE))) {
                            return acknowledged;  // replayed or deleted meanwhile: that wins
                        }
                        position = e.position();
                        failures = 0;
                        acknowledged++;
                    } else {
                        failed(s, token, at, attempt, failures + 1);
                        return acknowledged;
                    }
                }
                if (batch.size() < BATCH) {
                    break;
                }
            }
        } finally {
            store.release(id, token);
        }
        return acknowledged;
    }

    private void failed(Subscription s, String token, Instant at, Attempt attempt, int attempts) {
        Integer status = attempt.answer() == null ? null : attempt.answer().status();
        if (status != null && status == 410) {
            store.failed(s.id(), token, attempts, at, status, attempt.error(), null, "the receiver answered 410 Gone");
            return;
        }
        Optional<Duration> pause = Backoff.after(attempts);
        store.failed(s.id(), token, attempts, at, status, attempt.error(), pause.map(at::plus).orElse(null),
                pause.isPresent() ? null : "delivery failed " + attempts + " times in a row");
    }

    private record Attempt(WebhookSender.Answer answer, String error) {
    }

    private Attempt send(Subscription s, FeedReader.Stored e) {
        Optional<String> refused = targets.refusal(s.url());
        if (refused.isPresent()) {
            return new Attempt(null, "target refused: " + refused.get());
        }
        String body = Json.text(CloudEvents.envelope(e));
        String messageId = Long.toString(e.position());
        try {
            WebhookSender.Answer answer = sender.post(s.url(), WebhookSignature.headers(s.secret(), messageId,
                    wallClock.instant().getEpochSecond(), body), body);
            return new Attempt(answer, answer.ok() ? null : "the receiver answered " + answer.status());
        } catch (IOException ex) {
            LOG.log(Level.FINE, "webhook delivery to subscription " + s.id() + " failed", ex);
            return new Attempt(null, abbreviate(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
