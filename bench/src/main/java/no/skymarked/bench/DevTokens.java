package no.skymarked.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Tokens for many agencies without starting a JVM per token: signed, like the server's {@code token} command, with
 * the dev key the server made in its data directory ({@code dev-keys/signing-key.pk8}, PKCS#8 in base64).
 */
final class DevTokens {
    private final RSAPrivateCrtKey key;
    private final String kid;

    DevTokens(Path dataDir) throws Exception {
        byte[] der = Base64.getDecoder().decode(Files.readString(dataDir.resolve("dev-keys/signing-key.pk8"),
                StandardCharsets.US_ASCII).strip());
        key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        kid = "dev-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getModulus().toByteArray()), 0, 6);
    }

    String issue(String orgNo, String scope, long ttlSeconds) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        String claims = "{\"iss\":\"https://skymarked.local/dev\",\"client_id\":\"dev-" + orgNo + "\",\"scope\":\"" + scope
                + "\",\"iat\":" + now + ",\"exp\":" + (now + ttlSeconds) + ",\"jti\":\"" + UUID.randomUUID()
                + "\",\"consumer\":{\"authority\":\"iso6523-actorid-upis\",\"ID\":\"0192:" + orgNo + "\"}}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rs256.sign());
    }
}
