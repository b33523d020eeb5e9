package no.skymarked.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/** Makes Maskinporten-shaped access tokens signed with the dev key (dev mode and tests only). */
public record TokenIssuer(DevKeys keys, String issuer, Clock clock) {

    public String issue(String orgNo, Collection<String> scopes, Duration ttl) {
        return issue(orgNo, null, scopes, ttl);
    }

    /** A token naming the person acting ({@code sub}), when {@code subject} is not null. */
    public String issue(String orgNo, String subject, Collection<String> scopes, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .claim("client_id", "dev-" + orgNo)
                .claim("scope", String.join(" ", scopes))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .subject(subject)
                .claim("consumer", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:" + orgNo))
                .build();
        return sign(claims, keys.kid(), keys);
    }

    /** {@code claims} signed RS256 with the dev key's private part, under key id {@code kid}. */
    public static String sign(JWTClaimsSet claims, String kid, DevKeys keys) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(), claims);
        try {
            jwt.sign(new RSASSASigner(keys.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
        return jwt.serialize();
    }
}
