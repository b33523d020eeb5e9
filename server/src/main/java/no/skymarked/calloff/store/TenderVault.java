package no.skymarked.calloff.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.MGF1ParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import no.skymarked.calloff.application.Refusal;
import no.skymarked.calloff.application.SealedTender;
import no.skymarked.calloff.application.TenderContent;
import no.skymarked.calloff.application.TenderSeal;
import no.skymarked.calloff.domain.Sealing;
import no.skymarked.calloff.wire.TenderJson;
import no.skymarked.shared.Json;

/**
 * Seals tender contents for the database: each tender is encrypted with its own AES-256-GCM key, bound to the
 * call-off and supplier, and that key is wrapped with the server's RSA tender key (OAEP, SHA-256). Sealing needs
 * only the public half; {@link #open} unwraps with the private half and refuses to before the tender deadline.
 * The key pair is made at first start in {@code <data dir>/tender-keys/}; servers sharing a database must share
 * that directory ({@code skymarked.tenders.key.dir}).
 */
public final class TenderVault implements TenderSeal {
    static final String FILE = "tender-key.pk8";
    private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);
    private static final String WRAP = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
    private final SecureRandom random = new SecureRandom();
    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    @Override
    public String receiptHash(SealedTender.Sealed sealed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sealed.ciphertext().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private TenderVault(PublicKey publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    public static TenderVault loadOrCreate(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            RSAPrivateCrtKey key = no.skymarked.shared.KeyFiles.loadOrCreate(file, 3072);
            return new TenderVault(no.skymarked.shared.KeyFiles.publicKeyOf(key), key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the tender key in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the tender key " + file, e);
        }
    }

    @Override
    public SealedTender.Sealed seal(String boundTo, TenderContent content) {
        return seal(boundTo, Json.bytes(TenderJson.content(content)));
    }

    private SealedTender.Sealed seal(String boundTo, byte[] content) {
        try {
            KeyGenerator aes = KeyGenerator.getInstance("AES");
            aes.init(256, random);
            SecretKey key = aes.generateKey();
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            gcm.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = gcm.doFinal(content);
            Cipher wrap = Cipher.getInstance(WRAP);
            wrap.init(Cipher.WRAP_MODE, publicKey, OAEP);
            Base64.Encoder b64 = Base64.getEncoder();
            return new SealedTender.Sealed(b64.encodeToString(wrap.wrap(key)), b64.encodeToString(iv), b64.encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a tender", e);
        }
    }

    @Override
    public TenderContent open(SealedTender.Sealed sealed, String boundTo, Instant deadline, Instant now) {
        if (!Sealing.opened(deadline, now)) {
            throw Refusal.conflict("/problems/tenders-sealed", "Tenders sealed", "tenders stay sealed until " + deadline);
        }
        return TenderJson.content(Json.tree(new String(decrypt(sealed, boundTo), StandardCharsets.UTF_8)));
    }

    private byte[] decrypt(SealedTender.Sealed sealed, String boundTo) {
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            Cipher unwrap = Cipher.getInstance(WRAP);
            unwrap.init(Cipher.UNWRAP_MODE, privateKey, OAEP);
            SecretKey key = (SecretKey) unwrap.unwrap(b64.decode(sealed.wrappedKey()), "AES", Cipher.SECRET_KEY);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.getEncoded(), "AES"), new GCMParameterSpec(128, b64.decode(sealed.iv())));
            gcm.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return gcm.doFinal(b64.decode(sealed.ciphertext()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed tender could not be opened (wrong tender key, or the row was altered)", e);
        }
    }
}
