package no.skymarked.shared;

import io.helidon.dbclient.DbClient;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The catalogue revision committed now, known without asking the database when no other process can write to it:
 * an embedded H2 database (a file H2 locks to one process, or one in memory). Every catalogue write publishes its
 * revision as soon as it has committed and before it is answered, so a search that starts after an edit was
 * acknowledged sees it without reading {@code catalogue_revision}. Databases other processes may write (PostgreSQL,
 * H2 over TCP, with {@code AUTO_SERVER} or without its file lock) have none: their searches read the revision (see
 * {@link CommitWait}).
 */
public final class EmbeddedRevision {
    /** Not known yet: read once from the database. */
    public static final long UNKNOWN = -1;
    private static final Map<String, AtomicLong> BY_DATABASE = new ConcurrentHashMap<>();
    private static final Map<DbClient, AtomicLong> BY_CLIENT = Collections.synchronizedMap(new WeakHashMap<>());

    private EmbeddedRevision() {
    }

    /**
     * Called when {@code db} is opened on {@code url}, with a read of the revision the database holds now. A second
     * client of the same database shares what the first knows; a revision published before this read began but not
     * in the database means a new database under the same name (an in-memory one dropped and made again), whose
     * revision is then the one read.
     */
    static void opened(DbClient db, String url, java.util.function.LongSupplier readRevision) {
        String key = embeddedKey(url);
        if (key == null) {
            return;
        }
        AtomicLong revision = BY_DATABASE.computeIfAbsent(key, k -> new AtomicLong(UNKNOWN));
        long published = revision.get();
        long held = readRevision.getAsLong();
        if (held < published) {
            revision.compareAndSet(published, held);
        } else {
            revision.accumulateAndGet(held, Math::max);
        }
        BY_CLIENT.put(db, revision);
    }

    /** The revision of {@code db}'s embedded database, shared by every client of it in this JVM; null for others. */
    public static AtomicLong of(DbClient db) {
        return BY_CLIENT.get(db);
    }

    /**
     * Publishes a committed revision (a later one may have been published first: the highest stays); false when
     * {@code db} is not embedded, so its searches read the revision instead.
     */
    public static boolean committed(DbClient db, long revision) {
        AtomicLong known = of(db);
        if (known != null) {
            known.accumulateAndGet(revision, Math::max);
        }
        return known != null;
    }

    /**
     * The database an embedded H2 URL names (without its settings), or null when other processes may write to it:
     * not {@code mem:} or {@code file:}, served to others ({@code AUTO_SERVER} not false) or without its file lock
     * ({@code FILE_LOCK=NO}).
     */
    static String embeddedKey(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:h2:file:"))) {
            return null;
        }
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] setting = parts[i].split("=", 2);
            String name = setting[0].strip().toUpperCase(Locale.ROOT);
            String value = setting.length < 2 ? "" : setting[1].strip().toUpperCase(Locale.ROOT);
            if (name.equals("AUTO_SERVER") && !value.equals("FALSE")) {
                return null;
            }
            if (name.equals("FILE_LOCK") && value.equals("NO")) {
                return null;
            }
        }
        return parts[0];
    }
}
