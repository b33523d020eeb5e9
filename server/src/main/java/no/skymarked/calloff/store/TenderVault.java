package no.skymarked.calloff.store;

import io.helidon.dbclient.DbRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.crypto.Cipher;
import javax.crypto.KEM;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import no.skymarked.calloff.application.KeyEncryptionKey;
import no.skymarked.calloff.application.Refusal;
import no.skymarked.calloff.application.SealedTender;
import no.skymarked.calloff.application.TenderContent;
import no.skymarked.calloff.application.TenderSeal;
import no.skymarked.calloff.domain.Sealing;
import no.skymarked.calloff.wire.TenderJson;
import no.skymarked.shared.Json;

/**
 * Seals tender contents for the database with envelope encryption. Each competition has its own X25519 key pair
 * (made at publication, row {@code tender_key}): its public half is stored as is, its private half only wrapped by
 * the key-encryption key. Each tender is encrypted with AES-256-GCM under a key agreed with the competition's public
 * key (DHKEM(X25519, HKDF-SHA256), RFC 9180), bound to the call-off, supplier and tender; its encapsulation is kept
 * as {@code wrappedKey} with the prefix {@value #SCHEME}. Sealing needs only the public half; opening unwraps the
 * private half with the KEK, which is not in the database: a backup alone opens nothing.
 *
 * <p>Tenders sealed before (a {@code wrappedKey} without a prefix) were wrapped with the server's RSA tender key
 * file (OAEP, SHA-256); they open with that file when it is present ({@code skymarked.tenders.key.dir}).
 */
public final class TenderVault implements TenderSeal {
    static final String FILE = "tender-key.pk8";
    static final String SCHEME = "x25519:";
    private static final String ALGORITHM = "DHKEM-X25519-HKDF-SHA256/AES-256-GCM";
    private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);
    private static final String RSA_WRAP = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
    private final SecureRandom random = new SecureRandom();
    private final DbSession session;
    private final KeyEncryptionKey kek;
    private final PrivateKey legacyKey;
    private final Path legacyFile;

    /** {@code legacyFile}: the RSA tender key of earlier versions, read only if it exists. */
    public TenderVault(DbSession session, KeyEncryptionKey kek, Path legacyFile) {
        this.session = session;
        this.kek = kek;
        this.legacyFile = legacyFile;
        this.legacyKey = legacy(legacyFile);
    }

    /** The RSA tender key file of earlier versions in {@code dir}. */
    public static Path legacyFile(Path dir) {
        return dir.resolve(FILE);
    }

    private static PrivateKey legacy(Path file) {
        if (file == null || !Files.exists(file)) {
            return null;
        }
        try {
            byte[] der = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tender key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the tender key " + file, e);
        }
    }

    @Override
    public String receiptHash(SealedTender.Sealed sealed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sealed.ciphertext().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The competition's key row: algorithm, public key, wrapped private key, KEK id. */
    private record StoredKey(PublicKey publicKey, byte[] wrappedPrivate, String kekId) {
    }

    @Override
    public void createKey(String callOffId, Instant now) {
        if (stored(callOffId).isPresent()) {
            return;
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            Base64.Encoder b64 = Base64.getEncoder();
            session.exec().createInsert("insert into tender_key (call_off_id, algorithm, public_key, wrapped_private_key, kek_id,"
                            + " created_at) values (?, ?, ?, ?, ?, ?)")
                    .params(callOffId, ALGORITHM, b64.encodeToString(pair.getPublic().getEncoded()),
                            b64.encodeToString(kek.wrap(pair.getPrivate().getEncoded(), context(callOffId))), kek.id(),
                            CallOffStore.utc(now))
                    .execute();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a tender key", e);
        }
    }

    private Optional<StoredKey> stored(String callOffId) {
        return session.exec().createGet("select public_key, wrapped_private_key, kek_id from tender_key where call_off_id = ?")
                .params(callOffId).execute().map(TenderVault::read);
    }

    private static StoredKey read(DbRow r) {
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            PublicKey pub = KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(
                    b64.decode(r.column("public_key").get(String.class))));
            return new StoredKey(pub, b64.decode(r.column("wrapped_private_key").get(String.class)), r.column("kek_id").get(String.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a tender key row cannot be read", e);
        }
    }

    private static String context(String callOffId) {
        return "skymarked tender key v1|" + callOffId;
    }

    @Override
    public SealedTender.Sealed seal(String callOffId, String boundTo, TenderContent content, Instant now) {
        createKey(callOffId, now);
        StoredKey key = stored(callOffId).orElseThrow();
        try {
            KEM.Encapsulated encapsulated = KEM.getInstance("DHKEM").newEncapsulator(key.publicKey(), random).encapsulate(0, 32, "AES");
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, encapsulated.key(), new GCMParameterSpec(128, iv));
            gcm.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = gcm.doFinal(Json.bytes(TenderJson.content(content)));
            Base64.Encoder b64 = Base64.getEncoder();
            return new SealedTender.Sealed(SCHEME + b64.encodeToString(encapsulated.encapsulation()), b64.encodeToString(iv),
                    b64.encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a tender", e);
        }
    }

    @Override
    public Opener opener(String callOffId, Instant deadline, Instant now, Consumer<String> unwrapped) {
        if (!Sealing.opened(deadline, now)) {
            throw Refusal.conflict("/problems/tenders-sealed", "Tenders sealed", "tenders stay sealed until " + deadline);
        }
        PrivateKey[] competitionKey = new PrivateKey[1];
        return (sealed, boundTo) -> {
            SecretKey content;
            if (sealed.wrappedKey().startsWith(SCHEME)) {
                if (competitionKey[0] == null) {
                    competitionKey[0] = unwrap(callOffId);
                    unwrapped.accept(kek.id());
                }
                content = decapsulate(competitionKey[0], sealed.wrappedKey().substring(SCHEME.length()));
            } else {
                content = legacyUnwrap(sealed.wrappedKey());
            }
            return TenderJson.content(Json.tree(new String(decrypt(content, sealed, boundTo), StandardCharsets.UTF_8)));
        };
    }

    private PrivateKey unwrap(String callOffId) {
        StoredKey key = stored(callOffId).orElseThrow(() -> new IllegalStateException("call-off " + callOffId + " has tenders sealed"
                + " under a competition key, but no tender_key row"));
        if (!key.kekId().equals(kek.id())) {
            throw unavailable("the competition's tender key is wrapped by the key-encryption key '" + key.kekId() + "', but this"
                    + " server holds '" + kek.id() + "'; the operator must give it that key (skymarked.tenders.kek.file or"
                    + " SKYMARKED_TENDERS_KEK_BASE64)");
        }
        try {
            byte[] pkcs8 = kek.unwrap(key.wrappedPrivate(), context(callOffId));
            return KeyFactory.getInstance("X25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (IllegalStateException | GeneralSecurityException e) {
            throw unavailable("the key-encryption key '" + kek.id() + "' does not unwrap the competition's tender key (the row"
                    + " was altered or moved from another call-off)");
        }
    }

    private static SecretKey decapsulate(PrivateKey key, String encapsulation) {
        try {
            return KEM.getInstance("DHKEM").newDecapsulator(key).decapsulate(Base64.getDecoder().decode(encapsulation), 0, 32, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed tender could not be opened (its key encapsulation was altered)", e);
        }
    }

    private SecretKey legacyUnwrap(String wrappedKey) {
        if (legacyKey == null) {
            throw unavailable("this tender was sealed under the RSA tender key file of an earlier version, which this server"
                    + " does not have (" + legacyFile + "; skymarked.tenders.key.dir)");
        }
        try {
            Cipher unwrap = Cipher.getInstance(RSA_WRAP);
            unwrap.init(Cipher.UNWRAP_MODE, legacyKey, OAEP);
            return new SecretKeySpec(((SecretKey) unwrap.unwrap(Base64.getDecoder().decode(wrappedKey), "AES", Cipher.SECRET_KEY))
                    .getEncoded(), "AES");
        } catch (GeneralSecurityException e) {
            throw unavailable("the RSA tender key file " + legacyFile + " does not open this tender (another server's file?)");
        }
    }

    private static byte[] decrypt(SecretKey key, SealedTender.Sealed sealed, String boundTo) {
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.getEncoded(), "AES"), new GCMParameterSpec(128, b64.decode(sealed.iv())));
            gcm.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return gcm.doFinal(b64.decode(sealed.ciphertext()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed tender could not be opened (the row was altered or moved)", e);
        }
    }

    private static Refusal unavailable(String detail) {
        return new Refusal(Refusal.Kind.UNAVAILABLE, "/problems/tender-key-unavailable", "Tender key unavailable",
                "this server cannot open the sealed tenders: " + detail, List.of());
    }
}
