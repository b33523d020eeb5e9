package no.skymarked.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import no.skymarked.shared.Json;

/** Compact JWS with RS256: enough of RFC 7515/7519 to verify Maskinporten-style access tokens and make dev ones. */
public record Jwt(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();
    private static final Base64.Encoder B64E = Base64.getUrlEncoder().withoutPadding();

    public static Jwt parse(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new AuthenticationFailed("token is not a signed JWT (expected three dot-separated parts)");
        }
        try {
            JsonNode header = Json.MAPPER.readTree(B64.decode(parts[0]));
            JsonNode claims = Json.MAPPER.readTree(B64.decode(parts[1]));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                throw new AuthenticationFailed("token header or claims are not JSON objects");
            }
            return new Jwt(header, claims, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), B64.decode(parts[2]));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new AuthenticationFailed("token is not valid base64url JSON");
        }
    }

    public boolean verifies(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static String sign(ObjectNode claims, String kid, PrivateKey key) {
        ObjectNode header = Json.MAPPER.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", kid);
        String input = B64E.encodeToString(Json.bytes(header)) + "." + B64E.encodeToString(Json.bytes(claims));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64E.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
