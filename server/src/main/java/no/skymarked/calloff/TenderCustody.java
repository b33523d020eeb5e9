package no.skymarked.calloff;

import io.helidon.config.Config;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import no.skymarked.calloff.application.KeyEncryptionKey;
import no.skymarked.calloff.store.AesKeyEncryptionKey;

/**
 * Where the key-encryption key (KEK) of the tender keys comes from: {@code skymarked.tenders.kek.base64} (an
 * environment secret, {@code SKYMARKED_TENDERS_KEK_BASE64}) or {@code skymarked.tenders.kek.file}
 * ({@code SKYMARKED_TENDERS_KEK_FILE}), never inside the data directory. Without either, only with development
 * authentication on, a development KEK is made at first start in {@code ~/.skymarked/dev-tender-kek} (outside the
 * data directory too); with it off the server refuses to start.
 */
public final class TenderCustody {
    private static final Logger LOG = Logger.getLogger(TenderCustody.class.getName());
    public static final String FILE_KEY = "skymarked.tenders.kek.file";
    public static final String SECRET_KEY = "skymarked.tenders.kek.base64";

    private TenderCustody() {
    }

    public static KeyEncryptionKey kek(Config config, Path dataDir) {
        Optional<String> secret = config.get(SECRET_KEY).asString().asOptional().filter(s -> !s.isBlank());
        if (secret.isPresent()) {
            return AesKeyEncryptionKey.fromBase64(secret.get(), SECRET_KEY);
        }
        Optional<Path> file = config.get(FILE_KEY).asString().asOptional().filter(s -> !s.isBlank()).map(Path::of);
        if (file.isPresent()) {
            requireOutside(file.get(), dataDir);
            return AesKeyEncryptionKey.read(file.get());
        }
        if (!config.get("skymarked.auth.dev.enabled").asBoolean().orElse(true)) {
            throw new IllegalStateException("set " + FILE_KEY + " (SKYMARKED_TENDERS_KEK_FILE) or " + SECRET_KEY
                    + " (SKYMARKED_TENDERS_KEK_BASE64): the key-encryption key of the tender keys, 32 random bytes in base64,"
                    + " kept outside the data directory and the database");
        }
        Path dev = Path.of(System.getProperty("user.home"), ".skymarked", "dev-tender-kek");
        requireOutside(dev, dataDir);
        LOG.warning(() -> "development key-encryption key for sealed tenders: " + dev + " (set " + FILE_KEY + " in production)");
        return AesKeyEncryptionKey.readOrCreate(dev);
    }

    /** The KEK beside the data would go into every backup of it: refused. */
    static void requireOutside(Path kekFile, Path dataDir) {
        if (kekFile.toAbsolutePath().normalize().startsWith(dataDir.toAbsolutePath().normalize())) {
            throw new IllegalStateException(FILE_KEY + " " + kekFile + " is inside the data directory " + dataDir
                    + "; keep the key-encryption key elsewhere, so a backup of the data does not carry it");
        }
    }
}
