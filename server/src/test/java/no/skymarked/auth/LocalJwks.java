package no.skymarked.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An identity provider's key endpoint for tests: a JWKS served over HTTP on a free port, replaceable at any time (key
 * rotation), with helpers to sign Maskinporten-shaped tokens.
 */
final class LocalJwks {
    static final String ISSUER = "https://maskinporten.test/";
    static final String AUDIENCE = "https://skymarked.test/api";

    private final HttpServer http;
    private volatile JWKSet served = new JWKSet();
    private final AtomicInteger fetches = new AtomicInteger();

    private LocalJwks(HttpServer http) {
        this.http = http;
    }

    static LocalJwks start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LocalJwks jwks = new LocalJwks(http);
            http.createContext("/jwks.json", exchange -> {
                jwks.fetches.incrementAndGet();
                byte[] body = jwks.served.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            http.start();
            return jwks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Server settings that trust this JWKS only (dev mode off), with issuer and audience. */
    Map<String, String> settings() {
        return Map.of("skymarked.auth.dev.enabled", "false",
                "skymarked.auth.jwks.url", "http://127.0.0.1:" + http.getAddress().getPort() + "/jwks.json",
                "skymarked.auth.issuer", ISSUER,
                "skymarked.auth.audience", AUDIENCE);
    }

    /** From now on the endpoint serves the public parts of these keys only. */
    void serve(RSAKey... keys) {
        served = new JWKSet(java.util.List.of(keys)).toPublicJWKSet();
    }

    void stop() {
        http.stop(0);
    }

    int fetches() {
        return fetches.get();
    }

    static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims a token of organisation 991825827 with the buyer scope, valid for the next hour, would carry. */
    static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).claim("client_id", "test-client")
                .claim("scope", "skymarked:buyer").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("consumer", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:991825827"));
    }

    static String sign(RSAKey key, JWTClaimsSet claims) {
        return sign(key, new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims);
    }

    static String sign(RSAKey key, JWSHeader header, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
