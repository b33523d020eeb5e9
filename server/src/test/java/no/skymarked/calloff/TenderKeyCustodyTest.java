package no.skymarked.calloff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import no.skymarked.MutableClock;
import no.skymarked.TestServer;
import no.skymarked.shared.Database;
import org.junit.jupiter.api.Test;

/**
 * Key custody for sealed tenders (issue 13, point 4): a tender sealed by one server is opened by another that
 * shares only the database and the key-encryption key (its own data directory, no key files of the first); a
 * server with another key-encryption key gets a 503 problem, not the content and not a 500. Runs on the test
 * database of the build: in-memory H2 shared by name within the JVM, or one PostgreSQL schema
 * ({@code -Dskymarked.test.db=postgresql}).
 */
class TenderKeyCustodyTest {
    private static final String DT2 = "oslo-digitale-tjenester-2";
    private static final String BUYER = "991825827";
    private static final String A = "922000018";
    private static final String SECRET = "Løsning som bare åpnes med nøkkelkrypteringsnøkkelen";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    @Test
    void aTenderSealedByOneServerOpensOnAnotherWithTheSameKekAndNotWithAnother() {
        Database.Settings database = Database.forTest("custody-" + UUID.randomUUID());
        Path kek = TestServer.newKek();
        TestServer sealer = TestServer.start(clock, database, kek);
        String id;
        Instant deadline = clock.instant().plus(Duration.ofDays(14));
        try {
            id = sealAtOneServer(sealer, deadline);
        } finally {
            sealer.stopKeepingDatabase();
        }
        clock.set(deadline);
        TestServer stranger = TestServer.start(clock, database, TestServer.newKek());
        try {
            Response refused = as(stranger, stranger.token(BUYER, "skymarked:buyer")).get("/v1/call-offs/" + id + "/tenders/" + A);
            refused.then().statusCode(503).contentType("application/problem+json").body("type", is("/problems/tender-key-unavailable"))
                    .body("detail", containsString("skymarked.tenders.kek.file"));
            assertThat(refused.asString(), not(containsString(SECRET)));
            assertThat(no.skymarked.SpecContract.problems("getTender", 503, refused.asString()), is(java.util.List.of()));
        } finally {
            stranger.stopKeepingDatabase();
        }
        TestServer opener = TestServer.start(clock, database, kek);
        try {
            String buyer = opener.token(BUYER, "skymarked:buyer");
            as(opener, buyer).get("/v1/call-offs/" + id + "/tenders/" + A).then().statusCode(200)
                    .body("solutionDescription", is(SECRET));
            JsonPath protocol = as(opener, buyer).get("/v1/call-offs/" + id + "/protocol").jsonPath();
            assertThat(protocol.getList("events.type"), hasItem("TENDER_KEY_UNWRAPPED"));
            assertThat(protocol.getString("events.find { it.type == 'TENDER_KEY_UNWRAPPED' }.payload.kekId"), startsWith("aes256gcm:"));
        } finally {
            opener.stop();
        }
    }

    private String sealAtOneServer(TestServer server, Instant deadline) {
        String buyer = server.token(BUYER, "skymarked:buyer");
        as(server, buyer).post("/v1/frameworks/" + DT2 + "/accessions").then().statusCode(201);
        String id = as(server, buyer).contentType("application/json").body("{\"frameworkId\": \"" + DT2 + "\","
                + " \"lotId\": \"utviklingsmetodikk\", \"title\": \"Nøkkelforvaltning\", \"needDescription\": \"Arkitektur\","
                + " \"estimatedHours\": [{\"roleId\": \"ARCHITECT\", \"hours\": \"1000\"}], \"requestedRoute\": \"MINI_COMPETITION\"}")
                .post("/v1/call-offs").then().statusCode(201).extract().jsonPath().getString("id");
        as(server, buyer).contentType("application/json").body("{\"tenderDeadline\": \"" + deadline + "\", \"criteria\": ["
                + "{\"criterionId\": \"price\", \"weight\": \"0.20\"}, {\"criterionId\": \"quality\", \"weight\": \"0.50\"},"
                + " {\"criterionId\": \"environment\", \"weight\": \"0.30\"}], \"priceModel\": \"LINEAR\"}")
                .post("/v1/call-offs/" + id + "/publication").then().statusCode(200);
        as(server, server.token(A, "skymarked:supplier")).contentType("application/json")
                .body("{\"rates\": [{\"roleId\": \"ARCHITECT\", \"hourlyRate\": {\"amount\": \"1200.00\", \"currency\": \"NOK\"}}],"
                        + " \"solutionDescription\": \"" + SECRET + "\"}")
                .put("/v1/call-offs/" + id + "/tenders/" + A).then().statusCode(201);
        return id;
    }

    private static RequestSpecification as(TestServer server, String token) {
        return given().port(server.port()).auth().oauth2(token);
    }
}
