package no.skymarked;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import no.skymarked.shared.Database;
import org.junit.jupiter.api.Test;

/** A server that cannot start says why in one line with the fix, for the usual causes, without a stack. */
class StartupFailureTest {
    @Test
    void aTakenPortIsRefusedBeforeAnythingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            Config config = Config.just(ConfigSources.create(Map.of("server.port", Integer.toString(port), "server.host", "127.0.0.1",
                    "skymarked.data.dir", Files.createTempDirectory("skymarked-test").toString())));
            StartupFailure e = assertThrows(StartupFailure.class,
                    () -> Main.start(config, Clock.systemUTC(), Database.forTest("test-" + UUID.randomUUID())));
            assertThat(StartupFailure.describe(e), is("Skymarked could not start: port " + port + " is in use (another server runs"
                    + " there?): stop it, or start on another port with SERVER_PORT=8081"));
        }
    }

    @Test
    void aMalformedOcidPrefixIsRefusedBeforeAnythingStarts() throws Exception {
        Config config = Config.just(ConfigSources.create(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "skymarked.data.dir", Files.createTempDirectory("skymarked-test").toString(), "skymarked.ocds.prefix", "skymarked")));
        StartupFailure e = assertThrows(StartupFailure.class,
                () -> Main.start(config, Clock.systemUTC(), Database.forTest("test-" + UUID.randomUUID())));
        assertThat(StartupFailure.describe(e), containsString("skymarked.ocds.prefix: the OCDS prefix must be 'ocds-' and six lower-case"
                + " letters or digits, not 'skymarked'"));
    }

    @Test
    void aDataDirectoryInUseNamesTheOtherServerAndTheWaysOut() {
        var locked = new IllegalStateException("migration failed", new SQLException(
                "Database may be already in use: \"/data/skymarked.mv.db\". Possible solutions: close all other connection(s); use the server mode"));
        String line = StartupFailure.describe(locked);
        assertThat(line, containsString("the data directory is in use by another Skymarked server"));
        assertThat(line, containsString("SKYMARKED_DATA_DIR"));
        assertThat(line, not(containsString("use the server mode")));
        assertThat(line.lines().count(), is(1L));
    }

    @Test
    void anUnreachableDatabaseNamesTheSettings() {
        var refused = new RuntimeException(new SQLException("Connection to 127.0.0.1:5499 refused.", "08001"));
        assertThat(StartupFailure.describe(refused), containsString("cannot reach the database (Connection to 127.0.0.1:5499 refused.)"
                + ": check DB_URL, DB_USERNAME and DB_PASSWORD"));
    }

    @Test
    void aBadSettingAndAnythingElseAreOneLineWithTheirCause() {
        var bad = new RuntimeException(new java.time.format.DateTimeParseException("Text 'soon' cannot be parsed", "soon", 0));
        assertThat(StartupFailure.describe(bad), containsString("a setting is not valid (Text 'soon' cannot be parsed)"));
        String other = StartupFailure.describe(new IllegalStateException("outer", new java.io.IOException("disk full")));
        assertThat(other, is("Skymarked could not start: IOException: disk full (run with --debug for the stack)"));
    }
}
