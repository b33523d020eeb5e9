package no.skymarked.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.skymarked.Main;
import no.skymarked.shared.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development clock runs only beside dev authentication: production (dev auth off) refuses to start with it. */
class DevClockGuardTest {
    @TempDir
    Path dataDir;

    private Config config(String devClock, String devAuth) {
        return Config.just(ConfigSources.create(Map.of("skymarked.dev.clock.enabled", devClock, "skymarked.auth.dev.enabled", devAuth,
                "skymarked.data.dir", dataDir.toString(), "server.port", "0", "server.host", "127.0.0.1")));
    }

    @Test
    void theDevClockWithoutDevAuthenticationIsRefusedNamingBothSettings() {
        String reason = DevClock.refusal(config("true", "false"));
        assertThat(reason, containsString("skymarked.dev.clock.enabled"));
        assertThat(reason, containsString("skymarked.auth.dev.enabled"));
        assertThat(reason, not(containsString("\n")));
    }

    @Test
    void theDevClockWithDevAuthenticationAndProductionWithoutTheDevClockStart() {
        assertThat(DevClock.refusal(config("true", "true")), is(nullValue()));
        assertThat(DevClock.refusal(config("false", "false")), is(nullValue()));
    }

    @Test
    void startingTheServerWithTheDevClockInProductionFailsBeforeAnythingOpens() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Main.start(config("true", "false"), Clock.systemUTC(), Database.forTest("refused-" + UUID.randomUUID())));
        assertThat(e.getMessage(), containsString("skymarked.auth.dev.enabled"));
    }

    @Test
    void theServerProcessExitsWithAOneLineReason() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dskymarked.dev.clock.enabled=true", "-Dskymarked.auth.dev.enabled=false",
                "-Dskymarked.data.dir=" + dataDir, "-Dserver.port=0", Main.class.getName()))
                .redirectOutput(ProcessBuilder.Redirect.to(new File(dataDir.toFile(), "out.txt")))
                .start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat("the server must not start", ended, is(true));
        assertThat(process.exitValue(), not(is(0)));
        assertThat(err, containsString("skymarked.dev.clock.enabled=true needs skymarked.auth.dev.enabled=true"));
        assertThat(err.lines().filter(l -> l.contains("skymarked.dev.clock.enabled")).count(), is(1L));
    }
}
