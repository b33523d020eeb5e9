package no.skymarked;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import no.skymarked.shared.Database;

/** Starts a real server on a random port with its own in-memory H2 database and the demo catalogue. */
public final class TestServer {
    private TestServer() {
    }

    public static Main.Running start(Clock clock) {
        Config config = Config.just(ConfigSources.create(Map.of(
                "server.port", "0",
                "server.host", "127.0.0.1")));
        return Main.start(config, clock, Database.inMemory("test-" + UUID.randomUUID()));
    }
}
