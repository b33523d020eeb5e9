package no.skymarked.calloff.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import no.skymarked.calloff.application.KeyEncryptionKey;
import no.skymarked.shared.KeyFiles;

/**
 * A 256-bit AES key-encryption key held by the server: wraps with AES-256-GCM (a random 96-bit nonce, the context as
 * associated data), so a wrapped key moved to another context or altered does not unwrap. Its id is derived from the
 * key (SHA-256 under a domain tag, 16 hex digits): the same secret on every server gives the same id.
 */
public final class AesKeyEncryptionKey implements KeyEncryptionKey {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;
    private final String id;

    public AesKeyEncryptionKey(byte[] secret) {
        if (secret.length != 32) {
            throw new IllegalArgumentException("the key-encryption key must be 32 bytes (AES-256), not " + secret.length);
        }
        this.key = new SecretKeySpec(secret.clone(), "AES");
        this.id = "aes256gcm:" + fingerprint(secret);
    }

    /** From base64 text (the environment secret, or the content of the file). */
    public static AesKeyEncryptionKey fromBase64(String text, String source) {
        try {
            return new AesKeyEncryptionKey(Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " must hold 32 random bytes in base64 (e.g. `openssl rand -base64 32`): "
                    + e.getMessage(), e);
        }
    }

    /** Reads the KEK file. */
    public static AesKeyEncryptionKey read(Path file) {
        try {
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII), "the key-encryption key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key-encryption key file " + file, e);
        }
    }

    /** Reads the KEK file, made first (32 random bytes, owner-only, atomically) if it does not exist: development only. */
    public static AesKeyEncryptionKey readOrCreate(Path file) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        try {
            KeyFiles.createOwnerOnly(file, Base64.getEncoder().encodeToString(secret).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the development key-encryption key " + file, e);
        }
        return read(file);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public byte[] wrap(byte[] plain, String context) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            gcm.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = gcm.doFinal(plain);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap a key", e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String context) {
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, wrapped, 0, 12));
            gcm.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return gcm.doFinal(wrapped, 12, wrapped.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key-encryption key " + id + " does not unwrap this key", e);
        }
    }

    private static String fingerprint(byte[] secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("skymarked key-encryption key id v1".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(secret), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
