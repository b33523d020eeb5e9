package no.skymarked.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import no.skymarked.shared.Json;

/** A JSON Web Key Set of RSA signing keys, by key id. */
public record Jwks(Map<String, RSAPublicKey> keys) {

    public static Jwks parse(String json) {
        JsonNode root = Json.tree(json);
        Map<String, RSAPublicKey> keys = new HashMap<>();
        for (JsonNode jwk : root.path("keys")) {
            if (!"RSA".equals(jwk.path("kty").asText()) || jwk.path("use").asText("sig").equals("enc")) {
                continue;
            }
            try {
                BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText()));
                BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText()));
                RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
                keys.put(jwk.path("kid").asText(""), key);
            } catch (GeneralSecurityException | IllegalArgumentException ex) {
                throw new IllegalArgumentException("JWKS has an unreadable RSA key " + jwk.path("kid").asText(), ex);
            }
        }
        return new Jwks(Map.copyOf(keys));
    }

    public static String toJson(String kid, RSAPublicKey key) {
        ObjectNode jwk = Json.MAPPER.createObjectNode()
                .put("kty", "RSA").put("use", "sig").put("alg", "RS256").put("kid", kid)
                .put("n", unsigned(key.getModulus()))
                .put("e", unsigned(key.getPublicExponent()));
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode list = root.putArray("keys");
        list.add(jwk);
        return Json.text(root);
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
