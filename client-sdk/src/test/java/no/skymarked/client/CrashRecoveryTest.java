package no.skymarked.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import no.skymarked.auth.AuthSettings;
import no.skymarked.auth.DevKeys;
import no.skymarked.auth.TokenIssuer;
import no.skymarked.shared.Database;
import org.junit.jupiter.api.Test;

/**
 * The packaged server as its own process: a stream of call-offs, kill -9 in the middle of it, restart, and every
 * call-off that was answered 201 is there. On H2 (the data directory's file) or PostgreSQL (a private schema),
 * following {@code skymarked.test.db}.
 */
class CrashRecoveryTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        Path jar = Path.of("../server/target/skymarked-server.jar");
        assertThat("the server jar is built before this module's tests", Files.exists(jar), is(true));
        Path dataDir = Files.createTempDirectory("skymarked-crash");
        TokenIssuer tokens = new TokenIssuer(DevKeys.loadOrCreate(dataDir), AuthSettings.DEV_ISSUER, Clock.systemUTC());
        Database.Settings db = Database.forTest("crash-" + UUID.randomUUID());
        int port = freePort();
        String token = tokens.issue("991825827", List.of("skymarked:buyer"), Duration.ofMinutes(10));
        Process server = start(jar, dataDir, port, db);
        List<String> acknowledged = new ArrayList<>();
        try {
            send("POST", port, "/v1/frameworks/oslo-digitale-tjenester-2/accessions", token, "{}");
            AtomicBoolean killed = new AtomicBoolean();
            Thread killer = new Thread(() -> {
                sleep(1500);
                server.destroyForcibly();
                killed.set(true);
            });
            killer.start();
            for (int i = 0; i < 10_000 && !killed.get(); i++) {
                try {
                    HttpResponse<String> res = send("POST", port, "/v1/call-offs", token,
                            "{\"frameworkId\": \"oslo-digitale-tjenester-2\", \"lotId\": \"programmering\", \"title\": \"Oppdrag " + i
                                    + "\", \"needDescription\": \"Utvikling\", \"estimatedHours\": [{\"roleId\": \"DEVELOPER\", \"hours\": \"1\"}]}");
                    if (res.statusCode() == 201) {
                        acknowledged.add(res.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
                    }
                } catch (java.io.IOException e) {
                    break;  // the process is gone
                }
            }
            killer.join();
            server.waitFor();
        } finally {
            server.destroyForcibly();
        }
        assertThat("some writes were acknowledged before the kill", acknowledged.isEmpty(), is(false));

        Process again = start(jar, dataDir, port, db);
        try {
            List<String> missing = new ArrayList<>();
            for (String id : acknowledged) {
                if (send("GET", port, "/v1/call-offs/" + id, token, null).statusCode() != 200) {
                    missing.add(id);
                }
            }
            System.out.printf("crash test: %d acknowledged call-offs before kill -9, %d missing after restart%n",
                    acknowledged.size(), missing.size());
            assertThat(missing, is(empty()));
        } finally {
            again.destroyForcibly().waitFor();
            Database.dropTestSchema(db);
        }
    }

    private static Process start(Path jar, Path dataDir, int port, Database.Settings db) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("server-" + System.nanoTime() + ".log").toFile());
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("SKYMARKED_DATA_DIR", dataDir.toString());
        if (db.isPostgres()) {
            try (var c = java.sql.DriverManager.getConnection(db.url(), db.username(), db.password()); var st = c.createStatement()) {
                st.execute("create schema if not exists " + db.schema());
            }
            pb.environment().put("DB_URL", db.url() + "?currentSchema=" + db.schema());
            pb.environment().put("DB_USERNAME", db.username());
            pb.environment().put("DB_PASSWORD", db.password());
        }
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send("GET", port, "/health", null, null).statusCode() == 200) {
                    return p;
                }
            } catch (java.io.IOException e) {
                sleep(200);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("the server did not start; see " + dataDir);
    }

    private static HttpResponse<String> send(String method, int port, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws java.io.IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
