package no.skymarked.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.skymarked.catalogdata.OrganisationNumber;

/**
 * Checks a Maskinporten-style access token: RS256 signature by a trusted key, issuer, expiry (with clock skew),
 * audience when configured, and {@code consumer.ID = "0192:<orgNo>"} with a valid organisation number. The subject
 * ({@code sub}), when given, names the person acting.
 */
public final class TokenVerifier {
    private static final Pattern CONSUMER_ID = Pattern.compile("0192:([0-9]{9})");

    private final Supplier<Jwks> keys;
    private final String issuer;
    private final String audience;
    private final Duration skew;
    private final Clock clock;

    public TokenVerifier(Supplier<Jwks> keys, String issuer, String audience, Duration skew, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience == null || audience.isBlank() ? null : audience;
        this.skew = skew;
        this.clock = clock;
    }

    public Principal verify(String token) {
        Jwt jwt = Jwt.parse(token);
        if (!"RS256".equals(jwt.header().path("alg").asText())) {
            throw new AuthenticationFailed("token algorithm must be RS256");
        }
        RSAPublicKey key = keys.get().keys().get(jwt.header().path("kid").asText(""));
        if (key == null || !jwt.verifies(key)) {
            throw new AuthenticationFailed("token signature does not verify against a trusted key");
        }
        JsonNode claims = jwt.claims();
        if (!issuer.equals(claims.path("iss").asText(null))) {
            throw new AuthenticationFailed("token issuer is not trusted");
        }
        Instant now = clock.instant();
        if (!claims.path("exp").isNumber()) {
            throw new AuthenticationFailed("token has no expiry (exp)");
        }
        Instant exp = Instant.ofEpochSecond(claims.path("exp").asLong());
        if (now.isAfter(exp.plus(skew))) {
            throw new AuthenticationFailed("token expired at " + exp);
        }
        if (claims.path("nbf").isNumber() && now.plus(skew).isBefore(Instant.ofEpochSecond(claims.path("nbf").asLong()))) {
            throw new AuthenticationFailed("token is not valid yet (nbf)");
        }
        if (audience != null && !hasAudience(claims.path("aud"))) {
            throw new AuthenticationFailed("token audience does not include " + audience);
        }
        return new Principal(orgNo(claims), roles(claims.path("scope").asText("")), claims.path("client_id").asText(null),
                subject(claims.path("sub")));
    }

    private boolean hasAudience(JsonNode aud) {
        if (aud.isTextual()) {
            return audience.equals(aud.asText());
        }
        for (JsonNode a : aud) {
            if (audience.equals(a.asText())) {
                return true;
            }
        }
        return false;
    }

    /** The person the token names ({@code sub}), when it is a non-blank text. */
    static String subject(JsonNode sub) {
        return sub.isTextual() && !sub.asText().isBlank() ? sub.asText().strip() : null;
    }

    static String orgNo(JsonNode claims) {
        String consumerId = claims.path("consumer").path("ID").asText("");
        Matcher m = CONSUMER_ID.matcher(consumerId);
        if (!m.matches() || !OrganisationNumber.isValid(m.group(1))) {
            throw new AuthenticationFailed("token consumer.ID must be \"0192:<organisation number>\" with a valid mod-11 check digit");
        }
        return m.group(1);
    }

    static Set<Role> roles(String scope) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String s : scope.split(" ")) {
            Role.ofScope(s).ifPresent(roles::add);
        }
        return roles;
    }
}
