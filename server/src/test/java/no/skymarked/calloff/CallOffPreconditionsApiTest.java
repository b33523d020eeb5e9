package no.skymarked.calloff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import no.skymarked.MutableClock;
import no.skymarked.TestServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Call-offs refused by what must hold before one is made or awarded: the framework in force (E14), an accession to
 * the lot called off (E17), and a mini-competition that ended without a tender it could award (E11, E13).
 */
class CallOffPreconditionsApiTest {
    private static final String DT2 = "oslo-digitale-tjenester-2";
    /** Tuesday 1 December 2026, 09:00 in Oslo. DT2 runs 28 April 2026 to 27 April 2027 with no option exercised. */
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(START);
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension(CLOCK);

    @BeforeEach
    void startOfTheDay() {
        CLOCK.set(START);
    }

    /** Tokens are made at the controlled clock's time, so they are valid wherever a test moves it. */
    private static String buyer(String orgNo) {
        return SERVER.server().token(orgNo, "skymarked:buyer");
    }

    private static Response create(String token, String lot, String hours, String extra) {
        return given().auth().oauth2(token).contentType("application/json").body("{\"frameworkId\": \"" + DT2 + "\", \"lotId\": \"" + lot
                + "\", \"title\": \"Innbyggertjeneste " + hours + " " + lot + "\", \"needDescription\": \"Behov " + lot + " " + hours + "\","
                + " \"estimatedHours\": [{\"roleId\": \"ARCHITECT\", \"hours\": \"" + hours + "\"}]" + extra + "}").post("/v1/call-offs");
    }

    @Test
    void aCallOffAfterTheFrameworkEndedIsRefused_E14() {
        String agency = "889640782";
        given().auth().oauth2(buyer(agency)).post("/v1/frameworks/" + DT2 + "/accessions").then().statusCode(201);
        CLOCK.set(Instant.parse("2027-04-27T21:00:00Z"));  // 27 April 2027, 23:00 in Oslo: the framework's last day
        create(buyer(agency), "programmering", "10", "").then().statusCode(201);
        CLOCK.set(Instant.parse("2027-04-27T22:00:00Z"));  // 28 April 2027, 00:00 in Oslo: the day after its end
        create(buyer(agency), "programmering", "11", "").then().statusCode(422).contentType("application/problem+json")
                .body("type", is("/problems/framework-not-active")).body("errors[0].pointer", is("/frameworkId"))
                .body("detail", containsString("runs 2026-04-28 to 2027-04-27; today is 2027-04-28"));
    }

    @Test
    void anAccessionToAnotherLotDoesNotLetTheAgencyCallOff_E17() {
        String agency = "958935404";
        given().auth().oauth2(buyer(agency)).contentType("application/json").body("{\"lots\": [\"programmering\"]}")
                .post("/v1/frameworks/" + DT2 + "/accessions").then().statusCode(201);
        create(buyer(agency), "utviklingsmetodikk", "10", "").then().statusCode(422).contentType("application/problem+json")
                .body("type", is("/problems/agency-not-acceded")).body("errors[0].pointer", is("/frameworkId"))
                .body("detail", containsString("no valid accession to lot 'utviklingsmetodikk'"));
        create(buyer(agency), "programmering", "10", "").then().statusCode(201);
    }

    @Test
    void aCompetitionWithoutATenderToAwardIsNeverAwardedAndIsCancelledWithAReason_E11_E13() {
        String agency = "991825827";
        String token = buyer(agency);
        given().auth().oauth2(token).post("/v1/frameworks/" + DT2 + "/accessions").then().statusCode(201);
        String id = create(token, "utviklingsmetodikk", "1000", ", \"requestedRoute\": \"MINI_COMPETITION\"").then().statusCode(201)
                .extract().jsonPath().getString("id");
        Instant deadline = CLOCK.instant().plus(Duration.ofDays(14));
        given().auth().oauth2(token).contentType("application/json").body("{\"tenderDeadline\": \"" + deadline + "\", \"criteria\": ["
                + "{\"criterionId\": \"price\", \"weight\": \"0.35\"}, {\"criterionId\": \"quality\", \"weight\": \"0.35\"},"
                + " {\"criterionId\": \"environment\", \"weight\": \"0.30\"}], \"priceModel\": \"LINEAR\"}")
                .post("/v1/call-offs/" + id + "/publication").then().statusCode(200);
        CLOCK.set(deadline);
        String later = buyer(agency);
        given().auth().oauth2(later).get("/v1/call-offs/" + id).then().body("status", is("UNSUCCESSFUL"))
                .body("unsuccessful.reason", is("NO_TENDERS"));
        given().auth().oauth2(later).contentType("application/json").body("{\"reasons\": \"Ingen tilbud\", \"evidenceReceived\": true}")
                .post("/v1/call-offs/" + id + "/award").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(later).get("/v1/call-offs/" + id).then().body("status", is("UNSUCCESSFUL"));
        given().auth().oauth2(later).contentType("application/json").body("{}").post("/v1/call-offs/" + id + "/cancellation")
                .then().statusCode(422).body("errors[0].pointer", is("/reason"));
        given().auth().oauth2(later).contentType("application/json").body("{\"reason\": \"Ingen tilbud; behovet dekkes ved ny konkurranse\"}")
                .post("/v1/call-offs/" + id + "/cancellation").then().statusCode(200).body("status", is("CANCELLED"))
                .body("cancellation.reason", containsString("Ingen tilbud"));
    }
}
