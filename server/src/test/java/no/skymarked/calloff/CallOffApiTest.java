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

    /**
     * A call-off in the lot for a need of its own: its title and need description share no more than two words with
     * any other's, so the splitting check (which adds up one agency's direct call-offs for the same need) leaves it be.
     */
    private static String body(String hours, String extra) {
        String need = java.util.UUID.randomUUID().toString();
        return body(LOT, "Innbyggertjeneste " + need, "Behov " + need, hours, extra);
    }

    private static String body(String lot, String title, String need, String hours, String extra) {
        return "{\"frameworkId\": \"" + DT2 + "\", \"lotId\": \"" + lot + "\", \"title\": \"" + title + "\","
                + " \"needDescription\": \"" + need + "\","
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
                .body("type", is("/problems/threshold-requires-mini-competition"))
                .body("detail", containsString("set \"requestedRoute\": \"MINI_COMPETITION\""));
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
        create(buyerToken, body("400", ", \"exception\": {\"unforeseeable\": true, \"security\": true, \"justification\": \"Angrep\","
                + " \"approvedBy\": \"kari.nordmann@etat.no\", \"followUpPlan\": \"Minikonkurranse for videre drift\"}"))
                .then().statusCode(201).body("route", is("DIRECT_AWARD")).body("routeReason", is("EXCEPTION"));
    }

    private static String exception(String members) {
        return ", \"exception\": {\"unforeseeable\": true, \"security\": true, \"justification\": \"Løsepengevirus i fagsystemet\""
                + members + "}";
    }

    @Test
    void anExceptionNeedsAnotherPersonsApprovalAndAFollowUpPlan() {
        String ola = SERVER.server().tokenAs("ola.nordmann@etat.no", "991825827", "skymarked:buyer");
        String plan = ", \"followUpPlan\": \"Minikonkurranse for videre drift innen tre måneder\"";
        create(ola, body("400", exception(plan))).then().statusCode(422).contentType("application/problem+json")
                .body("type", is("/problems/exception-approval-required")).body("errors[0].pointer", is("/exception/approvedBy"));
        create(ola, body("400", exception(plan + ", \"approvedBy\": \"Ola.Nordmann@etat.no\""))).then().statusCode(422)
                .body("type", is("/problems/approver-is-requester")).body("errors[0].pointer", is("/exception/approvedBy"))
                .body("detail", containsString("another person of the agency"));
        create(ola, body("400", exception(", \"approvedBy\": \"kari.nordmann@etat.no\""))).then().statusCode(422)
                .body("type", is("/problems/exception-follow-up-plan-required")).body("errors[0].pointer", is("/exception/followUpPlan"));
        String id = create(ola, body("400", exception(plan + ", \"approvedBy\": \"kari.nordmann@etat.no\""))).then().statusCode(201)
                .body("routeReason", is("EXCEPTION")).body("exception.approvedBy", is("kari.nordmann@etat.no"))
                .body("exception.followUpPlan", containsString("Minikonkurranse")).body("flags", hasItem("EXCEPTION_ABOVE_THRESHOLD"))
                .extract().jsonPath().getString("id");
        JsonPath protocol = given().auth().oauth2(ola).get("/v1/call-offs/" + id + "/protocol").jsonPath();
        assertThat(protocol.getString("events.find { it.type == 'ROUTE_DECIDED' }.payload.exception.approvedBy"), is("kari.nordmann@etat.no"));
        assertThat(protocol.getString("events.find { it.type == 'ROUTE_DECIDED' }.payload.requestedBy"), is("ola.nordmann@etat.no"));
    }

    @Test
    void urgencyTheAgencyCausedItselfNeedsTheApproversConfirmation_E9() {
        String ola = SERVER.server().tokenAs("ola.nordmann@etat.no", "991825827", "skymarked:buyer");
        String approved = ", \"approvedBy\": \"kari.nordmann@etat.no\", \"followUpPlan\": \"Minikonkurranse for resten\","
                + " \"causedByAgency\": true";
        create(ola, body("300", exception(approved))).then().statusCode(422)
                .body("type", is("/problems/exception-unforeseeability-not-confirmed"))
                .body("errors[0].pointer", is("/exception/approverConfirmsUnforeseeable"));
        create(ola, body("300", exception(approved + ", \"approverConfirmsUnforeseeable\": false"))).then().statusCode(422)
                .body("type", is("/problems/exception-unforeseeability-not-confirmed"));
        create(ola, body("300", exception(approved + ", \"approverConfirmsUnforeseeable\": true"))).then().statusCode(201)
                .body("routeReason", is("EXCEPTION")).body("flags", hasItem("UNFORESEEABILITY_CONFIRMED_BY_APPROVER"))
                .body("exception.causedByAgency", is(true)).body("exception.approverConfirmsUnforeseeable", is(true));
        // only one of the two conditions stays refused for its conditions, approval or not (E8)
        create(ola, body("300", ", \"exception\": {\"unforeseeable\": true, \"justification\": \"Plutselig behov\"" + approved
                + ", \"approverConfirmsUnforeseeable\": true}")).then().statusCode(422).body("type", is("/problems/exception-conditions-not-met"));
    }

    @Test
    void miniCompetitionBelowTheThresholdNeedsAReason_E47() {
        create(buyerToken, body("100", ", \"requestedRoute\": \"MINI_COMPETITION\"")).then().statusCode(422)
                .body("type", is("/problems/mini-competition-reason-required")).body("errors[0].pointer", is("/miniCompetitionReason"));
        create(buyerToken, body("250", ", \"requestedRoute\": \"MINI_COMPETITION\"")).then().statusCode(422)
                .body("type", is("/problems/mini-competition-reason-required"));
        String id = create(buyerToken, body("100", ", \"requestedRoute\": \"MINI_COMPETITION\","
                + " \"miniCompetitionReason\": \"Behovet spenner over to kompetanseområder\"")).then().statusCode(201)
                .body("route", is("MINI_COMPETITION")).body("routeReason", is("MINI_COMPETITION_BY_CHOICE"))
                .body("flags", hasItem("DISCRETIONARY_MINI_COMPETITION")).extract().jsonPath().getString("id");
        assertThat(given().auth().oauth2(buyerToken).get("/v1/call-offs/" + id + "/protocol").jsonPath()
                .getList("events.find { it.type == 'ROUTE_DECIDED' }.payload.flags"), hasItem("DISCRETIONARY_MINI_COMPETITION"));
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

    private static final String KARI_APPROVES = ", \"splitting\": {\"justification\": \"Skjemaet for tilskudd og skjemaet for"
            + " vedlegg har hver sin finansiering og eier\", \"approvedBy\": \"kari.nordmann@etat.no\"}";

    @Test
    void splittingAcrossNinetyDaysIsFlagged() {
        String token = acceded("974760673");
        String need = body(LOT, "Timebestilling", "Digital timebestilling for helsestasjonen", "150", "");
        create(token, need).then().statusCode(201).body("flags", not(hasItem("SPLITTING_SUSPECTED")));
        // the second takes the same need to 300 h: refused without a justification, made with one
        create(token, need).then().statusCode(422).body("type", is("/problems/splitting-justification-required"));
        String id = create(token, need.replace("}]", "}]" + KARI_APPROVES)).then().statusCode(201)
                .body("flags", hasItem("SPLITTING_SUSPECTED")).extract().jsonPath().getString("id");
        assertThat(given().auth().oauth2(token).get("/v1/call-offs/" + id + "/protocol").jsonPath().getList("events.type"),
                hasItem("SPLITTING_CHECKED"));
    }

    /** E7, the rule's own example: 240 h in one lot, then 240 h for the same need in another lot five days later. */
    @Test
    void aCallOffStoredBeforeTheNeedColumnsStillCountsForSplitting_E7() {
        String first = create(buyerToken, body(LOT, "Kartløsning", "Kart over vann og avløp i kommunen", "200", "")).then()
                .statusCode(201).extract().jsonPath().getString("id");
        // as a row written before the need had columns of its own: the check reads the document instead
        SERVER.server().running().context().db().execute()
                .update("update call_off set need_description = null, project_reference = null where id = ?", first);
        create(buyerToken, body("skyteknologier", "Kartløsning", "Kart over vann og avløp i kommunen", "100", "")).then()
                .statusCode(422).body("type", is("/problems/splitting-justification-required"))
                .body("detail", containsString(first));
    }

    @Test
    void theSameNeedInAnotherLotFiveDaysLaterNeedsAJustificationApprovedByAnotherPerson_E7() {
        String ola = SERVER.server().tokenAs("ola.nordmann@etat.no", "991825827", "skymarked:buyer");
        String first = create(ola, body(LOT, "Søknadsskjema", "Nytt skjema for søknad om tilskudd", "240", "")).then().statusCode(201)
                .body("flags", not(hasItem("SPLITTING_SUSPECTED"))).extract().jsonPath().getString("id");
        CLOCK.advance(Duration.ofDays(5));
        try {
            String olaLater = SERVER.server().tokenAs("ola.nordmann@etat.no", "991825827", "skymarked:buyer");
            String second = body("skyteknologier", "Søknadsskjema del 2", "Skjema for søknad om tilskudd: vedlegg og kvittering", "240", "");
            create(olaLater, second).then().statusCode(422).contentType("application/problem+json")
                    .body("type", is("/problems/splitting-justification-required")).body("errors[0].pointer", is("/splitting"))
                    .body("detail", containsString("480 h, above the threshold of 250 h"));
            create(olaLater, second.replace("}]", "}], \"splitting\": {\"justification\": \"Egne behov\","
                    + " \"approvedBy\": \" OLA.nordmann@etat.no\"}")).then().statusCode(422)
                    .body("type", is("/problems/approver-is-requester")).body("errors[0].pointer", is("/splitting/approvedBy"));
            create(olaLater, second.replace("}]", "}], \"splitting\": {\"justification\": \"Egne behov\"}")).then().statusCode(422)
                    .body("type", is("/problems/invalid-call-off")).body("errors[0].pointer", is("/splitting/approvedBy"));
            String id = create(olaLater, second.replace("}]", "}]" + KARI_APPROVES)).then().statusCode(201)
                    .body("flags", hasItem("SPLITTING_SUSPECTED")).body("flags", hasItem("SPLITTING_JUSTIFIED"))
                    .body("splitting.approvedBy", is("kari.nordmann@etat.no")).extract().jsonPath().getString("id");
            JsonPath protocol = given().auth().oauth2(olaLater).get("/v1/call-offs/" + id + "/protocol").jsonPath();
            String checked = "events.find { it.type == 'SPLITTING_CHECKED' }.payload";
            assertThat(protocol.getString(checked + ".level"), is("EXCEEDS_THRESHOLD"));
            assertThat(protocol.getList(checked + ".callOffs"), contains(first, id));
            assertThat(protocol.getString(checked + ".sameNeedBy." + first), is("SIMILAR_TEXT"));
            assertThat(protocol.getString(checked + ".justification"), containsString("finansiering"));
            assertThat(protocol.getString(checked + ".approvedBy"), is("kari.nordmann@etat.no"));
            assertThat(protocol.getString(checked + ".requestedBy"), is("ola.nordmann@etat.no"));
        } finally {
            CLOCK.set(START);
        }
    }

    @Test
    void theSecondCallOffForTheSameNeedIsFlaggedAndRecorded_E7() {
        create(buyerToken, body(LOT, "Kartinnsyn", "Kartløsning for innsyn i reguleringsplaner", "100", "")).then().statusCode(201)
                .body("flags", not(hasItem("SPLITTING_SUSPECTED")));
        String id = create(buyerToken, body("arkitektur-og-sikkerhet", "Kartinnsyn", "Kartløsning for innsyn i reguleringsplaner", "100", ""))
                .then().statusCode(201).body("flags", hasItem("SPLITTING_SUSPECTED")).body("flags", not(hasItem("SPLITTING_JUSTIFIED")))
                .extract().jsonPath().getString("id");
        JsonPath protocol = given().auth().oauth2(buyerToken).get("/v1/call-offs/" + id + "/protocol").jsonPath();
        assertThat(protocol.getString("events.find { it.type == 'SPLITTING_CHECKED' }.payload.level"), is("WARN"));
        assertThat(protocol.getString("events.find { it.type == 'SPLITTING_CHECKED' }.payload.totalHours"), is("200"));
    }

    @Test
    void anotherNeedOfTheSameAgencyIsNotAddedUp_E7() {
        create(buyerToken, body(LOT, "Lønnsintegrasjon", "Integrasjon mellom lønnssystem og økonomisystem", "240", "")).then().statusCode(201);
        create(buyerToken, body(LOT, "Parkeringsapp", "App for betaling av parkering i sentrum", "240", "")).then().statusCode(201)
                .body("flags", not(hasItem("SPLITTING_SUSPECTED")));
    }

    @Test
    void theSameProjectReferenceIsTheSameNeed_E7() {
        String p77 = ", \"projectReference\": \"PRJ-2026-77\"";
        create(buyerToken, body(LOT, "Driftsovervåking", "Overvåking av skytjenester", "240", p77)).then().statusCode(201)
                .body("projectReference", is("PRJ-2026-77"));
        create(buyerToken, body("utviklingsmetodikk", "Smidig coaching", "Opplæring av produktteam", "240", p77)).then().statusCode(422)
                .body("type", is("/problems/splitting-justification-required"));
        create(buyerToken, body("utviklingsmetodikk", "Smidig coaching", "Opplæring av produktteam", "240",
                ", \"projectReference\": \"PRJ-2026-78\"")).then().statusCode(201).body("flags", not(hasItem("SPLITTING_SUSPECTED")));
    }

    @Test
    void cancelledAndCascadeExhaustedCallOffsDoNotCount_E7() {
        String fire = body(LOT, "Brannvarsling", "Varsling av brannalarmer til beredskapssenteret", "240", "");
        String exhausted = create(buyerToken, fire).then().statusCode(201).extract().jsonPath().getString("id");
        for (int rank = 1; rank <= ranked.size(); rank++) {
            given().auth().oauth2(supplier(rank)).contentType("application/json").body("{\"decision\": \"DECLINE\", \"reason\": \"NO_CAPACITY\"}")
                    .post("/v1/call-offs/" + exhausted + "/offers/" + offerId(exhausted, rank) + "/response").then().statusCode(200);
        }
        given().auth().oauth2(buyerToken).get("/v1/call-offs/" + exhausted).then().body("status", is("CASCADE_EXHAUSTED"));
        String cancelled = create(buyerToken, fire).then().statusCode(201).body("flags", not(hasItem("SPLITTING_SUSPECTED")))
                .extract().jsonPath().getString("id");
        given().auth().oauth2(buyerToken).contentType("application/json").body("{\"reason\": \"Behovet falt bort\"}")
                .post("/v1/call-offs/" + cancelled + "/cancellation").then().statusCode(200);
        create(buyerToken, fire).then().statusCode(201).body("flags", not(hasItem("SPLITTING_SUSPECTED")));
    }

    @Test
    void idempotencyKeyGivesTheSameResponseAndRefusesAnotherBody() {
        String token = acceded("889640782");
        String twelve = body("12", "");
        Response first = given().auth().oauth2(token).header("Idempotency-Key", "k-1").contentType("application/json")
                .body(twelve).post("/v1/call-offs");
        first.then().statusCode(201).header("Location", is("/v1/call-offs/" + first.jsonPath().getString("id")));
        given().auth().oauth2(token).header("Idempotency-Key", "k-1").contentType("application/json").body(twelve)
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
