package no.skymarked.examples.agency;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.skymarked.Main;
import no.skymarked.auth.AuthSettings;
import no.skymarked.auth.DevKeys;
import no.skymarked.auth.TokenIssuer;
import no.skymarked.client.support.SkymarkedClient;
import no.skymarked.shared.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the example agency program against a real server and checks what it reports. */
class AgencyAppTest {
    private static Main.Running server;
    private static Database.Settings database;
    private static TokenIssuer tokens;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Files.createTempDirectory("skymarked-agency-app");
        Config config = Config.just(ConfigSources.create(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "skymarked.data.dir", dataDir.toString())));
        database = Database.forTest("agency-app-" + UUID.randomUUID());
        server = Main.start(config, Clock.systemUTC(), database);
        tokens = new TokenIssuer(DevKeys.loadOrCreate(dataDir), AuthSettings.DEV_ISSUER, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.stop();
        Database.dropTestSchema(database);
    }

    @Test
    void theAgencyAppSearchesPagesCallsOffAndHandlesTheRefusal() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        var client = SkymarkedClient.create("http://127.0.0.1:" + server.port(),
                () -> tokens.issue("991825827", List.of("skymarked:buyer"), Duration.ofMinutes(5)));
        new AgencyApp(client, new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
        String out = buffer.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        List<String> lines = out.lines().toList();

        assertThat(lines.get(0), matchesPattern("SaaS stored in Norway, first page: [a-z0-9-]+(, [a-z0-9-]+){2}"));
        assertThat(lines.get(1), matchesPattern("  by supplier: ([0-9]{9}=[0-9]+ ?)+"));
        assertThat(lines.get(2), matchesPattern("  by certification: ([A-Z0-9_]+=[0-9]+ ?)+"));
        long norway = Long.parseLong(lines.get(3).replace("Services stored in Norway (pages of 5): ", ""));
        assertThat(norway, greaterThan(5L));
        assertThat(lines.get(4), matchesPattern("Call-off [^ ]+: DIRECT_AWARD, OFFERED, 120(\\.0+)? hours, estimated [0-9]+\\.[0-9]{2} NOK"));
        assertThat(lines.get(5), is("Retry with the same Idempotency-Key: the same call-off"));
        assertThat(lines.get(6), containsString("Refused: 422 /problems/threshold-requires-mini-competition"));
        assertThat(lines.get(7), matchesPattern("As a mini-competition instead: [^ ]+ MINI_COMPETITION, DRAFT"));
        assertThat(lines.size(), is(8));
    }
}
