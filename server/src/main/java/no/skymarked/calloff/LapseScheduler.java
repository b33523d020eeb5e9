package no.skymarked.calloff;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import no.skymarked.calloff.application.LapsingDeadlines;

/**
 * Deadlines take effect when they pass, whether or not anyone calls: every {@code period} (30 seconds by default,
 * {@code skymarked.calloffs.lapse.period}) the call-offs with a lapsed open offer move on to the next rank, and
 * mini-competitions whose tender deadline has passed close and open their tenders (reads apply the same checks first).
 */
public final class LapseScheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LapseScheduler.class.getName());
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skymarked-lapse");
        t.setDaemon(true);
        return t;
    });

    public LapseScheduler(LapsingDeadlines deadlines, java.time.Duration period) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                deadlines.applyAll();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Applying passed deadlines failed; will try again", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
