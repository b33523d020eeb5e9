package no.skymarked.calloff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Map;
import no.skymarked.MutableClock;
import no.skymarked.TestServerExtension;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A call-off keeps the framework terms in force when it was made (FOA § 26-1(5), § 28-2): an editor's amendment of
 * the rates while its cascade runs does not change the agreed value; a call-off made after the amendment uses it.
 */
class FrameworkTermsPinnedTest {
    private static final String DT2 = "oslo-digitale-tjenester-2";
    private static final String LOT = "programmering";
    /** The lot whose ranks one test changes, so that the other test's lot keeps its order. */
    private static final String OTHER_LOT = "arkitektur-og-sikkerhet";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension(CLOCK);

    private static String create(String buyer) {
        return create(buyer, LOT);
    }

    private static String create(String buyer, String lot) {
        return given().auth().oauth2(buyer).contentType("application/json").body("{\"frameworkId\": \"" + DT2 + "\", \"lotId\": \"" + lot
                        + "\", \"title\": \"Skjemaløsning\", \"needDescription\": \"Nytt søknadsskjema\", \"estimatedHours\": [{\"roleId\": \"DEVELOPER\", \"hours\": \"100\"}]}")
                .post("/v1/call-offs").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static String accept(String callOffId, String supplier) {
        String token = SERVER.server().token(supplier, "skymarked:supplier");
        String offer = given().auth().oauth2(token).get("/v1/call-offs/" + callOffId + "/offers").jsonPath().getString("items[0].id");
        given().auth().oauth2(token).contentType("application/json").body("{\"decision\": \"ACCEPT\"}")
                .post("/v1/call-offs/" + callOffId + "/offers/" + offer + "/response").then().statusCode(200);
        return given().auth().oauth2(token).get("/v1/call-offs/" + callOffId).jsonPath().getString("agreedValue.amount");
    }

    @Test
    void newRanksAndASuspensionDoNotReachARunningCascade() {
        String buyer = SERVER.server().token("974760673", "skymarked:buyer");
        given().auth().oauth2(buyer).post("/v1/frameworks/" + DT2 + "/accessions").then().statusCode(201);
        String editor = SERVER.server().token("983887457", "skymarked:editor");
        String running = create(buyer, OTHER_LOT);
        Response read = given().auth().oauth2(editor).get("/v1/frameworks/" + DT2);
        ObjectNode framework = (ObjectNode) Json.tree(read.asString());
        String rankOne = null;
        String rankTwo = null;
        for (var lot : framework.path("lots")) {
            if (lot.path("id").asText().equals(OTHER_LOT)) {
                for (var s : lot.path("suppliers")) {
                    int rank = s.path("rank").asInt();
                    if (rank == 2) {
                        rankTwo = s.path("orgNo").asText();
                        ((ObjectNode) s).put("status", "SUSPENDED").put("rank", 1);
                    } else if (rank == 1) {
                        rankOne = s.path("orgNo").asText();
                        ((ObjectNode) s).put("rank", 2);
                    }
                }
            }
        }
        given().auth().oauth2(editor).contentType("application/json").header("If-Match", read.header("ETag"))
                .queryParam("amendmentReason", "Leverandøren er suspendert; rangeringen er endret etter klage").body(Json.text(framework))
                .put("/v1/frameworks/" + DT2).then().statusCode(200);
        // the running cascade goes on in the order and with the statuses it started with: rank 1, then rank 2
        String first = SERVER.server().token(rankOne, "skymarked:supplier");
        String offer = given().auth().oauth2(first).get("/v1/call-offs/" + running + "/offers").then().statusCode(200)
                .body("items[0].rank", is(1)).extract().jsonPath().getString("items[0].id");
        given().auth().oauth2(first).contentType("application/json").body("{\"decision\": \"DECLINE\", \"reason\": \"NO_CAPACITY\"}")
                .post("/v1/call-offs/" + running + "/offers/" + offer + "/response").then().statusCode(200);
        given().auth().oauth2(SERVER.server().token(rankTwo, "skymarked:supplier")).get("/v1/call-offs/" + running + "/offers")
                .then().statusCode(200).body("items[0].rank", is(2)).body("items[0].status", is("PENDING"));
    }

    @Test
    void anAmendmentOfTheRatesDoesNotReachARunningCascade() {
        String buyer = SERVER.server().token("991825827", "skymarked:buyer");
        given().auth().oauth2(buyer).post("/v1/frameworks/" + DT2 + "/accessions").then().statusCode(201);
        String editor = SERVER.server().token("983887457", "skymarked:editor");
        Response read = given().auth().oauth2(editor).get("/v1/frameworks/" + DT2);
        int versionAtCallOff = Integer.parseInt(read.header("ETag").replaceAll("[^0-9]", ""));
        ObjectNode framework = (ObjectNode) Json.tree(read.asString());
        ObjectNode rankOne = null;
        for (var lot : framework.path("lots")) {
            if (lot.path("id").asText().equals(LOT)) {
                for (var s : lot.path("suppliers")) {
                    if (s.path("rank").asInt() == 1) {
                        rankOne = (ObjectNode) s;
                    }
                }
            }
        }
        String supplier = rankOne.path("orgNo").asText();
        ObjectNode developer = null;
        for (var r : rankOne.path("rates")) {
            if (r.path("roleId").asText().equals("DEVELOPER")) {
                developer = (ObjectNode) r.path("hourlyRate");
            }
        }
        java.math.BigDecimal before = new java.math.BigDecimal(developer.path("amount").asText());

        String running = create(buyer);
        developer.put("amount", "1300.00");
        given().auth().oauth2(editor).contentType("application/json").header("If-Match", read.header("ETag"))
                .queryParam("amendmentReason", "Ny prisregulering etter avtalens punkt 5").body(Json.text(framework))
                .put("/v1/frameworks/" + DT2).then().statusCode(200);

        assertThat(accept(running, supplier), is(before.multiply(new java.math.BigDecimal("100")).setScale(2).toPlainString()));
        JsonPath protocol = given().auth().oauth2(buyer).get("/v1/call-offs/" + running + "/protocol").jsonPath();
        Map<String, Object> route = protocol.getMap("events.find { it.type == 'ROUTE_DECIDED' }.payload");
        assertThat(route.get("frameworkVersion"), is(versionAtCallOff));

        String afterAmendment = create(buyer);
        assertThat(accept(afterAmendment, supplier), is("130000.00"));
    }
}
