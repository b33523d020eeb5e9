package no.skymarked.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import no.skymarked.TestServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tokens an attacker or a broken client may send, against a server that trusts a JWKS over HTTP (as in production):
 * each is a 401 problem+json naming the reason, never a 500 and never accepted.
 */
class TokenRefusalHttpTest {
    static final LocalJwks JWKS = LocalJwks.start();
    static final RSAKey KEY = LocalJwks.newKey("idp-key-1");

    static {
        JWKS.serve(KEY);
    }

    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension(Clock.systemUTC(), JWKS.settings());

    @AfterAll
    static void stopJwks() {
        JWKS.stop();
    }

    private static ValidatableResponse refused(String token) {
        return given().header("Authorization", "Bearer " + token).get("/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("type", is("/problems/unauthorized"))
                .header("WWW-Authenticate", containsString("invalid_token")).body(not(containsString("Exception")));
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String payload() {
        return LocalJwks.validClaims().build().toPayload().toBase64URL().toString();
    }

    @Test
    void aTokenSignedByTheTrustedKeyIsAccepted() {
        given().auth().oauth2(LocalJwks.sign(KEY, LocalJwks.validClaims().build())).get("/v1/me").then().statusCode(200)
                .body("orgNo", is("991825827")).body("roles", org.hamcrest.Matchers.hasItems("BUYER"));
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        refused(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload() + ".").body("detail", containsString("RS256"));
    }

    @Test
    void hs256SignedWithThePublicKeyAsSecretIsRefused() throws JOSEException {
        // algorithm confusion: a verifier that takes the key from the JWKS and the algorithm from the token would accept it
        byte[] publicKeyBytes = KEY.toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(),
                LocalJwks.validClaims().build());
        jwt.sign(new MACSigner(publicKeyBytes));
        refused(jwt.serialize()).body("detail", containsString("RS256"));
    }

    @Test
    void aTokenWithAnUnknownKeyIdIsRefused() {
        RSAKey stranger = LocalJwks.newKey("not-in-the-jwks");
        refused(LocalJwks.sign(stranger, LocalJwks.validClaims().build())).body("detail", containsString("not among the trusted keys"));
    }

    @Test
    void aTokenSignedByAnotherKeyUnderTheTrustedKeyIdIsRefused() {
        RSAKey forger = new RSAKey.Builder(LocalJwks.newKey("x")).keyID(KEY.getKeyID()).build();
        refused(LocalJwks.sign(forger, LocalJwks.validClaims().build())).body("detail", containsString("signature"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant now = Instant.now();
        JWTClaimsSet expired = LocalJwks.validClaims().issueTime(Date.from(now.minusSeconds(3600)))
                .expirationTime(Date.from(now.minusSeconds(120))).build();
        refused(LocalJwks.sign(KEY, expired)).body("detail", containsString("expired"));
    }

    @Test
    void aTokenNotValidYetIsRefused() {
        JWTClaimsSet early = LocalJwks.validClaims().notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build();
        refused(LocalJwks.sign(KEY, early)).body("detail", containsString("not valid yet"));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(LocalJwks.sign(KEY, LocalJwks.validClaims().audience("https://other-service.test/").build()))
                .body("detail", containsString("audience"));
    }

    @Test
    void aTokenWithoutAudienceIsRefusedWhenOneIsConfigured() {
        refused(LocalJwks.sign(KEY, LocalJwks.validClaims().audience((String) null).build())).body("detail", containsString("audience"));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        refused(LocalJwks.sign(KEY, LocalJwks.validClaims().issuer("https://evil.test/").build()))
                .body("detail", containsString("issuer"));
    }

    @Test
    void anOversizedTokenIsRefusedBeforeItIsDecoded() {
        String padding = "x".repeat(9 * 1024);
        JWSHeader big = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).customParam("pad", padding).build();
        refused(LocalJwks.sign(KEY, big, LocalJwks.validClaims().build())).body("detail", containsString("too large"));
    }

    @Test
    void aTokenThatIsNotThreePartsIsRefused() {
        refused(b64("{\"alg\":\"RS256\"}") + "." + payload()).body("detail", containsString("three"));
        refused("a.b.c.d.e").body("detail", containsString("three"));
    }

    @Test
    void aTokenThatIsNotBase64urlIsRefused() {
        refused("***.%%%.!!!").body("detail", containsString("JWT"));
    }

    @Test
    void aTokenWhoseHeaderOrClaimsAreNotJsonIsRefused() {
        String signature = Base64URL.encode(new byte[256]).toString();
        refused(b64("{\"alg\":\"RS256\",") + "." + payload() + "." + signature).body("detail", containsString("JWT"));
        refused(b64("{\"alg\":\"RS256\"}") + "." + b64("[1, 2") + "." + signature).body("detail", containsString("JWT"));
        refused(b64("\"RS256\"") + "." + payload() + "." + signature).body("detail", containsString("JWT"));
    }
}
