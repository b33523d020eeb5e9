package no.skymarked;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.skymarked.auth.AuthSettings;
import no.skymarked.auth.DevKeys;
import no.skymarked.auth.TokenIssuer;
import no.skymarked.shared.Database;

/**
 * Starts a real server on a random port with its own in-memory H2 database, the demo catalogue, and a fresh data
 * directory whose dev key signs the tokens {@link #token} makes.
 */
public record TestServer(Main.Running running, Path dataDir, Clock clock, Database.Settings database) {

    /** Test servers answer tens of thousands of requests: their access log lines stay out of the build's output. */
    private static final java.util.logging.Logger ACCESS = java.util.logging.Logger.getLogger("no.skymarked.access");

    public static TestServer start(Clock clock) {
        return start(clock, Map.of());
    }

    /** A server whose configuration also has {@code settings} (e.g. {@code skymarked.auth.*}). */
    public static TestServer start(Clock clock, Map<String, String> settings) {
        return start(clock, Database.forTest("test-" + UUID.randomUUID()), newKek(), settings);
    }

    /**
     * A server on {@code database} (another server's, to share it) whose key-encryption key is the file {@code kek},
     * kept outside its data directory as production requires.
     */
    public static TestServer start(Clock clock, Database.Settings database, Path kek) {
        return start(clock, database, kek, Map.of());
    }

    /** A server on {@code database} (another server's, to share it) with the key-encryption key {@code kek} and {@code settings}. */
    public static TestServer start(Clock clock, Database.Settings database, Path kek, Map<String, String> settings) {
        ACCESS.setLevel(java.util.logging.Level.WARNING);
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("skymarked-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> all = new java.util.HashMap<>(Map.of(
                "server.port", "0",
                "server.host", "127.0.0.1",
                "skymarked.data.dir", dataDir.toString(),
                "skymarked.tenders.kek.file", kek.toString(),
                "skymarked.calloffs.lapse.period", "PT0.2S"));
        all.putAll(settings);
        Config config = Config.just(ConfigSources.create(all));
        return new TestServer(Main.start(config, clock, database), dataDir, clock, database);
    }

    /** A fresh key-encryption key file (32 random bytes, base64) in a directory of its own. */
    public static Path newKek() {
        try {
            Path file = Files.createTempDirectory("skymarked-kek").resolve("tender-kek");
            byte[] secret = new byte[32];
            new java.security.SecureRandom().nextBytes(secret);
            Files.writeString(file, java.util.Base64.getEncoder().encodeToString(secret));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server and leaves its database to the others sharing it. */
    public void stopKeepingDatabase() {
        running.stop();
    }

    public int port() {
        return running.port();
    }

    public void stop() {
        running.stop();
        Database.dropTestSchema(database);
    }

    /** A token the server trusts, for {@code orgNo} with the given scopes. */
    public String token(String orgNo, String... scopes) {
        return token(orgNo, Duration.ofHours(1), scopes);
    }

    public String token(String orgNo, Duration ttl, String... scopes) {
        return new TokenIssuer(DevKeys.loadOrCreate(dataDir), AuthSettings.DEV_ISSUER, clock).issue(orgNo, List.of(scopes), ttl);
    }

    /** A token the server trusts, for the person {@code subject} (the token's {@code sub}) of {@code orgNo}. */
    public String tokenAs(String subject, String orgNo, String... scopes) {
        return new TokenIssuer(DevKeys.loadOrCreate(dataDir), AuthSettings.DEV_ISSUER, clock)
                .issue(orgNo, subject, List.of(scopes), Duration.ofHours(1));
    }
}
