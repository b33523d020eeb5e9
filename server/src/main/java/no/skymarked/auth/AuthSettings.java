package no.skymarked.auth;

import io.helidon.config.Config;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code skymarked.auth.*}: where trusted keys come from (dev key, JWKS file or JWKS URL), issuer, audience and
 * clock skew. Dev mode is on by default for the local run; production sets {@code skymarked.auth.dev.enabled=false}
 * and a JWKS.
 */
public record AuthSettings(boolean devMode, String issuer, String audience, Duration skew, String jwksUrl, String jwksFile) {
    public static final String DEV_ISSUER = "https://skymarked.local/dev";
    static final Duration JWKS_CACHE_TTL = Duration.ofMinutes(10);
    private static final int JWKS_TIMEOUT_MS = 5_000;
    private static final int JWKS_SIZE_LIMIT = 256 * 1024;

    public static AuthSettings from(Config config) {
        Config auth = config.get("skymarked.auth");
        return new AuthSettings(
                auth.get("dev.enabled").asBoolean().orElse(true),
                auth.get("issuer").asString().orElse(DEV_ISSUER),
                auth.get("audience").asString().orElse(null),
                auth.get("skew").as(Duration.class).orElse(Duration.ofSeconds(30)),
                auth.get("jwks.url").asString().filter(s -> !s.isBlank()).orElse(null),
                auth.get("jwks.file").asString().filter(s -> !s.isBlank()).orElse(null));
    }

    /** The verifier for this configuration; in dev mode the dev key is created on first use. */
    public TokenVerifier verifier(Path dataDir, Clock clock) {
        return new TokenVerifier(keySource(dataDir), issuer, audience, skew, clock);
    }

    private JWKSource<SecurityContext> keySource(Path dataDir) {
        if (jwksUrl != null) {
            return remote(jwksUrl);
        } else if (jwksFile != null) {
            return new ImmutableJWKSet<>(readFile(Path.of(jwksFile)));
        } else if (devMode) {
            return new ImmutableJWKSet<>(DevKeys.loadOrCreate(dataDir).jwks());
        }
        throw new IllegalStateException("skymarked.auth: dev mode is off, so set skymarked.auth.jwks.url or skymarked.auth.jwks.file");
    }

    /**
     * A JWKS fetched over HTTP(S) and cached for ten minutes; a token whose key id is not in the cached set makes one
     * refetch (key rotation), at most two fetches per 30 seconds.
     */
    static JWKSource<SecurityContext> remote(String url) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(URI.create(url).toURL(),
                            new DefaultResourceRetriever(JWKS_TIMEOUT_MS, JWKS_TIMEOUT_MS, JWKS_SIZE_LIMIT))
                    .cache(JWKS_CACHE_TTL.toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                    .rateLimited(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("skymarked.auth.jwks.url is not a URL: " + url, e);
        }
    }

    private static JWKSet readFile(Path file) {
        try {
            return JWKSet.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JWKS file " + file, e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("JWKS file " + file + " is not a JSON Web Key Set: " + e.getMessage(), e);
        }
    }
}
