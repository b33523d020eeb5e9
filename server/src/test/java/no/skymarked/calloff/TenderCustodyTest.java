package no.skymarked.calloff;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key-encryption key comes from, and when the server refuses to start. */
class TenderCustodyTest {

    @Test
    void withoutDevAuthenticationAServerWithoutAKekDoesNotStart(@TempDir Path data) {
        Config config = Config.just(ConfigSources.create(Map.of("skymarked.auth.dev.enabled", "false")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TenderCustody.kek(config, data));
        assertThat(e.getMessage(), containsString("skymarked.tenders.kek.file"));
        assertThat(e.getMessage(), containsString("SKYMARKED_TENDERS_KEK_BASE64"));
    }

    @Test
    void aKekFileInsideTheDataDirectoryIsRefused(@TempDir Path data) throws Exception {
        Path inside = data.resolve("kek");
        Files.writeString(inside, java.util.Base64.getEncoder().encodeToString(new byte[32]));
        Config config = Config.just(ConfigSources.create(Map.of("skymarked.auth.dev.enabled", "false",
                "skymarked.tenders.kek.file", inside.toString())));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TenderCustody.kek(config, data));
        assertThat(e.getMessage(), containsString("inside the data directory"));
    }

    @Test
    void theKekComesFromTheEnvironmentSecretOrTheFile(@TempDir Path dir) throws Exception {
        String secret = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        Path file = dir.resolve("secrets/kek");
        Files.createDirectories(file.getParent());
        Files.writeString(file, secret + "\n");
        Path data = Files.createDirectories(dir.resolve("data"));
        String fromSecret = TenderCustody.kek(Config.just(ConfigSources.create(Map.of("skymarked.auth.dev.enabled", "false",
                "skymarked.tenders.kek.base64", secret))), data).id();
        String fromFile = TenderCustody.kek(Config.just(ConfigSources.create(Map.of("skymarked.auth.dev.enabled", "false",
                "skymarked.tenders.kek.file", file.toString()))), data).id();
        assertThat(fromFile, is(fromSecret));
    }
}
