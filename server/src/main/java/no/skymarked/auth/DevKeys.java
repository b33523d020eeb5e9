package no.skymarked.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Dev mode's signing key: an RSA key pair made at first start in {@code <data dir>/dev-keys/} and trusted by the
 * server, so the {@code token} command can make tokens. Never used when dev mode is off.
 */
public record DevKeys(String kid, PrivateKey privateKey, RSAPublicKey publicKey) {
    static final String FOLDER = "dev-keys";
    static final String PRIVATE_FILE = "signing-key.pk8";

    public static DevKeys loadOrCreate(Path dataDir) {
        Path folder = dataDir.resolve(FOLDER);
        Path file = folder.resolve(PRIVATE_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(folder);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Path tmp = folder.resolve(PRIVATE_FILE + ".tmp");
                Files.writeString(tmp, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            byte[] der = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            String kid = "dev-" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(publicKey.getModulus().toByteArray()), 0, 6);
            Files.writeString(folder.resolve("jwks.json"), Jwks.toJson(kid, publicKey), StandardCharsets.UTF_8);
            return new DevKeys(kid, privateKey, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the dev signing key in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the dev signing key in " + file, e);
        }
    }

    public Jwks jwks() {
        return Jwks.parse(Jwks.toJson(kid, publicKey));
    }
}
