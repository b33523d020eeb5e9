package no.skymarked.shared;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.dbclient.DbClient;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;

/** Chooses the database (embedded H2 file by default, PostgreSQL by URL), migrates it and opens the DbClient. */
public final class Database {
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private Database() {
    }

    public record Settings(String url, String username, String password) {
        public boolean isPostgres() {
            return url.startsWith("jdbc:postgresql:");
        }
    }

    public static Settings settings(Config config, Path dataDir) {
        String url = config.get("db.url").asString().orElse("");
        if (url.isBlank()) {
            url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("skymarked") + H2_OPTIONS;
        }
        return new Settings(url, config.get("db.username").asString().orElse(""),
                config.get("db.password").asString().orElse(""));
    }

    /** In-memory H2 for tests: one private database per name. */
    public static Settings inMemory(String name) {
        return new Settings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS, "sa", "");
    }

    public static DbClient open(Settings settings) {
        Flyway.configure()
                .dataSource(settings.url(), settings.username(), settings.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Config db = Config.just(ConfigSources.create(Map.of(
                "source", "jdbc",
                "connection.url", settings.url(),
                "connection.username", settings.username(),
                "connection.password", settings.password())));
        return DbClient.create(db);
    }
}
