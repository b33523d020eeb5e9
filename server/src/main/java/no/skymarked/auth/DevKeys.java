package no.skymarked.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
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
            RSAPrivateCrtKey privateKey = no.skymarked.shared.KeyFiles.loadOrCreate(file, 2048);
            RSAPublicKey publicKey = no.skymarked.shared.KeyFiles.publicKeyOf(privateKey);
            String kid = "dev-" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(publicKey.getModulus().toByteArray()), 0, 6);
            DevKeys keys = new DevKeys(kid, privateKey, publicKey);
            Files.writeString(folder.resolve("jwks.json"), keys.jwks().toString(), StandardCharsets.UTF_8);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the dev signing key in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the dev signing key in " + file, e);
        }
    }

    /** The public key as a JSON Web Key Set (RS256, use sig). */
    public JWKSet jwks() {
        return new JWKSet(new RSAKey.Builder(publicKey).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build());
    }
}
