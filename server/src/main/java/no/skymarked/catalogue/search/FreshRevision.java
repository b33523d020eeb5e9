package no.skymarked.catalogue.search;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The catalogue revision as committed now, read once for many concurrent searches. Without a window, a search is
 * answered from a read that <em>started after it arrived</em>, so it sees every edit committed before it (on any
 * server sharing the database); searches arriving together share one read instead of one each.
 *
 * <p>With a {@code window}, a read that started at most that long before a search arrived serves it too, without
 * waiting: sound because every catalogue write is answered only that long after it committed (see
 * {@link no.skymarked.shared.CommitWait}), so an edit answered before the search arrived committed before that read
 * started. A read is then started in the background once the last one is half the window old, so searches at a
 * steady rate rarely wait for the database, and a slow read holds up none of them until the window has passed.
 */
final class FreshRevision {
    private final LongSupplier read;
    private final long window;
    private final LongSupplier nanoTime;
    private final Object lock = new Object();
    /** The read the next arrivals join; it starts when the running one has ended. */
    private Round next = new Round();
    private Round running;
    /** The completed read that started last. */
    private volatile Done latest;
    private final AtomicBoolean reading = new AtomicBoolean();

    private static final class Round {
        final CompletableFuture<Long> result = new CompletableFuture<>();
        boolean started;
        long startedAt;
    }

    private record Done(long startedAt, long revision) {
    }

    /** Every search waits for a read that started after it arrived. */
    FreshRevision(LongSupplier read) {
        this(read, 0, System::nanoTime);
    }

    /** A read that started at most {@code windowNanos} before a search arrived serves it. */
    FreshRevision(LongSupplier read, long windowNanos, LongSupplier nanoTime) {
        this.read = read;
        this.window = windowNanos;
        this.nanoTime = nanoTime;
    }

    long get() {
        if (window > 0) {
            long arrived = nanoTime.getAsLong();
            Done done = latest;
            if (done != null && arrived - done.startedAt() <= window) {
                if (arrived - done.startedAt() > window / 2) {
                    readInBackground();
                }
                return done.revision();
            }
        }
        return awaitRead();
    }

    private void readInBackground() {
        if (reading.compareAndSet(false, true)) {
            try {
                Thread.ofVirtual().name("skymarked-search-revision").start(() -> {
                    try {
                        awaitRead();
                    } catch (RuntimeException e) {
                        // the next search that needs a read makes its own, and fails with it if it fails again
                    } finally {
                        reading.set(false);
                    }
                });
            } catch (RuntimeException | Error e) {
                reading.set(false);
                throw e;
            }
        }
    }

    /** Waits for a read that started after now (joining one, or making it). */
    private long awaitRead() {
        Round mine;
        synchronized (lock) {
            mine = next;
        }
        while (true) {
            Round wait;
            synchronized (lock) {
                if (mine.started) {
                    wait = mine;
                } else if (running == null) {
                    running = mine;
                    mine.started = true;
                    mine.startedAt = nanoTime.getAsLong();
                    next = new Round();
                    wait = null;
                } else {
                    wait = running;
                }
            }
            if (wait == null) {
                try {
                    long revision = read.getAsLong();
                    synchronized (lock) {
                        if (latest == null || latest.startedAt() < mine.startedAt) {
                            latest = new Done(mine.startedAt, revision);
                        }
                    }
                    mine.result.complete(revision);
                } catch (RuntimeException | Error e) {
                    mine.result.completeExceptionally(e);
                } finally {
                    synchronized (lock) {
                        running = null;
                    }
                }
                return outcome(mine);
            }
            if (wait == mine) {
                return outcome(mine);
            }
            wait.result.handle((v, e) -> null).join();
        }
    }

    private static long outcome(Round round) {
        try {
            return round.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
