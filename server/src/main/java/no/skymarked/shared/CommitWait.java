package no.skymarked.shared;

import java.time.Duration;

/**
 * How long a catalogue write waits, after it has committed and before it is answered, on a database other servers
 * may share: a server's search may then use the catalogue revision it read up to this long before the search
 * arrived, instead of reading it again for every search, and still see every edit answered before. Every server of
 * an installation runs the same version, so they agree on it. (Embedded H2 has no wait: its commits are published in
 * the JVM, see {@link EmbeddedRevision}.)
 */
public final class CommitWait {
    public static final Duration WAIT = Duration.ofMillis(50);

    private CommitWait() {
    }

    /** Waits out {@link #WAIT} (on a virtual thread this holds no carrier). */
    public static void pause() {
        try {
            Thread.sleep(WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted after a committed catalogue write", e);
        }
    }
}
