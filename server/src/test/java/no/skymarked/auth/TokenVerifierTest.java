package no.skymarked.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVerifierTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ISSUER = "https://issuer.test/";

    @TempDir
    Path dir;

    private DevKeys keys() {
        return DevKeys.loadOrCreate(dir);
    }

    private TokenVerifier verifier(DevKeys keys, String audience) {
        return new TokenVerifier(new ImmutableJWKSet<>(keys.jwks()), ISSUER, audience, Duration.ofSeconds(30), CLOCK);
    }

    private static String sign(ObjectNode claims, String kid, DevKeys signer) {
        try {
            return TokenIssuer.sign(JWTClaimsSet.parse(Json.text(claims)), kid, signer);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode claims(String consumerId, long expOffsetSeconds) {
        ObjectNode c = Json.MAPPER.createObjectNode().put("iss", ISSUER).put("scope", "skymarked:buyer skymarked:auditor other:scope")
                .put("exp", NOW.getEpochSecond() + expOffsetSeconds).put("client_id", "c1");
        c.putObject("consumer").put("authority", "iso6523-actorid-upis").put("ID", consumerId);
        return c;
    }

    @Test
    void validTokenGivesOrganisationAndRoles() {
        DevKeys keys = keys();
        Principal p = verifier(keys, null).verify(sign(claims("0192:991825827", 60), keys.kid(), keys));
        assertThat(p.orgNo(), is("991825827"));
        assertThat(p.roles(), containsInAnyOrder(Role.BUYER, Role.AUDITOR));
        assertThat(p.clientId(), is("c1"));
    }

    @Test
    void theSubjectNamesThePersonAndWithoutOneTheClientDoes() {
        DevKeys keys = keys();
        ObjectNode withSub = claims("0192:991825827", 60).put("sub", " kari.nordmann@etat.no ");
        Principal kari = verifier(keys, null).verify(sign(withSub, keys.kid(), keys));
        assertThat(kari.subject(), is("kari.nordmann@etat.no"));
        assertThat(kari.person(), is("kari.nordmann@etat.no"));
        Principal machine = verifier(keys, null).verify(sign(claims("0192:991825827", 60), keys.kid(), keys));
        assertThat(machine.subject(), is((String) null));
        assertThat(machine.person(), is("c1"));
        String issued = new TokenIssuer(keys, ISSUER, CLOCK).issue("974760673", "ola@etat.no", List.of("skymarked:buyer"),
                Duration.ofMinutes(5));
        assertThat(verifier(keys, null).verify(issued).person(), is("ola@etat.no"));
    }

    @Test
    void issuerCommandTokensVerify() {
        DevKeys keys = keys();
        String token = new TokenIssuer(keys, ISSUER, CLOCK).issue("974760673", List.of("skymarked:editor"), Duration.ofMinutes(5));
        assertThat(verifier(keys, null).verify(token).roles(), containsInAnyOrder(Role.EDITOR));
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused(@TempDir Path other) {
        DevKeys trusted = keys();
        DevKeys foreign = DevKeys.loadOrCreate(other);
        String token = sign(claims("0192:991825827", 60), trusted.kid(), foreign);
        AuthenticationFailed e = assertThrows(AuthenticationFailed.class, () -> verifier(trusted, null).verify(token));
        assertThat(e.getMessage(), containsString("signature"));
    }

    @Test
    void expiryHonoursTheClockSkew() {
        DevKeys keys = keys();
        TokenVerifier v = verifier(keys, null);
        assertThat(v.verify(sign(claims("0192:991825827", -29), keys.kid(), keys)).orgNo(), is("991825827"));
        AuthenticationFailed e = assertThrows(AuthenticationFailed.class,
                () -> v.verify(sign(claims("0192:991825827", -31), keys.kid(), keys)));
        assertThat(e.getMessage(), containsString("expired"));
    }

    @Test
    void malformedConsumerIdIsRefused() {
        DevKeys keys = keys();
        for (String id : List.of("0192:123456789", "991825827", "0193:991825827", "0192:99182582", "")) {
            AuthenticationFailed e = assertThrows(AuthenticationFailed.class,
                    () -> verifier(keys, null).verify(sign(claims(id, 60), keys.kid(), keys)), id);
            assertThat(e.getMessage(), containsString("consumer.ID"));
        }
    }

    @Test
    void wrongIssuerMissingExpiryAndAudienceAreRefused() {
        DevKeys keys = keys();
        ObjectNode otherIssuer = claims("0192:991825827", 60).put("iss", "https://evil.test/");
        assertThrows(AuthenticationFailed.class, () -> verifier(keys, null).verify(sign(otherIssuer, keys.kid(), keys)));
        ObjectNode noExp = claims("0192:991825827", 60);
        noExp.remove("exp");
        assertThrows(AuthenticationFailed.class, () -> verifier(keys, null).verify(sign(noExp, keys.kid(), keys)));
        String token = sign(claims("0192:991825827", 60).put("aud", "https://skymarked.test"), keys.kid(), keys);
        assertThat(verifier(keys, "https://skymarked.test").verify(token).orgNo(), is("991825827"));
        assertThrows(AuthenticationFailed.class, () -> verifier(keys, "https://other.test").verify(token));
    }

    @Test
    void garbageAndUnsignedTokensAreRefused() {
        DevKeys keys = keys();
        TokenVerifier v = verifier(keys, null);
        assertThrows(AuthenticationFailed.class, () -> v.verify("not-a-token"));
        assertThrows(AuthenticationFailed.class, () -> v.verify("a.b.c"));
        String signed = sign(claims("0192:991825827", 60), keys.kid(), keys);
        String[] parts = signed.split("\\.");
        String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertThrows(AuthenticationFailed.class, () -> v.verify(none + "." + parts[1] + "."));
        assertThrows(AuthenticationFailed.class, () -> v.verify(parts[0] + "." + parts[1] + "." + parts[2].substring(3)));
    }

    @Test
    void devKeyIsKeptAcrossStarts() {
        DevKeys first = keys();
        DevKeys again = keys();
        assertThat(again.kid(), is(first.kid()));
        assertThat(again.publicKey(), is(first.publicKey()));
    }
}
