package no.skymarked.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs webhook deliveries every {@code period} ({@code skymarked.webhooks.delivery.period}, 5 seconds by default; zero
 * turns the background runs off, and {@link WebhookDelivery#deliverDue} is then driven by hand, as tests do).
 */
public final class DeliveryScheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DeliveryScheduler.class.getName());
    private final ScheduledExecutorService executor;

    public DeliveryScheduler(WebhookDelivery delivery, Duration period) {
        if (period.isZero() || period.isNegative()) {
            executor = null;
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skymarked-webhooks");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                delivery.deliverDue();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Delivering webhooks failed; will try again", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
