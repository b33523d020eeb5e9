package no.skymarked.calloff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.skymarked.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Call-offs over HTTP with a controlled clock: route refusals, the ranked cascade, lapses, protocol, idempotency. */
class CallOffApiTest {
    private static final String DT2 = "oslo-digitale-tjenester-2";
    private static final String LOT = "programmering";
    /** Tuesday 1 December 2026, 09:00 in Oslo. */
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(START);
    @org.junit.jupiter.api.extension.RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension(CLOCK);
    private static List<String> ranked;
    private static String buyerToken;

    @BeforeAll
    static void start() {
        JsonPath fw = given().get("/v1/frameworks/" + DT2).jsonPath();
        ranked = fw.getList("lots.find { it.id == '" + LOT + "' }.suppliers.sort { it.rank }.orgNo");
        buyerToken = acceded("991825827");
    }

    private static String acceded(String orgNo) {
        String token = SERVER.server().token(orgNo, "skymarked:buyer");
        given().auth().oauth2(token).post("/v1/frameworks/" + DT2 + "/accessions").then().statusCode(201);
        return token;
    }

    private static String body(String hours, String extra) {
        return "{\"frameworkId\": \"" + DT2 + "\", \"lotId\": \"" + LOT + "\", \"title\": \"Ny innbyggertjeneste\","
                + " \"needDescription\": \"Utvikling av skjema for søknad om tilskudd\","
                + " \"estimatedHours\": [{\"roleId\": \"DEVELOPER\", \"hours\": \"" + hours + "\"}]" + extra + "}";
    }

    private static Response create(String token, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post("/v1/call-offs");
    }

    private static String supplier(int rank) {
        return SERVER.server().token(ranked.get(rank - 1), "skymarked:supplier");
    }

    private static String offerId(String callOffId, int rank) {
        return given().auth().oauth2(supplier(rank)).get("/v1/call-offs/" + callOffId + "/offers").jsonPath().getString("items[0].id");
    }

    @Test
    void directAwardCascadesFromRankOneToRankTwo() {
        String id = create(buyerToken, body("200", "")).then().statusCode(201)
                .body("route", is("DIRECT_AWARD")).body("routeReason", is("WITHIN_THRESHOLD")).body("status", is("OFFERED"))
                .extract().jsonPath().getString("id");
        given().auth().oauth2(supplier(2)).get("/v1/call-offs/" + id).then().statusCode(404);
        JsonPath offers = given().auth().oauth2(supplier(1)).get("/v1/call-offs/" + id + "/offers").jsonPath();
        assertThat(offers.getList("items.rank"), contains(1));
        assertThat(offers.getString("items[0].deadline"), is("2026-12-03T08:00:00Z"));
        assertThat(offers.getString("items[0].deadlineLocal"), is("2026-12-03T09:00:00+01:00"));

        given().auth().oauth2(supplier(1)).contentType("application/json").body("{\"decision\": \"DECLINE\", \"reason\": \"NO_CAPACITY\"}")
                .post("/v1/call-offs/" + id + "/offers/" + offers.getString("items[0].id") + "/response").then().statusCode(200)
                .body("status", is("OFFERED"));
        String second = offerId(id, 2);
        given().auth().oauth2(supplier(2)).contentType("application/json").body("{\"decision\": \"ACCEPT\"}")
                .post("/v1/call-offs/" + id + "/offers/" + second + "/response").then().statusCode(200)
                .body("status", is("AWARDED")).body("awardedSupplierOrgNo", is(ranked.get(1)));

        BigDecimal rate = new BigDecimal(given().auth().oauth2(buyerToken).get("/v1/frameworks/" + DT2 + "/price-lists").jsonPath()
                .getString("lots.find { it.lotId == '" + LOT + "' }.suppliers.find { it.orgNo == '" + ranked.get(1)
                        + "' }.rates.find { it.roleId == 'DEVELOPER' }.hourlyRate.amount"));
        given().auth().oauth2(buyerToken).get("/v1/call-offs/" + id).then().statusCode(200)
                .body("agreedValue.amount", is(rate.multiply(new BigDecimal("200")).setScale(2).toPlainString()));
        JsonPath protocol = given().auth().oauth2(buyerToken).get("/v1/call-offs/" + id + "/protocol").then().statusCode(200)
                .extract().jsonPath();
        assertThat(protocol.getBoolean("verification.intact"), is(true));
        assertThat(protocol.getList("events.type"), contains("CALL_OFF_CREATED", "ROUTE_DECIDED", "OFFERED", "DECLINED", "OFFERED",
                "ACCEPTED", "AWARDED"));
        assertThat(protocol.getString("events[3].actor"), containsString(ranked.get(0)));
        given().auth().oauth2(supplier(1)).get("/v1/call-offs/" + id + "/protocol").then().statusCode(403);
    }

    @Test
    void exactlyTheThresholdIsDirectAndOneHundredthMoreIsRefused() {
        create(buyerToken, body("250.00", "")).then().statusCode(201).body("route", is("DIRECT_AWARD"));
        create(buyerToken, body("250.01", "")).then().statusCode(422).contentType("application/problem+json")
                .body("type", is("/problems/threshold-requires-mini-competition"));
        create(buyerToken, body("251", ", \"requestedRoute\": \"MINI_COMPETITION\"")).then().statusCode(201)
                .body("route", is("MINI_COMPETITION")).body("status", is("DRAFT"));
    }

    @Test
    void severalRolesAreSummedAgainstTheThreshold() {
        String twoRoles = body("150", "").replace("]", ", {\"roleId\": \"ARCHITECT\", \"hours\": \"120\"}]");
        create(buyerToken, twoRoles).then().statusCode(422).body("type", is("/problems/threshold-requires-mini-competition"));
    }

    @Test
    void estimateInDaysIsConvertedWithTheFrameworkHoursPerDay() {
        create(buyerToken, body("1", "").replace("\"hours\": \"1\"", "\"days\": \"10\"")).then().statusCode(201)
                .body("totalHours", is("75")).body("estimatedHours[0].days", is("10")).body("estimatedHours[0].hours", is("75"));
        create(buyerToken, body("1", "").replace("\"hours\": \"1\"", "\"days\": \"34\"")).then().statusCode(422)
                .body("type", is("/problems/threshold-requires-mini-competition"));
    }

    @Test
    void aCallOffKeepsTheServiceVersionsItsBuyerSaw() {
        create(buyerToken, body("8", ", \"serviceVersions\": [{\"serviceId\": \"kodeverket-utvikling\", \"version\": 1}]"))
                .then().statusCode(201).body("serviceVersions[0].serviceId", is("kodeverket-utvikling")).body("serviceVersions[0].version", is(1));
        create(buyerToken, body("8", ", \"serviceVersions\": [{\"serviceId\": \"kodeverket-utvikling\", \"version\": 7}]"))
                .then().statusCode(422).body("type", is("/problems/service-version-unknown")).body("errors[0].pointer", is("/serviceVersions/0"));
    }

    @Test
    void anAgencyCallsOffOnlyForItself() {
        create(buyerToken, body("10", ", \"buyerOrgNo\": \"974760673\"")).then().statusCode(403)
                .contentType("application/problem+json");
        create(buyerToken, body("10", ", \"buyerOrgNo\": \"991825827\"")).then().statusCode(201);
    }

    @Test
    void exceptionNeedsBothConditions() {
        create(buyerToken, body("400", ", \"exception\": {\"unforeseeable\": true, \"justification\": \"Brann i datasenter\"}"))
                .then().statusCode(422).body("type", is("/problems/exception-conditions-not-met"));
        create(buyerToken, body("400", ", \"exception\": {\"unforeseeable\": true, \"security\": true, \"justification\": \"Angrep\"}"))
                .then().statusCode(201).body("route", is("DIRECT_AWARD")).body("routeReason", is("EXCEPTION"));
    }

    @Test
    void miniCompetitionBelowTheThresholdNeedsAReason() {
        create(buyerToken, body("100", ", \"requestedRoute\": \"MINI_COMPETITION\"")).then().statusCode(422)
                .body("type", is("/problems/mini-competition-reason-required")).body("errors[0].pointer", is("/miniCompetitionReason"));
    }

    @Test
    void refusalsHaveTheirOwnTypes() {
        String notAcceded = SERVER.server().token("983887457", "skymarked:buyer");
        create(notAcceded, body("10", "")).then().statusCode(422).body("type", is("/problems/agency-not-acceded"));
        create(buyerToken, body("10", "").replace("DEVELOPER", "ASTRONAUT")).then().statusCode(422)
                .body("type", is("/problems/role-not-in-price-list")).body("errors[0].pointer", is("/estimatedHours/0/roleId"));
        create(buyerToken, body("0", "")).then().statusCode(422).body("type", is("/problems/invalid-estimate"));
        create(buyerToken, body("-5", "")).then().statusCode(422).body("type", is("/problems/invalid-estimate"));
        create(buyerToken, body("ten", "")).then().statusCode(422).body("errors[0].pointer", is("/estimatedHours/0/hours"));
        create(buyerToken, body("10", "").replace(LOT, "nope")).then().statusCode(422).body("type", is("/problems/lot-unknown"));
        create(buyerToken, "{}").then().statusCode(422).body("errors.pointer", hasItem("/frameworkId"));
        String huge = body("99000", ", \"requestedRoute\": \"MINI_COMPETITION\"").replace("\"DEVELOPER\"", "\"SENIOR_DEVELOPER\"");
        create(buyerToken, huge).then().statusCode(201);
        create(buyerToken, huge).then().statusCode(422).body("type", is("/problems/max-value-exceeded"));
        create(SERVER.server().token("991825827", "skymarked:supplier"), body("10", "")).then().statusCode(403);
    }

    @Test
    void lapsedDeadlineMovesToTheNextRankWithoutAnyoneCalling() {
        String id = create(buyerToken, body("40", "")).jsonPath().getString("id");
        String first = offerId(id, 1);
        CLOCK.advance(Duration.ofDays(2).plusSeconds(1));
        try {
            given().auth().oauth2(supplier(1)).contentType("application/json").body("{\"decision\": \"ACCEPT\"}")
                    .post("/v1/call-offs/" + id + "/offers/" + first + "/response").then().statusCode(409)
                    .body("type", is("/problems/response-after-deadline"));
            // tokens are checked against the same clock: make one that is valid two days later
            JsonPath offers = given().auth().oauth2(SERVER.server().token("991825827", "skymarked:buyer"))
                    .get("/v1/call-offs/" + id + "/offers").then().statusCode(200).extract().jsonPath();
            assertThat(offers.getList("items.status"), contains("LAPSED", "PENDING"));
            assertThat(offers.getList("items.rank"), contains(1, 2));
        } finally {
            CLOCK.set(START);
        }
    }

    @Test
    void theSchedulerAppliesALapsedDeadlineWithoutAnyRequest() throws Exception {
        String id = create(buyerToken, body("35", "")).jsonPath().getString("id");
        CLOCK.advance(Duration.ofDays(3));
        try {
            String outcome = null;
            for (int i = 0; i < 50 && !"LAPSED".equals(outcome); i++) {
                Thread.sleep(100);
                outcome = SERVER.server().running().context().db().execute()
                        .get("select outcome from offer where call_off_id = ? and rank_no = 1", id)
                        .map(r -> r.column("outcome").get(String.class)).orElse(null);
            }
            assertThat(outcome, is("LAPSED"));
            long pendingSecond = SERVER.server().running().context().db().execute()
                    .get("select count(*) as n from offer where call_off_id = ? and rank_no = 2 and outcome = 'PENDING'", id)
                    .map(r -> r.column("n").get(Long.class)).orElse(0L);
            assertThat(pendingSecond, is(1L));
        } finally {
            CLOCK.set(START);
        }
    }

    @Test
    void everyoneDecliningExhaustsTheCascade() {
        String id = create(buyerToken, body("30", "")).jsonPath().getString("id");
        for (int rank = 1; rank <= ranked.size(); rank++) {
            given().auth().oauth2(supplier(rank)).contentType("application/json")
                    .body("{\"decision\": \"DECLINE\", \"reason\": \"CANNOT_MEET_REQUIREMENTS\"}")
                    .post("/v1/call-offs/" + id + "/offers/" + offerId(id, rank) + "/response").then().statusCode(200);
        }
        given().auth().oauth2(buyerToken).get("/v1/call-offs/" + id).then().body("status", is("CASCADE_EXHAUSTED"));
        given().auth().oauth2(supplier(1)).contentType("application/json").body("{\"decision\": \"DECLINE\", \"reason\": \"PREFERENCE\"}")
                .post("/v1/call-offs/" + id + "/offers/x/response").then().statusCode(422).body("errors[0].pointer", is("/reason"));
    }

    @Test
    void splittingAcrossNinetyDaysIsFlagged() {
        String token = acceded("974760673");
        create(token, body("150", "")).then().statusCode(201).body("flags", not(hasItem("SPLITTING_SUSPECTED")));
        String id = create(token, body("150", "")).then().statusCode(201).body("flags", hasItem("SPLITTING_SUSPECTED"))
                .extract().jsonPath().getString("id");
        assertThat(given().auth().oauth2(token).get("/v1/call-offs/" + id + "/protocol").jsonPath().getList("events.type"),
                hasItem("SPLITTING_CHECKED"));
    }

    @Test
    void idempotencyKeyGivesTheSameResponseAndRefusesAnotherBody() {
        String token = acceded("889640782");
        Response first = given().auth().oauth2(token).header("Idempotency-Key", "k-1").contentType("application/json")
                .body(body("12", "")).post("/v1/call-offs");
        first.then().statusCode(201);
        given().auth().oauth2(token).header("Idempotency-Key", "k-1").contentType("application/json").body(body("12", ""))
                .post("/v1/call-offs").then().statusCode(201).body("id", is(first.jsonPath().getString("id")))
                .header("Location", is(first.getHeader("Location"))).header("Idempotent-Replayed", is("true"));
        // the answer shows the instant as it is kept: a later read gives the same createdAt
        given().auth().oauth2(token).get(first.getHeader("Location")).then().statusCode(200)
                .body("createdAt", is(first.jsonPath().getString("createdAt")));
        given().auth().oauth2(token).header("Idempotency-Key", "k-1").contentType("application/json").body(body("13", ""))
                .post("/v1/call-offs").then().statusCode(422).body("type", is("/problems/idempotency-key-reused"));
        assertThat(given().auth().oauth2(token).get("/v1/call-offs").jsonPath().getList("items").size(), is(1));
    }

    @Test
    void tamperedProtocolRowIsDetected() {
        String id = create(buyerToken, body("20", "")).jsonPath().getString("id");
        SERVER.server().running().context().db().execute()
                .update("update protocol_event set payload = replace(payload, '20', '2') where call_off_id = ? and seq = 1", id);
        JsonPath protocol = given().auth().oauth2(SERVER.server().token("983887457", "skymarked:auditor"))
                .get("/v1/call-offs/" + id + "/protocol").jsonPath();
        assertThat(protocol.getBoolean("verification.intact"), is(false));
        assertThat(protocol.getInt("verification.brokenAtSeq"), is(1));
        assertThat(protocol.getMap("verification"), org.hamcrest.Matchers.hasKey("problem"));
        Map<String, Object> unused = Map.of();
        assertThat(unused.isEmpty(), is(true));
    }
}
