package no.skymarked;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The access log is switched off by its key or by the environment variable the README names. */
class AccessLogSettingTest {

    @Test
    void onUnlessSwitchedOffByKeyOrByTheDocumentedEnvironmentVariable() {
        assertThat(Main.accessLogEnabled(config(Map.of())), is(true));
        assertThat(Main.accessLogEnabled(config(Map.of("skymarked.access-log.enabled", "false"))), is(false));
        // SKYMARKED_ACCESS_LOG_ENABLED=false arrives as this key (Helidon maps _ to .)
        assertThat(Main.accessLogEnabled(config(Map.of("skymarked.access.log.enabled", "false"))), is(false));
        assertThat("the key wins over the environment's alias",
                Main.accessLogEnabled(config(Map.of("skymarked.access-log.enabled", "true", "skymarked.access.log.enabled", "false"))), is(true));
    }

    private static Config config(Map<String, String> values) {
        return Config.just(ConfigSources.create(values));
    }
}
