package no.skymarked.shared;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.dbclient.DbClient;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;

/** Chooses the database (embedded H2 file by default, PostgreSQL by URL), migrates it and opens the DbClient. */
public final class Database {
    /**
     * H2 keeps 8 parsed statements per connection by default; a call-off's creation alone uses more than that, so
     * every statement was parsed again (about an eighth of its time).
     */
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64";
    /** A commit reaches the file before the request is answered, so a killed process loses no acknowledged write. */
    private static final String H2_FILE_OPTIONS = H2_OPTIONS + ";WRITE_DELAY=0";
    /** The embedded H2 file database's page cache, in MB (key {@code db.h2.cache.mb}). */
    public static final int DEFAULT_H2_CACHE_MB = 256;

    private Database() {
    }

    /** Where the database is; {@code schema}, when set, is created by the migrations and used by every connection. */
    public record Settings(String url, String username, String password, String schema) {
        public Settings(String url, String username, String password) {
            this(url, username, password, null);
        }

        public boolean isPostgres() {
            return url.startsWith("jdbc:postgresql:");
        }

        String connectionUrl() {
            return schema == null ? url : url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
    }

    public static Settings settings(Config config, Path dataDir) {
        String url = config.get("db.url").asString().orElse("");
        if (url.isBlank()) {
            // H2's own default page cache is 16 MB: a catalogue larger than that is re-read and decoded from the
            // file whenever it is read whole, as the search index's build at start does (100k services: about 180 MB).
            int cacheMb = config.get("db.h2.cache.mb").asInt().orElse(DEFAULT_H2_CACHE_MB);
            url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("skymarked") + H2_FILE_OPTIONS + ";CACHE_SIZE=" + cacheMb * 1024;
        }
        return new Settings(url, config.get("db.username").asString().orElse(""),
                config.get("db.password").asString().orElse(""));
    }

    /** In-memory H2 for tests: one private database per name. */
    public static Settings inMemory(String name) {
        return new Settings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS, "sa", "");
    }

    /**
     * The database a test server uses: a private in-memory H2 database, or, when the system property
     * {@code skymarked.test.db} is {@code postgresql}, a private schema in the PostgreSQL database named by
     * {@code skymarked.test.pg.url} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user postgres).
     */
    public static Settings forTest(String name) {
        String kind = System.getProperty("skymarked.test.db", "h2");
        return switch (kind) {
            case "h2", "" -> inMemory(name);
            case "postgresql" -> new Settings(System.getProperty("skymarked.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                    System.getProperty("skymarked.test.pg.user", "postgres"), System.getProperty("skymarked.test.pg.password", ""),
                    "t_" + name.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(java.util.Locale.ROOT));
            default -> throw new IllegalArgumentException("skymarked.test.db must be h2 or postgresql, not " + kind);
        };
    }

    /** Drops the private schema of a test database (H2 in-memory databases vanish by themselves). */
    public static void dropTestSchema(Settings settings) {
        if (settings.schema() == null) {
            return;
        }
        try (var c = java.sql.DriverManager.getConnection(settings.url(), settings.username(), settings.password());
             var st = c.createStatement()) {
            st.execute("drop schema if exists " + settings.schema() + " cascade");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not drop test schema " + settings.schema(), e);
        }
    }

    /**
     * Rewrites an embedded H2 file without its dead space (no-op for other databases). A large import leaves most
     * of the file as old chunks (2.1 GB for 100k services, 180 MB compacted), which slows every later start and scan.
     * Needs the database closed by everyone else.
     */
    public static void compactIfH2File(Settings settings) {
        if (!settings.url().startsWith("jdbc:h2:file:")) {
            return;
        }
        try (var c = java.sql.DriverManager.getConnection(settings.url(), settings.username(), settings.password());
             var st = c.createStatement()) {
            st.execute("shutdown compact");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not compact the H2 database " + settings.url(), e);
        }
    }

    /**
     * After a bulk import on PostgreSQL: fresh planner statistics, so queries use the indexes at once instead of
     * waiting for autovacuum.
     */
    public static void analyzeIfPostgres(Settings settings) {
        if (!settings.isPostgres()) {
            return;
        }
        try (var c = java.sql.DriverManager.getConnection(settings.connectionUrl(), settings.username(), settings.password());
             var st = c.createStatement()) {
            st.execute("analyze");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not analyze the PostgreSQL database", e);
        }
    }

    public static DbClient open(Settings settings) {
        var flyway = Flyway.configure()
                .dataSource(settings.url(), settings.username(), settings.password())
                .locations(settings.isPostgres()
                        ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                        : new String[] {"classpath:db/migration"});
        if (settings.schema() != null) {
            flyway.schemas(settings.schema()).createSchemas(true);
        }
        flyway.load().migrate();
        Config db = Config.just(ConfigSources.create(Map.of(
                "source", "jdbc",
                "connection.url", settings.connectionUrl(),
                "connection.username", settings.username(),
                "connection.password", settings.password())));
        DbClient client = DbClient.create(db);
        EmbeddedRevision.opened(client, settings.url(), () -> client.execute()
                .createGet("select rev from catalogue_revision where id = 1").execute()
                .map(r -> ((Number) r.column("rev").get()).longValue()).orElse(EmbeddedRevision.UNKNOWN));
        return client;
    }
}
