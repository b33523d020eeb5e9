package no.skymarked.auth;

import io.helidon.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * {@code skymarked.auth.*}: where trusted keys come from (dev key, JWKS file or JWKS URL), issuer, audience and
 * clock skew. Dev mode is on by default for the local run; production sets {@code skymarked.auth.dev.enabled=false}
 * and a JWKS.
 */
public record AuthSettings(boolean devMode, String issuer, String audience, Duration skew, String jwksUrl, String jwksFile) {
    public static final String DEV_ISSUER = "https://skymarked.local/dev";

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
        Supplier<Jwks> keys;
        if (jwksUrl != null) {
            keys = new RemoteJwks(URI.create(jwksUrl), clock);
        } else if (jwksFile != null) {
            Jwks fromFile = readFile(Path.of(jwksFile));
            keys = () -> fromFile;
        } else if (devMode) {
            Jwks dev = DevKeys.loadOrCreate(dataDir).jwks();
            keys = () -> dev;
        } else {
            throw new IllegalStateException("skymarked.auth: dev mode is off, so set skymarked.auth.jwks.url or skymarked.auth.jwks.file");
        }
        return new TokenVerifier(keys, issuer, audience, skew, clock);
    }

    private static Jwks readFile(Path file) {
        try {
            return Jwks.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JWKS file " + file, e);
        }
    }

    /** A JWKS fetched over HTTPS and kept for ten minutes. */
    static final class RemoteJwks implements Supplier<Jwks> {
        private static final Duration TTL = Duration.ofMinutes(10);
        private final URI uri;
        private final Clock clock;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private volatile Jwks cached;
        private volatile Instant fetchedAt = Instant.MIN;

        RemoteJwks(URI uri, Clock clock) {
            this.uri = uri;
            this.clock = clock;
        }

        @Override
        public Jwks get() {
            if (cached == null || clock.instant().isAfter(fetchedAt.plus(TTL))) {
                synchronized (this) {
                    if (cached == null || clock.instant().isAfter(fetchedAt.plus(TTL))) {
                        cached = fetch();
                        fetchedAt = clock.instant();
                    }
                }
            }
            return cached;
        }

        private Jwks fetch() {
            try {
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() != 200) {
                    throw new AuthenticationFailed("trusted keys are unavailable right now");
                }
                return Jwks.parse(res.body());
            } catch (IOException e) {
                throw new AuthenticationFailed("trusted keys are unavailable right now");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuthenticationFailed("trusted keys are unavailable right now");
            }
        }
    }
}
