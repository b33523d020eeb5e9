package no.skymarked.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.skymarked.catalogdata.OrganisationNumber;

/**
 * Checks a Maskinporten-style access token with Nimbus JOSE+JWT: RS256 signature by a trusted key, issuer, expiry
 * and not-before (with clock skew), audience when configured, and {@code consumer.ID = "0192:<orgNo>"} with a valid
 * organisation number. The subject ({@code sub}), when given, names the person acting. Every refusal is an
 * {@link AuthenticationFailed} with a reason that names the rule, never the token.
 */
public final class TokenVerifier {
    /** Longer tokens are refused before they are decoded (Maskinporten's are about 1 KiB). */
    public static final int MAX_TOKEN_LENGTH = 8 * 1024;
    private static final Pattern CONSUMER_ID = Pattern.compile("0192:([0-9]{9})");

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public TokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience, Duration skew, Clock clock) {
        String aud = audience == null || audience.isBlank() ? null : audience;
        processor.setJWSKeySelector(new KnownKeySelector(keys));
        // the header's typ is not checked (Maskinporten's tokens may carry "JWT", "at+jwt" or none), as before
        processor.setJWSTypeVerifier((type, context) -> { });
        processor.setJWTClaimsSetVerifier(new ClaimsVerifier(issuer, aud, skew, clock));
    }

    public Principal verify(String token) {
        JWTClaimsSet claims = verifiedClaims(token);
        return new Principal(orgNo(claims), roles(text(claims.getClaim("scope"), "")), text(claims.getClaim("client_id"), null),
                subject(claims.getClaim("sub")));
    }

    private JWTClaimsSet verifiedClaims(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new AuthenticationFailed("token is too large (more than " + MAX_TOKEN_LENGTH + " characters)");
        }
        if (token.split("\\.", -1).length != 3) {
            throw new AuthenticationFailed("token is not a signed JWT (expected three dot-separated parts)");
        }
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
            parsed.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw new AuthenticationFailed("token is not a signed JWT of base64url JSON (header, claims, signature)");
        }
        if (!(parsed instanceof SignedJWT jwt) || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new AuthenticationFailed("token algorithm must be RS256 (unsigned tokens and other algorithms are refused)");
        }
        try {
            return processor.process(jwt, null);
        } catch (UnknownKey e) {
            throw new AuthenticationFailed("token is signed by a key (kid) that is not among the trusted keys");
        } catch (KeySourceException e) {
            throw new AuthenticationFailed("trusted keys are unavailable right now");
        } catch (BadJWTException e) {
            throw new AuthenticationFailed(ClaimsVerifier.reason(e));
        } catch (BadJOSEException | JOSEException | RuntimeException e) {
            throw new AuthenticationFailed("token signature does not verify against a trusted key");
        }
    }

    /** RS256 keys of the key source; a token whose key is not there (after one refresh of a remote set) is refused. */
    private static final class KnownKeySelector extends JWSVerificationKeySelector<SecurityContext> {
        KnownKeySelector(JWKSource<SecurityContext> keys) {
            super(JWSAlgorithm.RS256, keys);
        }

        @Override
        public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
            List<Key> keys;
            try {
                keys = super.selectJWSKeys(header, context);
            } catch (com.nimbusds.jose.jwk.source.RateLimitReachedException e) {
                // the set was fetched moments ago and did not have this key
                throw new UnknownKey();
            }
            if (keys.isEmpty()) {
                throw new UnknownKey();
            }
            return keys;
        }
    }

    private static final class UnknownKey extends KeySourceException {
        UnknownKey() {
            super("no trusted key for the token's kid");
        }
    }

    /** Nimbus's claims checks on the injected clock, with reasons in the API's words. */
    private static final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
        private final Clock clock;

        ClaimsVerifier(String issuer, String audience, Duration skew, Clock clock) {
            super(audience == null ? null : Set.of(audience), new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp"), null);
            setMaxClockSkew((int) skew.toSeconds());
            this.clock = clock;
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }

        static String reason(BadJWTException e) {
            String m = String.valueOf(e.getMessage());
            if (m.startsWith("Expired JWT")) {
                return "token expired (exp is past, beyond the allowed clock skew)";
            } else if (m.startsWith("JWT before use time")) {
                return "token is not valid yet (nbf)";
            } else if (m.startsWith("JWT aud claim") || m.startsWith("JWT missing required aud")) {
                return "token audience does not include the configured audience";
            } else if (m.startsWith("JWT iss claim")) {
                return "token issuer is not trusted";
            } else if (m.startsWith("JWT missing required claims:")) {
                return "token lacks required claims" + m.substring("JWT missing required claims".length())
                        + " (exp is the expiry, iss the issuer)";
            }
            return "token claims are not accepted";
        }
    }

    /** The person the token names ({@code sub}), when it is a non-blank text. */
    static String subject(Object sub) {
        return sub instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    private static String text(Object value, String otherwise) {
        return value instanceof String s ? s : otherwise;
    }

    static String orgNo(JWTClaimsSet claims) {
        String consumerId = claims.getClaim("consumer") instanceof Map<?, ?> consumer && consumer.get("ID") instanceof String id ? id : "";
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
