package no.skymarked.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import no.skymarked.auth.AuthSettings;
import no.skymarked.auth.DevKeys;
import no.skymarked.auth.TokenIssuer;
import no.skymarked.shared.Database;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on one PostgreSQL database: the offered supplier's ACCEPT reaches one and its DECLINE the
 * other at the same moment. Exactly one answer wins, and the call-off, its offers and its protocol agree. Likewise
 * a tender deadline passing while both are asked: one opening, one outcome.
 * PostgreSQL only (an H2 file belongs to one process); reported as skipped in the H2 run.
 */
class TwoServersRaceTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void concurrentAnswersOnTwoServersGiveOneConsistentOutcome() throws Exception {
        Database.Settings db = Database.forTest("race-" + UUID.randomUUID());
        Assumptions.assumeTrue(db.isPostgres(), "two processes need a shared database: runs in the PostgreSQL pass");
        Servers servers = Servers.start(db, java.util.Map.of());
        TokenIssuer tokens = servers.tokens();
        int portA = servers.portA();
        int portB = servers.portB();
        try {
            String buyer = tokens.issue("991825827", List.of("skymarked:buyer"), Duration.ofMinutes(10));
            send("POST", portA, "/v1/frameworks/oslo-digitale-tjenester-2/accessions", buyer, "{}");
            for (int round = 0; round < 5; round++) {
                String callOff = Json.tree(send("POST", portA, "/v1/call-offs", buyer,
                        "{\"frameworkId\": \"oslo-digitale-tjenester-2\", \"lotId\": \"programmering\", \"title\": \"Kappløp\","
                                + " \"needDescription\": \"Test\", \"estimatedHours\": [{\"roleId\": \"DEVELOPER\", \"hours\": \"10\"}]}").body())
                        .path("id").asText();
                var offers = Json.tree(send("GET", portB, "/v1/call-offs/" + callOff + "/offers", buyer, null).body()).path("items");
                String rank1 = offers.get(0).path("supplierOrgNo").asText();
                String offerId = offers.get(0).path("id").asText();
                String supplier = tokens.issue(rank1, List.of("skymarked:supplier"), Duration.ofMinutes(10));
                String path = "/v1/call-offs/" + callOff + "/offers/" + offerId + "/response";
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<Integer> accept = CompletableFuture.supplyAsync(() -> answer(go, portA, path, supplier, "{\"decision\": \"ACCEPT\"}"));
                CompletableFuture<Integer> decline = CompletableFuture.supplyAsync(() -> answer(go, portB, path, supplier,
                        "{\"decision\": \"DECLINE\", \"reason\": \"NO_CAPACITY\"}"));
                go.countDown();
                int acceptStatus = accept.get();
                int declineStatus = decline.get();
                assertThat("exactly one answer wins, the other is a 409: " + acceptStatus + "/" + declineStatus,
                        List.of(Math.min(acceptStatus, declineStatus), Math.max(acceptStatus, declineStatus)), is(List.of(200, 409)));
                var view = Json.tree(send("GET", portA, "/v1/call-offs/" + callOff, buyer, null).body());
                var protocol = Json.tree(send("GET", portB, "/v1/call-offs/" + callOff + "/protocol", buyer, null).body());
                assertThat(protocol.path("verification").path("intact").asBoolean(), is(true));
                long accepted = 0;
                long declined = 0;
                for (var e : protocol.path("events")) {
                    accepted += e.path("type").asText().equals("ACCEPTED") ? 1 : 0;
                    declined += e.path("type").asText().equals("DECLINED") ? 1 : 0;
                }
                assertThat(accepted + declined, is(1L));
                assertThat(view.path("status").asText(), is(acceptStatus == 200 ? "AWARDED" : "OFFERED"));
            }
        } finally {
            servers.stop();
        }
    }

    /**
     * The tender deadline passes while both servers are asked about the call-off at once, and a late tender arrives:
     * the competition is opened exactly once, the late tender is refused, and either server opens tenders the other
     * sealed (they share the tender key, as the README says they must).
     */
    @Test
    void aTenderDeadlinePassingOnTwoServersOpensTheCompetitionOnce() throws Exception {
        Database.Settings db = Database.forTest("race-deadline-" + UUID.randomUUID());
        Assumptions.assumeTrue(db.isPostgres(), "two processes need a shared database: runs in the PostgreSQL pass");
        Path tenderKeys = Files.createTempDirectory("skymarked-race-keys");
        Servers servers = Servers.start(db, java.util.Map.of("SKYMARKED_TENDERS_KEY_DIR", tenderKeys.toString(),
                "SKYMARKED_DEV_CLOCK_ENABLED", "true"));
        TokenIssuer tokens = servers.tokens();
        int portA = servers.portA();
        int portB = servers.portB();
        try {
            String buyer = tokens.issue("991825827", List.of("skymarked:buyer"), Duration.ofMinutes(10));
            String editor = tokens.issue("991825827", List.of("skymarked:editor"), Duration.ofMinutes(10));
            send("POST", portA, "/v1/frameworks/oslo-digitale-tjenester-2/accessions", buyer, "{}");
            java.time.Instant clock = java.time.Instant.parse(Json.tree(send("GET", portA, "/dev/clock", null, null).body()).path("now").asText());
            for (int round = 0; round < 3; round++) {
                String callOff = Json.tree(send("POST", portA, "/v1/call-offs", buyer, "{\"frameworkId\": \"oslo-digitale-tjenester-2\","
                        + " \"lotId\": \"utviklingsmetodikk\", \"title\": \"Frist\", \"needDescription\": \"Test\","
                        + " \"estimatedHours\": [{\"roleId\": \"ARCHITECT\", \"hours\": \"1000\"}], \"requestedRoute\": \"MINI_COMPETITION\"}")
                        .body()).path("id").asText();
                java.time.Instant deadline = clock.plus(Duration.ofDays(14));
                assertThat(send("POST", portB, "/v1/call-offs/" + callOff + "/publication", buyer, "{\"tenderDeadline\": \"" + deadline
                        + "\", \"criteria\": [{\"criterionId\": \"price\", \"weight\": \"0.35\"}, {\"criterionId\": \"quality\","
                        + " \"weight\": \"0.35\"}, {\"criterionId\": \"environment\", \"weight\": \"0.30\"}], \"priceModel\": \"LINEAR\"}")
                        .statusCode(), is(200));
                String tender = "{\"rates\": [{\"roleId\": \"ARCHITECT\", \"hourlyRate\": {\"amount\": \"1000.00\", \"currency\": \"NOK\"}}],"
                        + " \"solutionDescription\": \"Forslag\"}";
                assertThat(send("PUT", portA, "/v1/call-offs/" + callOff + "/tenders/922000018",
                        tokens.issue("922000018", List.of("skymarked:supplier"), Duration.ofMinutes(10)), tender).statusCode(), is(201));
                assertThat(send("PUT", portB, "/v1/call-offs/" + callOff + "/tenders/922200009",
                        tokens.issue("922200009", List.of("skymarked:supplier"), Duration.ofMinutes(10)), tender).statusCode(), is(201));
                clock = deadline.plusSeconds(1);
                for (int port : new int[] {portA, portB}) {
                    send("PUT", port, "/dev/clock", editor, "{\"now\": \"" + clock + "\"}");
                }
                String late = tokens.issue("921900007", List.of("skymarked:supplier"), Duration.ofMinutes(10));
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<Integer>> calls = List.of(
                        CompletableFuture.supplyAsync(() -> call(go, "GET", portA, "/v1/call-offs/" + callOff, buyer, null)),
                        CompletableFuture.supplyAsync(() -> call(go, "GET", portB, "/v1/call-offs/" + callOff + "/tenders", buyer, null)),
                        CompletableFuture.supplyAsync(() -> call(go, "PUT", portA, "/v1/call-offs/" + callOff + "/tenders/921900007", late, tender)),
                        CompletableFuture.supplyAsync(() -> call(go, "GET", portB, "/v1/call-offs/" + callOff, buyer, null)));
                go.countDown();
                List<Integer> statuses = new java.util.ArrayList<>();
                for (var c : calls) {
                    statuses.add(c.get());
                }
                assertThat(statuses.toString(), statuses, is(List.of(200, 200, 409, 200)));
                var protocol = Json.tree(send("GET", portA, "/v1/call-offs/" + callOff + "/protocol", buyer, null).body());
                assertThat(protocol.path("verification").path("intact").asBoolean(), is(true));
                long opened = 0;
                for (var e : protocol.path("events")) {
                    opened += e.path("type").asText().equals("TENDERS_OPENED") ? 1 : 0;
                }
                assertThat(opened, is(1L));
                for (int port : new int[] {portA, portB}) {
                    var tenders = Json.tree(send("GET", port, "/v1/call-offs/" + callOff + "/tenders", buyer, null).body()).path("items");
                    assertThat(tenders.size(), is(2));
                    assertThat(tenders.get(0).path("solutionDescription").asText(), is("Forslag"));
                    assertThat(Json.tree(send("GET", port, "/v1/call-offs/" + callOff, buyer, null).body()).path("status").asText(), is("EVALUATION"));
                }
            }
        } finally {
            servers.stop();
        }
    }

    private static int call(CountDownLatch go, String method, int port, String path, String token, String body) {
        try {
            go.await();
            return send(method, port, path, token, body).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int answer(CountDownLatch go, int port, String path, String token, String body) {
        try {
            go.await();
            return send("POST", port, path, token, body).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two packaged servers on one database, trusting the same dev key. */
    private record Servers(Process a, Process b, int portA, int portB, TokenIssuer tokens, Database.Settings db) {
        static Servers start(Database.Settings db, java.util.Map<String, String> env) throws Exception {
            Path jar = Path.of("../server/target/skymarked-server.jar");
            Path dataA = Files.createTempDirectory("skymarked-race-a");
            Path dataB = Files.createTempDirectory("skymarked-race-b");
            DevKeys keys = DevKeys.loadOrCreate(dataA);
            Files.createDirectories(dataB.resolve("dev-keys"));
            Files.copy(dataA.resolve("dev-keys/signing-key.pk8"), dataB.resolve("dev-keys/signing-key.pk8"));
            int portA = freePort();
            Process a = TwoServersRaceTest.start(jar, dataA, portA, db, env);
            int portB = freePort();
            Process b = TwoServersRaceTest.start(jar, dataB, portB, db, env);
            return new Servers(a, b, portA, portB, new TokenIssuer(keys, AuthSettings.DEV_ISSUER, Clock.systemUTC()), db);
        }

        void stop() throws InterruptedException {
            a.destroyForcibly().waitFor();
            b.destroyForcibly().waitFor();
            Database.dropTestSchema(db);
        }
    }

    private static Process start(Path jar, Path dataDir, int port, Database.Settings db, java.util.Map<String, String> env) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("server-" + System.nanoTime() + ".log").toFile());
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("SKYMARKED_DATA_DIR", dataDir.toString());
        pb.environment().putAll(env);
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
