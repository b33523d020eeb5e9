package no.skymarked.calloff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import no.skymarked.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Norwegian working-day calendar as the API user sees it (domain rules §6.6): tender deadlines only on working
 * days, with the next one suggested; the voluntary standstill as a period under Reg. 1182/71 (Art. 3(4), 3(5));
 * cascade offers due on a working day over Christmas (E23).
 */
class CalendarApiTest {
    private static final String DT2 = "oslo-digitale-tjenester-2";
    private static final String A = "922000018";
    private static final String B = "922200009";
    private static final String C = "921900007";
    /** Tuesday 1 December 2026, 09:00 in Oslo. */
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(START);
    @org.junit.jupiter.api.extension.RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension(CLOCK);

    @BeforeAll
    static void accede() {
        given().auth().oauth2(buyer()).post("/v1/frameworks/" + DT2 + "/accessions").then().statusCode(201);
    }

    @BeforeEach
    void startOfTheDay() {
        CLOCK.set(START);
    }

    private static String buyer() {
        return SERVER.server().token("991825827", "skymarked:buyer");
    }

    private static String supplier(String orgNo) {
        return SERVER.server().token(orgNo, "skymarked:supplier");
    }

    private static String draft() {
        return given().auth().oauth2(buyer()).contentType("application/json").body("{\"frameworkId\": \"" + DT2 + "\","
                + " \"lotId\": \"utviklingsmetodikk\", \"title\": \"Ny saksbehandlingsløsning\", \"needDescription\": \"Arkitektur\","
                + " \"estimatedHours\": [{\"roleId\": \"ARCHITECT\", \"hours\": \"1000\"}], \"requestedRoute\": \"MINI_COMPETITION\"}")
                .post("/v1/call-offs").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static String terms(String deadline, String priceWeight, String extra) {
        return "{\"tenderDeadline\": \"" + deadline + "\", \"criteria\": [{\"criterionId\": \"price\", \"weight\": \"" + priceWeight
                + "\"}, {\"criterionId\": \"quality\", \"weight\": \"0.50\"}, {\"criterionId\": \"environment\", \"weight\": \"0.30\"}],"
                + " \"priceModel\": \"LINEAR\"" + extra + "}";
    }

    private static Response publish(String id, String body) {
        return given().auth().oauth2(buyer()).contentType("application/json").body(body).post("/v1/call-offs/" + id + "/publication");
    }

    private static void tender(String id, String orgNo, String rate) {
        given().auth().oauth2(supplier(orgNo)).contentType("application/json")
                .body("{\"rates\": [{\"roleId\": \"ARCHITECT\", \"hourlyRate\": {\"amount\": \"" + rate + "\", \"currency\": \"NOK\"}}],"
                        + " \"solutionDescription\": \"Løsning fra " + orgNo + "\"}")
                .put("/v1/call-offs/" + id + "/tenders/" + orgNo).then().statusCode(201);
    }

    private static String scores(String org, String quality, String environment) {
        return "{\"supplierOrgNo\": \"" + org + "\", \"scores\": [{\"criterionId\": \"quality\", \"score\": \"" + quality
                + "\", \"reason\": \"Vurdert\"}, {\"criterionId\": \"environment\", \"score\": \"" + environment
                + "\", \"reason\": \"Vurdert\"}]}";
    }

    @Test
    void aTenderDeadlineOnChristmasDayIsRefusedWithTheNextWorkingDaySuggested() {
        String id = draft();
        publish(id, terms("2026-12-25T12:00", "0.20", "")).then().statusCode(422).contentType("application/problem+json")
                .body("type", is("/problems/deadline-not-a-working-day"))
                .body("errors.pointer", contains("/tenderDeadline"))
                .body("suggestedDeadline", is("2026-12-28T11:00:00Z"))
                .body("detail", containsString("Friday 25 December 2026, a public holiday (1. juledag)"))
                .body("detail", containsString("2026-12-28T12:00:00+01:00"));
        // a date alone is 12:00 Oslo time: Saturday 26 December (2. juledag) → Monday 28 December 12:00
        publish(id, terms("2026-12-26", "0.20", "")).then().statusCode(422)
                .body("type", is("/problems/deadline-not-a-working-day")).body("suggestedDeadline", is("2026-12-28T11:00:00Z"));
        // an instant with an offset on an ordinary Saturday → Monday, same Oslo time
        publish(id, terms("2026-12-12T15:30:00+01:00", "0.20", "")).then().statusCode(422)
                .body("suggestedDeadline", is("2026-12-14T14:30:00Z")).body("detail", containsString("Saturday 12 December 2026"));
        // listed with other problems, the suggestion is still there
        publish(id, terms("2026-12-25T12:00", "0.45", "")).then().statusCode(422)
                .body("type", is("/problems/invalid-publication")).body("errors.pointer", hasItem("/tenderDeadline"))
                .body("errors.pointer", hasItem("/criteria")).body("suggestedDeadline", is("2026-12-28T11:00:00Z"));
        // a deadline on a working day carries no suggestion
        publish(id, terms("2026-12-28T12:00", "0.45", "")).then().statusCode(422).body("suggestedDeadline", nullValue());
        // the suggestion is accepted as it is
        publish(id, terms("2026-12-28T11:00:00Z", "0.20", "")).then().statusCode(200)
                .body("competition.tenderDeadline", is("2026-12-28T11:00:00Z"))
                .body("competition.tenderDeadlineLocal", is("2026-12-28T12:00:00+01:00"));
    }

    /**
     * The vector moved to Easter 2027 (the demo framework starts 28 April 2026, after Easter 2026): an award
     * notice sent on Wednesday 24 March 2027 with a 2-day standstill. The two days are skjærtorsdag and langfredag;
     * Art. 3(4) moves the end past Saturday, Easter Sunday and Easter Monday to the end of Tuesday 30 March, which
     * gives one working day only; Art. 3(5) extends it to the end of Wednesday 31 March (midnight Oslo, CEST).
     */
    @Test
    void aTwoDayStandstillOverEasterEndsOnlyWhenItContainsTwoWorkingDays() {
        CLOCK.set(Instant.parse("2027-03-08T09:00:00Z")); // Monday 8 March 2027, 10:00 Oslo
        String id = draft();
        publish(id, terms("2027-03-24T12:00", "0.20", ", \"voluntaryStandstillDays\": 2")).then().statusCode(200);
        tender(id, A, "1200.00");
        tender(id, B, "1000.00");
        tender(id, C, "1500.00");
        CLOCK.set(Instant.parse("2027-03-24T11:00:00Z")); // the deadline: Wednesday 24 March 2027, 12:00 Oslo
        given().auth().oauth2(buyer()).contentType("application/json")
                .body("{\"tenders\": [" + scores(A, "7", "6") + "," + scores(B, "5", "8") + "," + scores(C, "9", "9") + "]}")
                .put("/v1/call-offs/" + id + "/evaluation").then().statusCode(200);
        JsonPath award = given().auth().oauth2(buyer()).contentType("application/json")
                .body("{\"reasons\": \"Best på kvalitet og miljø\", \"evidenceReceived\": true}")
                .post("/v1/call-offs/" + id + "/award").then().statusCode(200).extract().jsonPath();
        assertThat(award.getString("award.standstillEndsAt"), is("2027-03-31T22:00:00Z"));
        assertThat(award.getString("award.standstillEndsAtLocal"), is("2027-04-01T00:00:00+02:00"));
        assertThat(given().auth().oauth2(supplier(A)).get("/v1/call-offs/" + id + "/notices").jsonPath()
                .getString("items[0].standstillEndsAt"), is("2027-03-31T22:00:00Z"));

        CLOCK.set(Instant.parse("2027-03-31T12:00:00Z")); // Wednesday 31 March: the second working day is still running
        String now = "{\"buyerSignedAt\": \"" + CLOCK.instant() + "\", \"supplierSignedAt\": \"" + CLOCK.instant() + "\"}";
        given().auth().oauth2(buyer()).contentType("application/json").body(now).post("/v1/call-offs/" + id + "/contract")
                .then().statusCode(409).body("type", is("/problems/standstill-running"))
                .body("detail", containsString("2027-04-01T00:00:00+02:00"));
        CLOCK.set(Instant.parse("2027-03-31T22:00:00Z"));
        String end = "{\"buyerSignedAt\": \"" + CLOCK.instant() + "\", \"supplierSignedAt\": \"" + CLOCK.instant() + "\"}";
        given().auth().oauth2(buyer()).contentType("application/json").body(end).post("/v1/call-offs/" + id + "/contract")
                .then().statusCode(200).body("status", is("CONTRACTED"));
    }

    /** E23: rank 1 is asked on Wednesday 23 December 2026; its two working days are 24 and 28 December. */
    @Test
    void aCascadeOfferOverChristmasIsDueOnAWorkingDayAndLapsesOnlyThen_E23() {
        CLOCK.set(Instant.parse("2026-12-23T08:00:00Z")); // Wednesday 23 December 2026, 09:00 Oslo
        List<String> ranked = given().get("/v1/frameworks/" + DT2).jsonPath()
                .getList("lots.find { it.id == 'programmering' }.suppliers.sort { it.rank }.orgNo");
        String id = given().auth().oauth2(buyer()).contentType("application/json").body("{\"frameworkId\": \"" + DT2 + "\","
                + " \"lotId\": \"programmering\", \"title\": \"Julekalender\", \"needDescription\": \"Liten endring i skjema\","
                + " \"estimatedHours\": [{\"roleId\": \"DEVELOPER\", \"hours\": \"20\"}]}").post("/v1/call-offs")
                .then().statusCode(201).body("status", is("OFFERED")).extract().jsonPath().getString("id");
        JsonPath first = given().auth().oauth2(supplier(ranked.get(0))).get("/v1/call-offs/" + id + "/offers").jsonPath();
        assertThat(first.getString("items[0].deadline"), is("2026-12-28T08:00:00Z"));
        assertThat(first.getString("items[0].deadlineLocal"), is("2026-12-28T09:00:00+01:00"));

        CLOCK.set(Instant.parse("2026-12-26T11:00:00Z")); // Saturday 26 December (2. juledag): still rank 1's offer
        assertThat(given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/offers").jsonPath().getList("items.status"),
                contains("PENDING"));
        CLOCK.set(Instant.parse("2026-12-28T08:00:01Z")); // one second after the deadline: rank 2 is asked
        JsonPath offers = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/offers").jsonPath();
        assertThat(offers.getList("items.status"), contains("LAPSED", "PENDING"));
        assertThat(offers.getString("items[1].deadlineLocal"), startsWith("2026-12-30T09:00")); // Tuesday 29, Wednesday 30
    }
}
