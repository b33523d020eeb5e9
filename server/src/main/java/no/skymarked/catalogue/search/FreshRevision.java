package no.skymarked.catalogue.search;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;

/**
 * The catalogue revision as committed now, read once for many concurrent searches: a search waits for a read that
 * <em>started after it arrived</em>, so it sees every edit committed before it (on any server sharing the database),
 * while searches arriving together share one read instead of one each.
 */
final class FreshRevision {
    private final LongSupplier read;
    private final Object lock = new Object();
    /** The read the next arrivals join; it starts when the running one has ended. */
    private Round next = new Round();
    private Round running;

    private static final class Round {
        final CompletableFuture<Long> result = new CompletableFuture<>();
        boolean started;
    }

    FreshRevision(LongSupplier read) {
        this.read = read;
    }

    long get() {
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
                    next = new Round();
                    wait = null;
                } else {
                    wait = running;
                }
            }
            if (wait == null) {
                try {
                    mine.result.complete(read.getAsLong());
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
