package no.skymarked.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * RSA private keys the server makes for itself at first start (the dev signing key, the tender key): a PKCS#8 file,
 * base64, readable by the owner only from its first byte, written atomically so two servers starting at once keep one key.
 */
public final class KeyFiles {
    private KeyFiles() {
    }

    public static RSAPrivateCrtKey loadOrCreate(Path file, int bits) throws IOException, GeneralSecurityException {
        if (!Files.exists(file)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            createOwnerOnly(file, Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                    .getBytes(StandardCharsets.US_ASCII));
        }
        byte[] der = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /**
     * Writes {@code content} to {@code file} unless it exists: into a temporary file created readable and writable
     * by the owner only (never for a moment with the default permissions), then linked (or moved) into place
     * atomically, so a reader never sees a partial file and of two servers starting at once one file wins.
     */
    public static void createOwnerOnly(Path file, byte[] content) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        }
        try {
            Files.write(tmp, content);
            try {
                Files.createLink(file, tmp);  // atomic and never replaces: of two servers starting at once, one key wins
            } catch (FileAlreadyExistsException raced) {
                // another server made it first; use its key
            } catch (UnsupportedOperationException noLinks) {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }
}
