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
 * H2 over TCP or with {@code AUTO_SERVER}) have none: their revision is read before each search.
 */
public final class EmbeddedRevision {
    /** Not known yet (just opened): read once from the database. */
    public static final long UNKNOWN = -1;
    private static final Map<String, AtomicLong> BY_DATABASE = new ConcurrentHashMap<>();
    private static final Map<DbClient, AtomicLong> BY_CLIENT = Collections.synchronizedMap(new WeakHashMap<>());

    private EmbeddedRevision() {
    }

    /** Called when {@code db} is opened on {@code url}; a database opened again starts as not known. */
    static void opened(DbClient db, String url) {
        String key = embeddedKey(url);
        if (key != null) {
            AtomicLong revision = BY_DATABASE.computeIfAbsent(key, k -> new AtomicLong(UNKNOWN));
            revision.set(UNKNOWN);
            BY_CLIENT.put(db, revision);
        }
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

    /** The database an embedded H2 URL names (without its settings), or null when other processes may write to it. */
    static String embeddedKey(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:h2:file:")) || lower.replace(" ", "").contains("auto_server=true")) {
            return null;
        }
        int settings = url.indexOf(';');
        return settings < 0 ? url : url.substring(0, settings);
    }
}
