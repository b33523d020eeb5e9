package no.skymarked.shared;

import java.time.Duration;

/**
 * How long a catalogue write waits, after it has committed and before it is answered, on a database other servers
 * may share: a server's search may then use the catalogue revision it read up to {@link #READ_WINDOW} before the
 * search arrived, instead of reading it again for every search, and still see every edit answered before. Every
 * server of an installation must run a version with the same wait (a rolling upgrade from a version without it may
 * miss an edit for up to the window). Embedded H2 has no wait: its commits are published in the JVM, see
 * {@link EmbeddedRevision}.
 */
public final class CommitWait {
    public static final Duration WAIT = Duration.ofMillis(50);
    /** How old a revision read may be when a search uses it: a little less than {@link #WAIT}, as a margin. */
    public static final Duration READ_WINDOW = WAIT.minusMillis(5);

    private CommitWait() {
    }

    /**
     * Waits out {@link #WAIT} by the monotonic clock (on a virtual thread this holds no carrier). It never throws:
     * the write has committed, so it must be answered as done; an interrupt is kept for the caller to see.
     */
    public static void pause() {
        long until = System.nanoTime() + WAIT.toNanos();
        boolean interrupted = false;
        for (long left = WAIT.toNanos(); left > 0; left = until - System.nanoTime()) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
