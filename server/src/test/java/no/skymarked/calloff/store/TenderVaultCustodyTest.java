package no.skymarked.calloff.store;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.MGF1ParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import no.skymarked.calloff.application.Refusal;
import no.skymarked.calloff.application.SealedTender;
import no.skymarked.calloff.application.TenderContent;
import no.skymarked.calloff.domain.Money;
import no.skymarked.calloff.wire.TenderJson;
import no.skymarked.shared.Json;
import no.skymarked.shared.KeyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key-encryption key, owner-only key files, and tenders sealed under the RSA tender key file of earlier versions. */
class TenderVaultCustodyTest {
    private static final Instant DEADLINE = Instant.parse("2026-12-15T11:00:00Z");

    @Test
    void aKekUnwrapsWhatItWrappedForTheSameContextOnly() {
        byte[] secret = new byte[32];
        secret[0] = 7;
        AesKeyEncryptionKey kek = new AesKeyEncryptionKey(secret);
        byte[] wrapped = kek.wrap("private key".getBytes(StandardCharsets.UTF_8), "call-off 1");
        assertArrayEquals("private key".getBytes(StandardCharsets.UTF_8), new AesKeyEncryptionKey(secret.clone()).unwrap(wrapped, "call-off 1"));
        assertThrows(IllegalStateException.class, () -> kek.unwrap(wrapped, "call-off 2"));
        assertThrows(IllegalStateException.class, () -> new AesKeyEncryptionKey(new byte[32]).unwrap(wrapped, "call-off 1"));
        assertThat(kek.id(), is(new AesKeyEncryptionKey(secret.clone()).id()));
        assertThat(kek.id(), not(is(new AesKeyEncryptionKey(new byte[32]).id())));
        assertThat(kek.id(), not(containsString(Base64.getEncoder().encodeToString(secret))));
        assertThrows(IllegalStateException.class, () -> AesKeyEncryptionKey.fromBase64("c2hvcnQ=", "test"));
    }

    @Test
    void keyFilesAreOwnerOnlyAndNeverReplaced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/kek");
        KeyFiles.createOwnerOnly(file, "first".getBytes(StandardCharsets.US_ASCII));
        KeyFiles.createOwnerOnly(file, "second".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.readString(file), is("first"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), is("rw-------"));
        AesKeyEncryptionKey made = AesKeyEncryptionKey.readOrCreate(dir.resolve("dev-kek"));
        assertThat(AesKeyEncryptionKey.readOrCreate(dir.resolve("dev-kek")).id(), is(made.id()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("dev-kek"))), is("rw-------"));
        try (var left = Files.list(dir.resolve("keys"))) {
            assertThat(left.toList(), is(List.of(file)));  // no temporary file left behind
        }
    }

    @Test
    void aTenderSealedUnderTheOldRsaKeyFileStillOpensWithThatFile(@TempDir Path dir) throws Exception {
        RSAPrivateCrtKey old = KeyFiles.loadOrCreate(TenderVault.legacyFile(dir), 2048);
        TenderContent content = new TenderContent(List.of(new TenderContent.Rate("ARCHITECT", Money.nok(new BigDecimal("1200.00")))),
                "sealed before the upgrade", List.of(), null, Money.nok(new BigDecimal("1200000.00")));
        SealedTender.Sealed sealed = sealAsBefore(KeyFiles.publicKeyOf(old), "c1|922000018|t1", content);
        TenderVault vault = new TenderVault(null, new AesKeyEncryptionKey(new byte[32]), TenderVault.legacyFile(dir));
        List<String> unwraps = new java.util.ArrayList<>();
        TenderContent opened = vault.opener("c1", DEADLINE, DEADLINE, unwraps::add).open(sealed, "c1|922000018|t1");
        assertThat(opened.solutionDescription(), is("sealed before the upgrade"));
        assertThat(unwraps, is(List.of()));  // the old file key is not wrapped by the KEK

        TenderVault without = new TenderVault(null, new AesKeyEncryptionKey(new byte[32]), dir.resolve("elsewhere").resolve("tender-key.pk8"));
        Refusal refused = assertThrows(Refusal.class, () -> without.opener("c1", DEADLINE, DEADLINE, unwraps::add).open(sealed, "c1|922000018|t1"));
        assertThat(refused.kind(), is(Refusal.Kind.UNAVAILABLE));
        assertThat(refused.type(), is("/problems/tender-key-unavailable"));
        assertThat(refused.getMessage(), containsString("skymarked.tenders.key.dir"));
        Refusal early = assertThrows(Refusal.class, () -> vault.opener("c1", DEADLINE, DEADLINE.minusSeconds(1), unwraps::add));
        assertThat(early.type(), is("/problems/tenders-sealed"));
    }

    /** The sealing of earlier versions: AES-256-GCM content key wrapped with the RSA tender key (OAEP, SHA-256). */
    private static SealedTender.Sealed sealAsBefore(java.security.PublicKey rsa, String boundTo, TenderContent content) throws Exception {
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        SecretKey key = aes.generateKey();
        byte[] iv = new byte[12];
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        gcm.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
        byte[] ciphertext = gcm.doFinal(Json.bytes(TenderJson.content(content)));
        Cipher wrap = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        wrap.init(Cipher.WRAP_MODE, rsa, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        Base64.Encoder b64 = Base64.getEncoder();
        return new SealedTender.Sealed(b64.encodeToString(wrap.wrap(key)), b64.encodeToString(iv), b64.encodeToString(ciphertext));
    }
}
