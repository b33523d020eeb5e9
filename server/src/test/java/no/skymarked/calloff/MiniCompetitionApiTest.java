package no.skymarked.calloff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.skymarked.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mini-competitions over HTTP with a controlled clock: publication, questions, sealed tenders, evaluation, award, contract. */
class MiniCompetitionApiTest {
    static final String DT2 = "oslo-digitale-tjenester-2";
    static final String LOT = "utviklingsmetodikk";
    static final String A = "922000018";
    static final String B = "922200009";
    static final String C = "921900007";
    static final String D = "922400008";
    static final String E = "922100004";
    static final String SECRET = "Vår hemmelige løsning med kvantekryptert skjemamotor";
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(START);
    @org.junit.jupiter.api.extension.RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension(CLOCK);

    @BeforeAll
    static void start() {
        given().auth().oauth2(buyer()).post("/v1/frameworks/" + DT2 + "/accessions").then().statusCode(201);
    }

    /** Every test starts on 1 December 2026, well inside the framework's period (which ends 27 April 2027). */
    @org.junit.jupiter.api.BeforeEach
    void startOfTheDay() {
        CLOCK.set(START);
    }

    /** Tokens are made at the controlled clock's time, so they are valid however far a test moves it. */
    static String buyer() {
        return SERVER.server().token("991825827", "skymarked:buyer");
    }

    static String auditor() {
        return SERVER.server().token("974760673", "skymarked:auditor");
    }

    static String editor() {
        return SERVER.server().token("974760673", "skymarked:editor");
    }

    static String supplier(String orgNo) {
        return SERVER.server().token(orgNo, "skymarked:supplier");
    }

    /** A call-off of 1000 architect hours: above the threshold, so a mini-competition in DRAFT. */
    static String draft() {
        Response r = given().auth().oauth2(buyer()).contentType("application/json").body("{\"frameworkId\": \"" + DT2 + "\","
                + " \"lotId\": \"" + LOT + "\", \"title\": \"Ny saksbehandlingsløsning\", \"needDescription\": \"Arkitektur for ny løsning\","
                + " \"estimatedHours\": [{\"roleId\": \"ARCHITECT\", \"hours\": \"1000\"}], \"requestedRoute\": \"MINI_COMPETITION\"}").post("/v1/call-offs");
        r.then().statusCode(201);
        assertThat(r.jsonPath().getString("status"), is("DRAFT"));
        return r.jsonPath().getString("id");
    }

    static String terms(Instant deadline, String p, String q, String e, String model, String extra) {
        return "{\"tenderDeadline\": \"" + deadline + "\", \"criteria\": [{\"criterionId\": \"price\", \"weight\": \"" + p + "\"},"
                + " {\"criterionId\": \"quality\", \"weight\": \"" + q + "\"}, {\"criterionId\": \"environment\", \"weight\": \"" + e + "\"}],"
                + " \"priceModel\": \"" + model + "\"" + extra + "}";
    }

    static Response publish(String id, String body) {
        return given().auth().oauth2(buyer()).contentType("application/json").body(body).post("/v1/call-offs/" + id + "/publication");
    }

    static Instant inTwoWeeks() {
        return CLOCK.instant().plus(Duration.ofDays(14));
    }

    static Response tender(String id, String orgNo, String rate) {
        return given().auth().oauth2(supplier(orgNo)).contentType("application/json")
                .body("{\"rates\": [{\"roleId\": \"ARCHITECT\", \"hourlyRate\": {\"amount\": \"" + rate + "\", \"currency\": \"NOK\"}}],"
                        + " \"solutionDescription\": \"" + SECRET + " (" + orgNo + ")\"}")
                .put("/v1/call-offs/" + id + "/tenders/" + orgNo);
    }

    static String scores(String org, String quality, String environment) {
        return "{\"supplierOrgNo\": \"" + org + "\", \"scores\": [{\"criterionId\": \"quality\", \"score\": \"" + quality
                + "\", \"reason\": \"Godt begrunnet løsning\"}, {\"criterionId\": \"environment\", \"score\": \"" + environment
                + "\", \"reason\": \"Dokumentert miljøprofil\"}]}";
    }

    static Response evaluate(String id, String tenders) {
        return given().auth().oauth2(buyer()).contentType("application/json").body("{\"tenders\": [" + tenders + "]}")
                .put("/v1/call-offs/" + id + "/evaluation");
    }

    /** Published with the §3.4 tenders A, B, C (1.2 / 1.0 / 1.5 MNOK) submitted, and the deadline passed. */
    static String opened(String p, String q, String e, String model, String extra) {
        String id = draft();
        Instant deadline = inTwoWeeks();
        publish(id, terms(deadline, p, q, e, model, extra)).then().statusCode(200);
        tender(id, A, "1200.00").then().statusCode(201);
        tender(id, B, "1000.00").then().statusCode(201);
        tender(id, C, "1500.00").then().statusCode(201);
        CLOCK.set(deadline);
        return id;
    }

    @Test
    void theSection34CompetitionRunsToAContractWithTheLinearTieBrokenByQualityPoints() {
        String id = opened("0.20", "0.50", "0.30", "LINEAR", ", \"voluntaryStandstillDays\": 5");
        JsonPath callOff = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id).jsonPath();
        assertThat(callOff.getString("status"), is("EVALUATION"));
        given().auth().oauth2(buyer()).contentType("application/json").body("{\"evaluator\": \"Kari Nordmann\", \"hasConflict\": true}")
                .post("/v1/call-offs/" + id + "/conflict-declarations").then().statusCode(422).body("errors[0].pointer", is("/detail"));
        given().auth().oauth2(buyer()).contentType("application/json").body("{\"evaluator\": \"Kari Nordmann\", \"hasConflict\": false}")
                .post("/v1/call-offs/" + id + "/conflict-declarations").then().statusCode(201).body("id", is("d1"));
        assertThat(callOff.getList("competition.invitedSuppliers"), containsInAnyOrder(A, B, C, D, E));
        JsonPath result = evaluate(id, scores(A, "7", "6") + "," + scores(B, "5", "8") + "," + scores(C, "9", "9")).then()
                .statusCode(200).header("ETag", "\"e1\"").extract().jsonPath();
        assertThat(result.getList("ranking"), contains(C, A, B));
        assertThat(result.getString("tenders.find { it.supplierOrgNo == '" + A + "' }.totalDisplay"), is("6.90"));
        assertThat(result.getString("tenders.find { it.supplierOrgNo == '" + B + "' }.totalDisplay"), is("6.90"));
        assertThat(result.getString("tenders.find { it.supplierOrgNo == '" + C + "' }.totalDisplay"), is("8.20"));
        assertThat(result.getString("tenders.find { it.supplierOrgNo == '" + A + "' }.evaluatedPrice.amount"), is("1200000.00"));
        assertThat(result.getList("ties[0].supplierOrgNos"), contains(A, B));
        assertThat(result.getString("ties[0].resolvedBy"), is("HIGHER_QUALITY_POINTS"));
        assertThat(result.getString("proposedWinnerOrgNo"), is(C));
        assertThat(result.getList("flags.code"), not(hasItem("NO_CONFLICT_DECLARATION")));

        given().auth().oauth2(buyer()).contentType("application/json").body("{\"reasons\": \"Best total\"}")
                .post("/v1/call-offs/" + id + "/award").then().statusCode(422).body("type", is("/problems/evidence-pending"));
        JsonPath awarded = given().auth().oauth2(buyer()).contentType("application/json")
                .body("{\"reasons\": \"Høyest poengsum på kvalitet og miljø\", \"evidenceReceived\": true}")
                .post("/v1/call-offs/" + id + "/award").then().statusCode(200).extract().jsonPath();
        assertThat(awarded.getString("status"), is("AWARDED"));
        assertThat(awarded.getString("awardedSupplierOrgNo"), is(C));
        assertThat(awarded.getString("agreedValue.amount"), is("1500000.00"));

        JsonPath notice = given().auth().oauth2(supplier(A)).get("/v1/call-offs/" + id + "/notices").jsonPath();
        assertThat(notice.getList("items"), hasSize(1));
        assertThat(notice.getString("items[0].winner.supplierOrgNo"), is(C));
        assertThat(notice.getString("items[0].winner.totalDisplay"), is("8.20"));
        assertThat(notice.getInt("items[0].yours.rank"), is(2));
        assertThat(notice.getString("items[0].yours.totalDisplay"), is("6.90"));
        assertThat(notice.getString("items[0].reasons"), containsString("kvalitet"));
        assertThat(given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/notices").jsonPath().getList("items"), hasSize(3));
        assertThat(given().auth().oauth2(supplier(D)).get("/v1/call-offs/" + id + "/notices").jsonPath().getList("items"), empty());

        String contract = "{\"buyerSignedAt\": \"" + CLOCK.instant() + "\", \"supplierSignedAt\": \"" + CLOCK.instant() + "\"}";
        given().auth().oauth2(buyer()).contentType("application/json").body(contract).post("/v1/call-offs/" + id + "/contract")
                .then().statusCode(409).body("type", is("/problems/standstill-running"));
        CLOCK.advance(Duration.ofDays(8));
        given().auth().oauth2(buyer()).contentType("application/json").body("{\"buyerSignedAt\": \"" + CLOCK.instant() + "\"}")
                .post("/v1/call-offs/" + id + "/contract").then().statusCode(422).body("type", is("/problems/signature-missing"));
        // signed during the standstill, or before the award: not a contract
        given().auth().oauth2(buyer()).contentType("application/json").body(contract).post("/v1/call-offs/" + id + "/contract")
                .then().statusCode(422).body("type", is("/problems/standstill-running"));
        given().auth().oauth2(buyer()).contentType("application/json").body("{\"buyerSignedAt\": \"2020-01-01T00:00:00Z\","
                + " \"supplierSignedAt\": \"" + CLOCK.instant() + "\"}").post("/v1/call-offs/" + id + "/contract").then().statusCode(422)
                .body("errors[0].pointer", is("/buyerSignedAt"));
        String signed = "{\"buyerSignedAt\": \"" + CLOCK.instant() + "\", \"supplierSignedAt\": \"" + CLOCK.instant() + "\"}";
        given().auth().oauth2(buyer()).contentType("application/json").body(signed).post("/v1/call-offs/" + id + "/contract")
                .then().statusCode(200).body("status", is("CONTRACTED"));
        given().auth().oauth2(buyer()).contentType("application/json").body("{\"reason\": \"for sent\"}")
                .post("/v1/call-offs/" + id + "/cancellation").then().statusCode(409);

        JsonPath protocol = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/protocol").jsonPath();
        assertThat(protocol.getBoolean("verification.intact"), is(true));
        assertThat(protocol.getList("events.type"), hasItem("TENDERS_OPENED"));
        assertThat(protocol.getList("events.type"), hasItem("AWARD_DECIDED"));
        assertThat(protocol.getList("events.type"), hasItem("CONTRACT_CONCLUDED"));
    }

    @Test
    void everyReadPathForTendersIsSealedBeforeTheDeadlineAndAttemptsAreRecorded() throws Exception {
        String id = draft();
        Instant deadline = inTwoWeeks();
        publish(id, terms(deadline, "0.35", "0.35", "0.30", "PROPORTIONAL", "")).then().statusCode(200);
        tender(id, A, "1200.00").then().statusCode(201);
        for (String token : List.of(buyer(), auditor(), editor())) {
            given().auth().oauth2(token).get("/v1/call-offs/" + id + "/tenders").then().statusCode(403).body("type", is("/problems/tenders-sealed"));
            given().auth().oauth2(token).get("/v1/call-offs/" + id + "/tenders/" + A).then().statusCode(403)
                    .body("type", is("/problems/tenders-sealed"));
        }
        given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/tenders/" + B).then().statusCode(403).body("type", is("/problems/tenders-sealed"));
        given().auth().oauth2(supplier(B)).get("/v1/call-offs/" + id + "/tenders/" + A).then().statusCode(403);
        JsonPath own = given().auth().oauth2(supplier(A)).get("/v1/call-offs/" + id + "/tenders/" + A).then().statusCode(200).extract().jsonPath();
        assertThat(own.getBoolean("sealed"), is(true));
        assertThat(own.getString("rates"), nullValue());
        evaluate(id, scores(A, "5", "5")).then().statusCode(409).body("type", is("/problems/tenders-sealed"));

        String protocol = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/protocol").asString();
        String export = given().auth().oauth2(auditor()).get("/v1/call-offs/" + id + "/export").asString();
        String notices = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/notices").asString();
        String callOff = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id).asString();
        for (String read : List.of(protocol, export, notices, callOff)) {
            assertThat(read, not(containsString(SECRET)));
            assertThat(read, not(containsString("1200.00")));
            assertThat(read, not(containsString("1200000")));
        }
        assertThat(JsonPath.from(export).getList("tenders"), empty());
        assertThat(JsonPath.from(protocol).getList("events.type"), hasItem("SEALED_TENDER_ACCESS_REFUSED"));
        assertThat(JsonPath.from(protocol).getList("events.findAll { it.type == 'SEALED_TENDER_ACCESS_REFUSED' }"), hasSize(8));

        // the tender table holds ciphertext only
        var settings = SERVER.server().database();
        try (var c = java.sql.DriverManager.getConnection(settings.url(), settings.username(), settings.password());
             var st = c.createStatement();
             var rs = st.executeQuery("select * from " + (settings.schema() == null ? "" : settings.schema() + ".")
                     + "tender where call_off_id = '" + id + "'")) {
            assertThat(rs.next(), is(true));
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(rs.getString(i)).append('|');
            }
            String ciphertext = rs.getString("ciphertext");
            assertThat(row.toString(), not(containsString("Vår hemmelige")));
            assertThat(row.toString(), not(containsString("1200.00")));
            String decoded = new String(java.util.Base64.getDecoder().decode(ciphertext), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(decoded, not(containsString("hemmelige")));
            assertThat(decoded, not(containsString("ARCHITECT")));
        }

        CLOCK.set(deadline);
        JsonPath opened = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/tenders/" + A).then().statusCode(200).extract().jsonPath();
        assertThat(opened.getString("solutionDescription"), containsString(SECRET));
        // quality is scored without prices: they are shown once the first evaluation has locked the quality scores
        assertThat(opened.getBoolean("pricesHidden"), is(true));
        assertThat(opened.getString("evaluatedPrice"), nullValue());
        assertThat(opened.getString("rates"), nullValue());
        evaluate(id, scores(A, "5", "5")).then().statusCode(200);
        JsonPath priced = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/tenders/" + A).then().statusCode(200).extract().jsonPath();
        assertThat(priced.getString("evaluatedPrice.amount"), is("1200000.00"));
        assertThat(priced.getString("pricesHidden"), nullValue());
        given().auth().oauth2(auditor()).get("/v1/call-offs/" + id + "/tenders").then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(editor()).get("/v1/call-offs/" + id + "/tenders/" + A).then().statusCode(403).body("type", is("/problems/forbidden"));
        given().auth().oauth2(supplier(B)).get("/v1/call-offs/" + id + "/tenders/" + A).then().statusCode(403);
    }

    @Test
    void aTenderOneSecondLateIsRefusedAndRecorded() {
        String id = draft();
        Instant deadline = inTwoWeeks();
        publish(id, terms(deadline, "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(200);
        CLOCK.set(deadline.minusSeconds(1));
        tender(id, A, "1200.00").then().statusCode(201);
        tender(id, A, "1100.00").then().statusCode(200).body("version", is(2));
        tender(id, B, "1000.00").then().statusCode(201);
        given().auth().oauth2(supplier(B)).delete("/v1/call-offs/" + id + "/tenders/" + B).then().statusCode(200).body("status", is("WITHDRAWN"));
        CLOCK.set(deadline);
        tender(id, C, "1500.00").then().statusCode(409).body("type", is("/problems/tender-deadline-passed"));
        CLOCK.set(deadline.plusSeconds(1));
        tender(id, A, "1000.00").then().statusCode(409).body("type", is("/problems/tender-deadline-passed"));
        given().auth().oauth2(supplier(A)).delete("/v1/call-offs/" + id + "/tenders/" + A).then().statusCode(409);
        JsonPath tenders = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/tenders").jsonPath();
        // the buyer's side sees no prices before the quality scores are locked; the supplier its own
        assertThat(tenders.getBoolean("items.find { it.supplierOrgNo == '" + A + "' }.pricesHidden"), is(true));
        JsonPath own = given().auth().oauth2(supplier(A)).get("/v1/call-offs/" + id + "/tenders/" + A).jsonPath();
        assertThat(own.getString("rates[0].hourlyRate.amount"), is("1100.00"));
        assertThat(tenders.getString("items.find { it.supplierOrgNo == '" + B + "' }.status"), is("WITHDRAWN"));
        JsonPath protocol = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/protocol").jsonPath();
        assertThat(protocol.getList("events.findAll { it.type == 'LATE_TENDER_REFUSED' }"), hasSize(3));
        assertThat(protocol.getList("events.find { it.type == 'TENDERS_OPENED' }.payload.tenders.supplierOrgNo"), containsInAnyOrder(A, B));
    }

    @Test
    void publicationChecksTheFrameworkTermsAndListsEveryProblem() {
        String id = draft();
        publish(id, terms(inTwoWeeks(), "0.45", "0.50", "0.30", "LINEAR", "")).then().statusCode(422)
                .body("type", is("/problems/invalid-publication"))
                .body("errors.pointer", hasItem("/criteria/0/weight")).body("errors.pointer", hasItem("/criteria"));
        publish(id, terms(inTwoWeeks(), "0.30", "0.30", "0.30", "LINEAR", "")).then().statusCode(422)
                .body("type", is("/problems/weights-not-100-percent"));
        publish(id, "{\"tenderDeadline\": \"" + inTwoWeeks() + "\", \"criteria\": [{\"criterionId\": \"price\", \"weight\": \"0.4\"},"
                + " {\"criterionId\": \"beauty\", \"weight\": \"0.6\"}], \"priceModel\": \"LINEAR\"}").then().statusCode(422)
                .body("errors.pointer", hasItem("/criteria/1/criterionId"));
        publish(id, terms(CLOCK.instant().plus(Duration.ofDays(2)), "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(422)
                .body("type", is("/problems/deadline-too-short"));
        publish(id, terms(CLOCK.instant().minusSeconds(1), "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(422)
                .body("type", is("/problems/deadline-in-past"));
        publish(id, "{\"tenderDeadline\": \"2027-03-28T02:30\", \"criteria\": [{\"criterionId\": \"price\", \"weight\": \"0.35\"}],"
                + " \"priceModel\": \"CHEAPEST\"}").then().statusCode(422)
                .body("errors.pointer", hasItem("/tenderDeadline")).body("errors.pointer", hasItem("/priceModel"));
        publish(id, terms(inTwoWeeks(), "0.35", "0.35", "0.30", "LINEAR", ", \"excludedSuppliers\": [{\"orgNo\": \"" + D
                + "\", \"reason\": \"CONFLICT_OF_INTEREST\", \"detail\": \"Eier av oppdragsgivers leverandør\"}]")).then().statusCode(200)
                .body("status", is("TENDERING"));
        JsonPath view = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id).jsonPath();
        assertThat(view.getList("competition.invitedSuppliers"), not(hasItem(D)));
        assertThat(view.getString("competition.excludedSuppliers[0].reason"), is("CONFLICT_OF_INTEREST"));
        publish(id, terms(inTwoWeeks(), "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(409);
        tender(id, D, "1000.00").then().statusCode(403).body("type", is("/problems/not-invited"));
        given().auth().oauth2(supplier("889640782")).contentType("application/json").body("{\"rates\": []}")
                .put("/v1/call-offs/" + id + "/tenders/889640782").then().statusCode(403).body("type", is("/problems/supplier-not-in-lot"));
        tender(id, A, "1550.01").then().statusCode(422).body("type", is("/problems/rate-above-framework"))
                .body("errors[0].pointer", is("/rates/0/hourlyRate/amount"));
    }

    @Test
    void aDateAloneIsNoonInOsloAndAZonedLocalTimeIsOsloTime() {
        String id = draft();
        String day = CLOCK.instant().plus(Duration.ofDays(14)).atZone(java.time.ZoneId.of("Europe/Oslo")).toLocalDate().toString();
        publish(id, "{\"tenderDeadline\": \"" + day + "\", \"criteria\": [{\"criterionId\": \"price\", \"weight\": \"0.35\"},"
                + " {\"criterionId\": \"quality\", \"weight\": \"0.35\"}, {\"criterionId\": \"environment\", \"weight\": \"0.30\"}],"
                + " \"priceModel\": \"LINEAR\"}").then().statusCode(200)
                .body("competition.tenderDeadlineLocal", org.hamcrest.Matchers.startsWith(day + "T12:00:00+0"));
        String other = draft();
        publish(other, "{\"tenderDeadline\": \"2027-03-28T02:15[Europe/Oslo]\", \"criteria\": [{\"criterionId\": \"price\","
                + " \"weight\": \"0.35\"}], \"priceModel\": \"LINEAR\"}").then().statusCode(422)
                .body("errors.detail", hasItem(containsString("does not exist in Europe/Oslo")));
    }

    @Test
    void aFrameworkRateChangedAfterPublicationDoesNotMoveTheCeilingOfARunningCompetition() {
        String before = draft();
        publish(before, terms(inTwoWeeks(), "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(200);
        setArchitectRate(E, "1100.00");
        try {
            String after = draft();
            publish(after, terms(inTwoWeeks(), "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(200);
            tender(before, E, "1500.00").then().statusCode(201);
            tender(after, E, "1500.00").then().statusCode(422).body("type", is("/problems/rate-above-framework"));
        } finally {
            setArchitectRate(E, "1610.00");
        }
    }

    @Test
    void aFrameworkMeetingSection79ByRequirementsLetsTheEnvironmentWeighLessWithAWarningInTheProtocol() {
        setEnvironmentRule("0.00", "REQUIREMENTS_CLEARLY_BETTER", "Kravspesifikasjonen krever fornybar energi; det gir klart bedre effekt.");
        try {
            String id = draft();
            publish(id, terms(inTwoWeeks(), "0.40", "0.50", "0.10", "LINEAR", "")).then().statusCode(200);
            JsonPath protocol = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/protocol").jsonPath();
            String warning = "events.find { it.type == 'ENVIRONMENT_BELOW_30_PERCENT_BY_MODE' }.payload";
            assertThat(protocol.getString(warning + ".env79Mode"), is("REQUIREMENTS_CLEARLY_BETTER"));
            assertThat(protocol.getString(warning + ".detail"), containsString("weighted 0.10, below 0.30: allowed because the framework"
                    + " meets FOA § 7-9 by REQUIREMENTS_CLEARLY_BETTER"));
        } finally {
            setEnvironmentRule("0.30", "WEIGHTED_30", null);
        }
        String id = draft();
        publish(id, terms(inTwoWeeks(), "0.40", "0.50", "0.10", "LINEAR", "")).then().statusCode(422)
                .body("errors.detail", hasItem(containsString("at least 0.30 is required (FOA § 7-9 (2)")));
        publish(id, terms(inTwoWeeks(), "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(200);
        assertThat(given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/protocol").jsonPath().getList("events.type"),
                not(hasItem("ENVIRONMENT_BELOW_30_PERCENT_BY_MODE")));
    }

    /** Sets DT2's environment criterion's minimum weight and its § 7-9 mode (with the reason, or none). */
    private static void setEnvironmentRule(String minWeight, String mode, String reason) {
        String editor = editor();
        Response read = given().auth().oauth2(editor).get("/v1/frameworks/" + DT2);
        var framework = (com.fasterxml.jackson.databind.node.ObjectNode) no.skymarked.shared.Json.tree(read.asString());
        for (var criterion : framework.path("awardCriteria")) {
            if (criterion.path("type").asText().equals("ENVIRONMENT")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) criterion).put("minWeight", minWeight);
            }
        }
        framework.put("env79Mode", mode);
        if (reason == null) {
            framework.remove("env79Reason");
        } else {
            framework.put("env79Reason", reason);
        }
        given().auth().oauth2(editor).header("If-Match", read.header("ETag")).contentType("application/json")
                .queryParam("amendmentReason", "Miljøkrav flyttet til kravspesifikasjonen").body(no.skymarked.shared.Json.text(framework))
                .put("/v1/frameworks/" + DT2).then().statusCode(200);
    }

    @Test
    void amountsAreExcludingVatAndOneMarkedIncludingVatIsRefused() {
        String id = draft();
        String budget = ", \"documentedBudget\": {\"amount\": \"1500000.00\", \"currency\": \"NOK\", \"vatIncluded\": %s}";
        publish(id, terms(inTwoWeeks(), "0.35", "0.35", "0.30", "LINEAR", budget.formatted("true"))).then().statusCode(422)
                .contentType("application/problem+json").body("errors.pointer", hasItem("/documentedBudget/vatIncluded"))
                .body("errors.detail", hasItem(containsString("amounts are excluding VAT (FOA § 5-4(1))")));
        publish(id, terms(inTwoWeeks(), "0.35", "0.35", "0.30", "LINEAR", budget.formatted("false"))).then().statusCode(200);
        String rate = "{\"rates\": [{\"roleId\": \"ARCHITECT\", \"hourlyRate\": {\"amount\": \"1500.00\", \"currency\": \"NOK\","
                + " \"vatIncluded\": %s}}], \"solutionDescription\": \"Løsning\"}";
        given().auth().oauth2(supplier(A)).contentType("application/json").body(rate.formatted("true"))
                .put("/v1/call-offs/" + id + "/tenders/" + A).then().statusCode(422)
                .body("errors.pointer", hasItem("/rates/0/hourlyRate/vatIncluded"))
                .body("errors.detail", hasItem(containsString("amounts are excluding VAT")));
        given().auth().oauth2(supplier(A)).contentType("application/json").body(rate.formatted("false"))
                .put("/v1/call-offs/" + id + "/tenders/" + A).then().statusCode(201);
    }

    private static void setArchitectRate(String orgNo, String amount) {
        String editor = editor();
        Response read = given().auth().oauth2(editor).get("/v1/frameworks/" + DT2);
        var framework = (com.fasterxml.jackson.databind.node.ObjectNode) no.skymarked.shared.Json.tree(read.asString());
        for (var lot : framework.path("lots")) {
            if (lot.path("id").asText().equals(LOT)) {
                for (var member : lot.path("suppliers")) {
                    if (member.path("orgNo").asText().equals(orgNo)) {
                        for (var rate : member.path("rates")) {
                            if (rate.path("roleId").asText().equals("ARCHITECT")) {
                                ((com.fasterxml.jackson.databind.node.ObjectNode) rate.path("hourlyRate")).put("amount", amount);
                            }
                        }
                    }
                }
            }
        }
        given().auth().oauth2(editor).header("If-Match", read.header("ETag")).contentType("application/json")
                .queryParam("amendmentReason", "Prisjustering").body(no.skymarked.shared.Json.text(framework))
                .put("/v1/frameworks/" + DT2).then().statusCode(200);
    }

    @Test
    void questionsAreAnsweredToEveryInvitedSupplierWithTheAskerAnonymised() {
        String id = draft();
        publish(id, terms(inTwoWeeks(), "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(200);
        String qid = given().auth().oauth2(supplier(A)).contentType("application/json").body("{\"question\": \"Kan vi bruke underleverandør?\"}")
                .post("/v1/call-offs/" + id + "/questions").then().statusCode(201).extract().jsonPath().getString("id");
        String again = given().auth().oauth2(supplier(A)).header("Idempotency-Key", "q-1").contentType("application/json")
                .body("{\"question\": \"Hvor lenge gjelder tilbudet?\"}").post("/v1/call-offs/" + id + "/questions")
                .then().statusCode(201).extract().jsonPath().getString("id");
        given().auth().oauth2(supplier(A)).header("Idempotency-Key", "q-1").contentType("application/json")
                .body("{\"question\": \"Hvor lenge gjelder tilbudet?\"}").post("/v1/call-offs/" + id + "/questions")
                .then().statusCode(201).body("id", is(again));
        given().auth().oauth2(supplier(A)).header("Idempotency-Key", "q-1").contentType("application/json")
                .body("{\"question\": \"Noe annet\"}").post("/v1/call-offs/" + id + "/questions")
                .then().statusCode(422).body("type", is("/problems/idempotency-key-reused"));
        assertThat(given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/questions").jsonPath().getList("items"), hasSize(2));
        assertThat(given().auth().oauth2(supplier(B)).get("/v1/call-offs/" + id + "/questions").jsonPath().getList("items"), empty());
        given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/questions").then().body("items[0].askedBy", is(A));
        given().auth().oauth2(buyer()).contentType("application/json").body("{\"answer\": \"Ja, oppgi dem i tilbudet.\"}")
                .post("/v1/call-offs/" + id + "/questions/" + qid + "/answer").then().statusCode(200);
        JsonPath seenByB = given().auth().oauth2(supplier(B)).get("/v1/call-offs/" + id + "/questions").jsonPath();
        assertThat(seenByB.getString("items[0].answer"), is("Ja, oppgi dem i tilbudet."));
        assertThat(seenByB.getString("items[0].askedBy"), nullValue());
        assertThat(seenByB.getBoolean("items[0].askedByYou"), is(false));
        assertThat(given().auth().oauth2(supplier(A)).get("/v1/call-offs/" + id + "/questions").jsonPath().getBoolean("items[0].askedByYou"), is(true));
        given().auth().oauth2(SERVER.server().token("889640782", "skymarked:supplier")).get("/v1/call-offs/" + id + "/questions")
                .then().statusCode(404);
    }

    @Test
    void noTendersOrOnlyRejectedOnesMakeTheCallOffUnsuccessful() {
        String none = draft();
        Instant deadline = inTwoWeeks();
        publish(none, terms(deadline, "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(200);
        CLOCK.set(deadline);
        given().auth().oauth2(buyer()).get("/v1/call-offs/" + none).then().body("status", is("UNSUCCESSFUL"))
                .body("unsuccessful.reason", is("NO_TENDERS"));

        String rejected = opened("0.35", "0.35", "0.30", "LINEAR", "");
        String rejection = ", \"rejection\": {\"ground\": \"SUBSTANTIAL_DEVIATION\", \"reason\": \"Forbehold mot kontraktsvilkårene\"}}";
        evaluate(rejected, "{\"supplierOrgNo\": \"" + A + "\"" + rejection + ", {\"supplierOrgNo\": \"" + B + "\"" + rejection
                + ", {\"supplierOrgNo\": \"" + C + "\", \"rejection\": {\"ground\": \"ABOVE_DOCUMENTED_BUDGET\", \"reason\": \"Over budsjett\"}}")
                .then().statusCode(422).body("errors.pointer", hasItem("/tenders/2/rejection/ground"));
        evaluate(rejected, "{\"supplierOrgNo\": \"" + A + "\"" + rejection + ", {\"supplierOrgNo\": \"" + B + "\"" + rejection
                + ", {\"supplierOrgNo\": \"" + C + "\"" + rejection).then().statusCode(200);
        given().auth().oauth2(buyer()).get("/v1/call-offs/" + rejected).then().body("status", is("UNSUCCESSFUL"))
                .body("unsuccessful.reason", is("ALL_REJECTED"));
    }

    @Test
    void anEvaluationListsEveryMissingScoreAndIsReplacedOnlyWithIfMatch() {
        String id = opened("0.35", "0.35", "0.30", "PROPORTIONAL", "");
        evaluate(id, "{\"supplierOrgNo\": \"" + A + "\", \"scores\": [{\"criterionId\": \"quality\", \"score\": \"11\", \"reason\": \"x\"},"
                + " {\"criterionId\": \"price\", \"score\": \"5\", \"reason\": \"x\"}]}").then().statusCode(422)
                .body("errors.pointer", hasItem("/tenders/0/scores/0/score")).body("errors.pointer", hasItem("/tenders/0/scores/1/criterionId"))
                .body("errors.pointer", hasItem("/tenders/0/scores")).body("errors.pointer", hasItem("/tenders"));
        String all = scores(A, "7", "6") + "," + scores(B, "5", "8") + "," + scores(C, "9", "9");
        evaluate(id, all).then().statusCode(200).body("proposedWinnerOrgNo", is(C)).body("flags.code", hasItem("NO_CONFLICT_DECLARATION"))
                .body("tenders.find { it.supplierOrgNo == '" + A + "' }.totalDisplay", is("7.17"));
        evaluate(id, all).then().statusCode(428);
        given().auth().oauth2(buyer()).header("If-Match", "\"e7\"").contentType("application/json").body("{\"tenders\": [" + all + "]}")
                .put("/v1/call-offs/" + id + "/evaluation").then().statusCode(412);
        // the first evaluation locked the quality scores (the prices were shown then): rescoring C is refused ...
        given().auth().oauth2(buyer()).header("If-Match", "\"e1\"").contentType("application/json")
                .body("{\"tenders\": [" + scores(A, "7", "6") + "," + scores(B, "5", "8") + "," + scores(C, "5", "5") + "]}")
                .put("/v1/call-offs/" + id + "/evaluation").then().statusCode(422).body("type", is("/problems/quality-locked"))
                .body("errors.pointer", contains("/tenders/2/scores/0/score", "/tenders/2/scores/1/score"));
        // ... a replacement may reject it with a ground
        given().auth().oauth2(buyer()).header("If-Match", "\"e1\"").contentType("application/json")
                .body("{\"tenders\": [" + scores(A, "7", "6") + "," + scores(B, "5", "8") + ", {\"supplierOrgNo\": \"" + C + "\","
                        + " \"rejection\": {\"ground\": \"SUBSTANTIAL_DEVIATION\", \"reason\": \"Forbehold mot kontraktsvilkårene\"}}]}")
                .put("/v1/call-offs/" + id + "/evaluation").then().statusCode(200).body("version", is(2))
                .body("proposedWinnerOrgNo", equalTo(B));
    }

    @Test
    void aTieForFirstPlaceWithoutRulesNeedsADocumentedDecision() {
        String id = draft();
        Instant deadline = inTwoWeeks();
        publish(id, terms(deadline, "0.35", "0.35", "0.30", "LINEAR", ", \"tieBreak\": []")).then().statusCode(200);
        tender(id, A, "1000.00").then().statusCode(201);
        tender(id, B, "1000.00").then().statusCode(201);
        CLOCK.set(deadline);
        evaluate(id, scores(A, "6", "6") + "," + scores(B, "6", "6")).then().statusCode(200).body("tieForFirst", containsInAnyOrder(A, B));
        given().auth().oauth2(buyer()).contentType("application/json").body("{\"reasons\": \"Likt\", \"evidenceReceived\": true}")
                .post("/v1/call-offs/" + id + "/award").then().statusCode(422).body("type", is("/problems/tie-unresolved"));
        given().auth().oauth2(buyer()).contentType("application/json").body("{\"reasons\": \"Likt\", \"evidenceReceived\": true,"
                + " \"tieDecision\": {\"winnerOrgNo\": \"" + B + "\", \"reason\": \"Loddtrekning med vitner 2026-12-15\"}}")
                .post("/v1/call-offs/" + id + "/award").then().statusCode(200).body("awardedSupplierOrgNo", is(B))
                .body("award.tieDecision.winnerOrgNo", is(B));
    }

    @Test
    void tendersOfACompetitionCancelledBeforeItsDeadlineAreNeverOpened() {
        String id = draft();
        Instant deadline = inTwoWeeks();
        publish(id, terms(deadline, "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(200);
        tender(id, A, "1200.00").then().statusCode(201);
        given().auth().oauth2(buyer()).contentType("application/json").body("{\"reason\": \"Behovet falt bort\"}")
                .post("/v1/call-offs/" + id + "/cancellation").then().statusCode(200);
        CLOCK.set(deadline.plusSeconds(60));
        given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/tenders").then().statusCode(403).body("type", is("/problems/tenders-sealed"));
        given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/tenders/" + A).then().statusCode(403);
        String export = given().auth().oauth2(auditor()).get("/v1/call-offs/" + id + "/export").then().statusCode(200).extract().asString();
        assertThat(export, not(containsString(SECRET)));
        assertThat(JsonPath.from(export).getBoolean("tendersNeverOpened"), is(true));
        assertThat(JsonPath.from(export).getList("protocol.events.type"), not(hasItem("TENDERS_OPENED")));
    }

    @Test
    void neitherTheVersionNorTheProtocolTellsHowManyHaveTenderedBeforeTheDeadline() {
        String id = draft();
        Instant deadline = inTwoWeeks();
        publish(id, terms(deadline, "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(200);
        String before = given().auth().oauth2(supplier(D)).get("/v1/call-offs/" + id).then().extract().header("ETag");
        int events = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/protocol").jsonPath().getList("events").size();
        tender(id, A, "1200.00").then().statusCode(201);
        tender(id, A, "1150.00").then().statusCode(200);
        tender(id, B, "1000.00").then().statusCode(201);
        given().auth().oauth2(supplier(B)).delete("/v1/call-offs/" + id + "/tenders/" + B).then().statusCode(200);
        assertThat(given().auth().oauth2(supplier(D)).get("/v1/call-offs/" + id).then().extract().header("ETag"), is(before));
        assertThat(given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/protocol").jsonPath().getList("events"), hasSize(events));
        CLOCK.set(deadline);
        JsonPath opened = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/protocol").jsonPath();
        assertThat(opened.getList("events.find { it.type == 'TENDERS_OPENED' }.payload.receipts.action"),
                contains("SUBMITTED", "SUBMITTED", "SUBMITTED", "WITHDRAWN"));
        given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/tenders").then().statusCode(200);
        assertThat(given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/protocol").jsonPath().getList("events.type"),
                hasItem("TENDER_CONTENT_READ"));
    }

    @Test
    void aNumberWithAHugeExponentIsRefusedWithoutWritingItOut() {
        String id = draft();
        publish(id, "{\"tenderDeadline\": \"" + inTwoWeeks() + "\", \"criteria\": [{\"criterionId\": \"price\", \"weight\": 1e2000000000}],"
                + " \"priceModel\": \"LINEAR\"}").then().statusCode(422).body("errors.pointer", hasItem("/criteria/0/weight"));
        publish(id, terms(Instant.parse("+999999999-12-31T23:59:59Z"), "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(422)
                .body("type", is("/problems/deadline-after-framework-end"));
    }

    @Test
    void cancellationNeedsAReasonAndNotifiesTheInvitedSuppliers() {
        String id = draft();
        publish(id, terms(inTwoWeeks(), "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(200);
        given().auth().oauth2(buyer()).contentType("application/json").body("{}").post("/v1/call-offs/" + id + "/cancellation")
                .then().statusCode(422).body("errors[0].pointer", is("/reason"));
        given().auth().oauth2(buyer()).contentType("application/json").body("{\"reason\": \"Behovet falt bort etter omorganisering\"}")
                .post("/v1/call-offs/" + id + "/cancellation").then().statusCode(200).body("status", is("CANCELLED"))
                .body("cancellation.reason", containsString("omorganisering"));
        given().auth().oauth2(supplier(E)).get("/v1/call-offs/" + id + "/notices").then().body("items[0].kind", is("CANCELLATION"));
        tender(id, A, "1000.00").then().statusCode(409);
        assertThat(Map.of("status", given().auth().oauth2(buyer()).get("/v1/call-offs/" + id).jsonPath().getString("status")),
                is(Map.of("status", "CANCELLED")));
    }
    @Test
    void anAbnormallyLowWinnerNeedsARecordedRequestAndASufficientExplanationButIsNotRejected() {
        String id = draft();
        Instant deadline = inTwoWeeks();
        publish(id, terms(deadline, "0.40", "0.30", "0.30", "LINEAR", "")).then().statusCode(200);
        tender(id, A, "1500.00").then().statusCode(201);
        tender(id, B, "1450.00").then().statusCode(201);
        tender(id, C, "600.00").then().statusCode(201);
        CLOCK.set(deadline);
        evaluate(id, scores(A, "6", "6") + "," + scores(B, "6", "6") + "," + scores(C, "6", "6")).then().statusCode(200)
                .body("proposedWinnerOrgNo", is(C)).body("flags.code", hasItem("ABNORMALLY_LOW_SUSPECTED"));
        String award = "{\"reasons\": \"Lavest pris\", \"evidenceReceived\": true,"
                + " \"abnormallyLowClarification\": \"Leverandøren dokumenterte ledig kapasitet og lave overheadkostnader\"}";
        // a clarification text alone is not enough: the request for explanation with its deadline must be recorded
        given().auth().oauth2(buyer()).contentType("application/json").body(award)
                .post("/v1/call-offs/" + id + "/award").then().statusCode(422).body("type", is("/problems/clarification-required"));
        String x = requestExplanation(id, C, CLOCK.instant().plus(Duration.ofDays(3))).then().statusCode(201)
                .body("supplierOrgNo", is(C)).extract().jsonPath().getString("id");
        given().auth().oauth2(buyer()).contentType("application/json").body(award)
                .post("/v1/call-offs/" + id + "/award").then().statusCode(422).body("type", is("/problems/clarification-required"));
        assess(id, x, "SUFFICIENT", CLOCK.instant()).then().statusCode(200).body("assessment.verdict", is("SUFFICIENT"));
        given().auth().oauth2(buyer()).contentType("application/json").body(award)
                .post("/v1/call-offs/" + id + "/award").then().statusCode(200).body("awardedSupplierOrgNo", is(C));
        assertThat(given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/protocol").jsonPath().getList("events.type"),
                hasItem("EXPLANATION_ASSESSED"));
    }

    static Response requestExplanation(String id, String orgNo, Instant deadline) {
        return given().auth().oauth2(buyer()).contentType("application/json").body("{\"supplierOrgNo\": \"" + orgNo + "\","
                + " \"request\": \"Forklar hvordan timeprisen dekker lønns- og sosiale kostnader\", \"deadline\": \"" + deadline + "\"}")
                .post("/v1/call-offs/" + id + "/explanation-requests");
    }

    static Response assess(String id, String requestId, String verdict, Instant received) {
        return given().auth().oauth2(buyer()).contentType("application/json").body("{\"verdict\": \"" + verdict + "\","
                + " \"reason\": \"Vurdert mot dokumentasjonen\"" + (received == null ? "" : ", \"explanationReceivedAt\": \"" + received + "\"") + "}")
                .post("/v1/call-offs/" + id + "/explanation-requests/" + requestId + "/assessment");
    }

    @Test
    void theDeadlineClosesTheCompetitionWithoutAnyRequest() throws Exception {
        String id = draft();
        Instant deadline = inTwoWeeks();
        publish(id, terms(deadline, "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(200);
        tender(id, A, "1200.00").then().statusCode(201);
        // the whole list (this class makes many call-offs; the first page of 20 need not hold this one)
        assertThat(given().auth().oauth2(supplier(A)).queryParam("limit", 100).get("/v1/call-offs").jsonPath().getList("items.id"), hasItem(id));
        CLOCK.set(deadline);
        var settings = SERVER.server().database();
        String status = null;
        for (int i = 0; i < 50 && !"EVALUATION".equals(status); i++) {
            Thread.sleep(100);
            try (var c = java.sql.DriverManager.getConnection(settings.url(), settings.username(), settings.password());
                 var st = c.prepareStatement("select status from " + (settings.schema() == null ? "" : settings.schema() + ".")
                         + "call_off where id = ?")) {
                st.setString(1, id);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    status = rs.getString(1);
                }
            }
        }
        assertThat(status, is("EVALUATION"));
    }

    /** E33 with two tenders: 1 000 000 against 300 000 flags the lower; rejecting it on that ground waits for an explanation. */
    @Test
    void ofTwoTendersTheOneBelowSixtyPercentOfTheOtherIsFlaggedAndRejectedOnlyAfterAnExplanationRequest() {
        String id = draft();
        Instant deadline = inTwoWeeks();
        publish(id, terms(deadline, "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(200);
        tender(id, A, "1000.00").then().statusCode(201);
        tender(id, B, "300.00").then().statusCode(201);
        CLOCK.set(deadline);
        JsonPath first = evaluate(id, scores(A, "6", "6") + "," + scores(B, "6", "6")).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("flags.findAll { it.code == 'ABNORMALLY_LOW_SUSPECTED' }.supplierOrgNo"), contains(B));
        assertThat(first.getList("ranking"), contains(B, A));  // flagged, never rejected automatically
        String reject = scores(A, "6", "6") + ", {\"supplierOrgNo\": \"" + B + "\", \"rejection\": {\"ground\":"
                + " \"ABNORMALLY_LOW_EXPLANATION_INSUFFICIENT\", \"reason\": \"Prisen dekker ikke lønnskostnadene\"}}";
        replace(id, "e1", reject).then().statusCode(422).body("type", is("/problems/explanation-not-requested"))
                .body("errors[0].pointer", is("/tenders/1/rejection/ground"));
        given().auth().oauth2(buyer()).contentType("application/json").body("{\"reasons\": \"Lavest pris\", \"evidenceReceived\": true}")
                .post("/v1/call-offs/" + id + "/award").then().statusCode(422).body("type", is("/problems/clarification-required"));
        requestExplanation(id, B, CLOCK.instant().minusSeconds(1)).then().statusCode(422).body("errors[0].pointer", is("/deadline"));
        requestExplanation(id, B, CLOCK.instant().plus(Duration.ofHours(1))).then().statusCode(422).body("errors[0].pointer", is("/deadline"))
                .body("errors[0].detail", containsString("at least 24 hours"));
        requestExplanation(id, D, CLOCK.instant().plus(Duration.ofDays(3))).then().statusCode(422).body("errors[0].pointer", is("/supplierOrgNo"));
        String x = conform("requestExplanation", requestExplanation(id, B, CLOCK.instant().plus(Duration.ofDays(3)))).then().statusCode(201)
                .extract().jsonPath().getString("id");
        replace(id, "e1", reject).then().statusCode(422).body("type", is("/problems/explanation-pending"));
        assess(id, x, "INSUFFICIENT", null).then().statusCode(422).body("type", is("/problems/explanation-pending"));
        assertThat(conform("listExplanationRequests", given().auth().oauth2(supplier(B)).get("/v1/call-offs/" + id + "/explanation-requests"))
                .jsonPath().getList("items.id"), contains(x));
        assertThat(given().auth().oauth2(supplier(A)).get("/v1/call-offs/" + id + "/explanation-requests").jsonPath().getList("items"), empty());
        CLOCK.advance(Duration.ofDays(1));
        conform("assessExplanation", assess(id, x, "INSUFFICIENT", CLOCK.instant().minusSeconds(3600))).then().statusCode(200).body("assessment.verdict", is("INSUFFICIENT"));
        assess(id, x, "SUFFICIENT", CLOCK.instant()).then().statusCode(409).body("type", is("/problems/already-assessed"));
        replace(id, "e1", reject).then().statusCode(200).body("proposedWinnerOrgNo", is(A))
                .body("tenders.find { it.supplierOrgNo == '" + B + "' }.rejection.ground", is("ABNORMALLY_LOW_EXPLANATION_INSUFFICIENT"));
        JsonPath protocol = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/protocol").jsonPath();
        assertThat(protocol.getList("events.type"), hasItem("EXPLANATION_REQUESTED"));
        assertThat(protocol.getString("events.find { it.type == 'EXPLANATION_REQUESTED' }.payload.deadline"), is(CLOCK.instant()
                .minus(Duration.ofDays(1)).plus(Duration.ofDays(3)).toString()));
    }

    /** E33 with one tender against the documented budget, E12 (a single tender is awarded with a warning), E34 (the budget's time). */
    @Test
    void aSingleTenderFarBelowTheDocumentedBudgetIsFlaggedAndItsAwardIsWarnedInTheProtocol() {
        String id = draft();
        Instant deadline = inTwoWeeks();
        JsonPath published = publish(id, terms(deadline, "0.35", "0.35", "0.30", "LINEAR",
                ", \"documentedBudget\": {\"amount\": \"1000000.00\", \"currency\": \"NOK\"}")).then().statusCode(200).extract().jsonPath();
        assertThat(published.getString("competition.documentedBudget.documentedAt"), is(START.toString()));
        assertThat(published.getString("competition.documentedBudget.documentedAt"), is(published.getString("competition.publishedAt")));
        tender(id, A, "550.00").then().statusCode(201);
        CLOCK.set(deadline);
        evaluate(id, scores(A, "7", "7")).then().statusCode(200).body("proposedWinnerOrgNo", is(A))
                .body("flags.code", hasItem("SINGLE_TENDER")).body("flags.code", hasItem("ABNORMALLY_LOW_SUSPECTED"));
        String award = "{\"reasons\": \"Eneste tilbud, forsvarlig pris\", \"evidenceReceived\": true}";
        given().auth().oauth2(buyer()).contentType("application/json").body(award)
                .post("/v1/call-offs/" + id + "/award").then().statusCode(422).body("type", is("/problems/clarification-required"));
        String x = requestExplanation(id, A, CLOCK.instant().plus(Duration.ofDays(2))).then().statusCode(201).extract().jsonPath().getString("id");
        CLOCK.advance(Duration.ofHours(5));
        assess(id, x, "SUFFICIENT", CLOCK.instant().minusSeconds(60)).then().statusCode(200);
        given().auth().oauth2(buyer()).contentType("application/json").body(award)
                .post("/v1/call-offs/" + id + "/award").then().statusCode(200).body("awardedSupplierOrgNo", is(A));
        JsonPath protocol = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/protocol").jsonPath();
        assertThat(protocol.getString("events.find { it.type == 'AWARD_WARNING' }.payload.code"), is("SINGLE_TENDER"));
        assertThat(protocol.getList("events.find { it.type == 'AWARD_WARNING' }.payload.invited"), hasItem(A));
    }

    /** E34: above the budget documented with the publication a tender may be rejected; within it, or without one, not. */
    @Test
    void aTenderAboveTheDocumentedBudgetMayBeRejectedAndOneWithinItMayNot() {
        String id = opened("0.35", "0.35", "0.30", "LINEAR", ", \"documentedBudget\": {\"amount\": \"1300000.00\", \"currency\": \"NOK\"}");
        String overBudget = ", \"rejection\": {\"ground\": \"ABOVE_DOCUMENTED_BUDGET\", \"reason\": \"Over budsjett\"}}";
        evaluate(id, "{\"supplierOrgNo\": \"" + A + "\"" + overBudget + "," + scores(B, "5", "8") + "," + scores(C, "9", "9"))
                .then().statusCode(422).body("type", is("/problems/within-documented-budget")).body("errors[0].pointer", is("/tenders/0/rejection/ground"));
        evaluate(id, scores(A, "7", "6") + "," + scores(B, "5", "8") + ", {\"supplierOrgNo\": \"" + C + "\"" + overBudget)
                .then().statusCode(200).body("ranking", contains(B, A));
    }

    /** Point 10: the seed of a drawing of lots is committed to (SHA-256) at the opening and revealed only when a draw decides. */
    @Test
    void theDrawSeedIsCommittedAtTheOpeningAndRevealedOnlyWhenADrawDecides() throws Exception {
        String tie = draft();
        String noTie = draft();
        Instant deadline = inTwoWeeks();
        for (String id : List.of(tie, noTie)) {
            publish(id, terms(deadline, "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(200);
            tender(id, A, "1000.00").then().statusCode(201);
            tender(id, B, "1000.00").then().statusCode(201);
        }
        CLOCK.set(deadline);
        given().auth().oauth2(buyer()).get("/v1/call-offs/" + tie + "/tenders").then().statusCode(200);  // opens both
        given().auth().oauth2(buyer()).get("/v1/call-offs/" + noTie + "/tenders").then().statusCode(200);
        String seed = storedSeed(tie);
        assertThat(seed.length(), is(64));
        JsonPath protocol = given().auth().oauth2(buyer()).get("/v1/call-offs/" + tie + "/protocol").jsonPath();
        String commitment = protocol.getString("events.find { it.type == 'TENDERS_OPENED' }.payload.drawSeedSha256");
        assertThat(commitment, is(sha256(seed)));
        for (String read : List.of("/protocol", "/export", "", "/tenders")) {
            assertThat(read, given().auth().oauth2(auditor()).get("/v1/call-offs/" + tie + read).asString(), not(containsString(seed)));
        }
        // without a tie the draw is not needed and the seed stays hidden
        evaluate(noTie, scores(A, "7", "6") + "," + scores(B, "5", "8")).then().statusCode(200).body("ties", empty());
        String noTieSeed = storedSeed(noTie);
        for (String read : List.of("/protocol", "/export", "/evaluation")) {
            assertThat(read, given().auth().oauth2(buyer()).get("/v1/call-offs/" + noTie + read).asString(), not(containsString(noTieSeed)));
        }
        // equal on every earlier rule: the draw decides, and its seed is revealed and checkable against the commitment
        JsonPath drawn = conform("recordEvaluation", evaluate(tie, scores(A, "6", "6") + "," + scores(B, "6", "6"))).then().statusCode(200)
                .extract().jsonPath();
        assertThat(drawn.getString("ties[0].resolvedBy"), is("DRAWING_OF_LOTS"));
        assertThat(drawn.getString("ties[0].drawSeed"), is(seed));
        assertThat(drawn.getString("ties[0].drawSeedSha256"), is(commitment));
        String winner = no.skymarked.calloff.domain.Evaluation.drawKey(seed, A).compareTo(no.skymarked.calloff.domain.Evaluation.drawKey(seed, B)) > 0 ? A : B;
        assertThat(drawn.getString("proposedWinnerOrgNo"), is(winner));
        JsonPath after = given().auth().oauth2(buyer()).get("/v1/call-offs/" + tie + "/protocol").jsonPath();
        assertThat(after.getString("events.find { it.type == 'DRAW_SEED_REVEALED' }.payload.drawSeed"), is(seed));
        assertThat(after.getBoolean("verification.intact"), is(true));
    }

    private static String storedSeed(String callOffId) throws Exception {
        var settings = SERVER.server().database();
        try (var c = java.sql.DriverManager.getConnection(settings.url(), settings.username(), settings.password());
             var st = c.prepareStatement("select competition from " + (settings.schema() == null ? "" : settings.schema() + ".")
                     + "call_off where id = ?")) {
            st.setString(1, callOffId);
            try (var rs = st.executeQuery()) {
                rs.next();
                return no.skymarked.shared.Json.tree(rs.getString(1)).path("drawSeed").asText();
            }
        }
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Point 11: evaluators score on their own without prices; the consensus locks the quality scores, then prices show. */
    @Test
    void evaluatorsScoreWithoutPricesAndTheConsensusLocksTheQualityScoresBeforePricesAreShown() {
        String id = opened("0.20", "0.50", "0.30", "LINEAR", "");
        JsonPath tenders = conform("listTenders", given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/tenders")).then()
                .statusCode(200).extract().jsonPath();
        assertThat(tenders.getList("items.pricesHidden"), contains(true, true, true));
        assertThat(tenders.getList("items.evaluatedPrice"), contains(nullValue(), nullValue(), nullValue()));
        assertThat(tenders.getList("items.solutionDescription"), hasItem(containsString(SECRET)));
        String export = given().auth().oauth2(auditor()).get("/v1/call-offs/" + id + "/export").asString();
        assertThat(export, not(containsString("1200000")));
        assertThat(export, not(containsString("1200.00")));
        assertThat(given().auth().oauth2(supplier(A)).get("/v1/call-offs/" + id + "/tenders/" + A).jsonPath()
                .getString("evaluatedPrice.amount"), is("1200000.00"));

        String kari = "{\"evaluator\": \"Kari Nordmann\", \"tenders\": [" + scores(A, "7", "6") + "," + scores(B, "5", "8") + ","
                + scores(C, "9", "9") + "]}";
        evaluatorScores(id, kari).then().statusCode(422).body("type", is("/problems/conflict-declaration-missing"))
                .body("errors[0].pointer", is("/evaluator"));
        declare(id, "{\"evaluator\": \"Ola Hansen\", \"hasConflict\": true, \"detail\": \"Tidligere ansatt hos " + A + "\"}");
        evaluatorScores(id, kari.replace("Kari Nordmann", "Ola Hansen")).then().statusCode(422).body("type", is("/problems/evaluator-has-conflict"));
        declare(id, "{\"evaluator\": \"Kari Nordmann\", \"hasConflict\": false}");
        evaluatorScores(id, "{\"evaluator\": \"Kari Nordmann\", \"tenders\": [" + scores(A, "7", "6") + "]}").then().statusCode(422)
                .body("errors.pointer", hasItem("/tenders"));
        conform("recordEvaluatorScores", evaluatorScores(id, kari)).then().statusCode(201).body("id", is("s1")).body("tenders", hasSize(3))
                .body("tenders.find { it.supplierOrgNo == '" + C + "' }.scores[0].reason", is("Godt begrunnet løsning"));
        declare(id, "{\"evaluator\": \"Per Olsen\", \"hasConflict\": false}");
        evaluatorScores(id, kari.replace("Kari Nordmann", "Per Olsen").replace("\"9\"", "\"8\"")).then().statusCode(201).body("id", is("s2"));
        JsonPath individual = conform("listEvaluatorScores", given().auth().oauth2(auditor()).get("/v1/call-offs/" + id + "/evaluator-scores"))
                .jsonPath();
        assertThat(individual.getList("items.evaluator"), contains("Kari Nordmann", "Per Olsen"));
        assertThat(individual.getString("items[1].tenders.find { it.supplierOrgNo == '" + C + "' }.scores[0].score"), is("8"));
        given().auth().oauth2(supplier(A)).get("/v1/call-offs/" + id + "/evaluator-scores").then().statusCode(404);

        JsonPath consensus = conform("recordEvaluation", evaluate(id, scores(A, "7", "6") + "," + scores(B, "5", "8") + ","
                + scores(C, "9", "9"))).then().statusCode(200).extract().jsonPath();
        assertThat(consensus.getString("qualityLock.lockedAt"), is(CLOCK.instant().toString()));
        assertThat(consensus.getList("evaluatorScores.evaluator"), contains("Kari Nordmann", "Per Olsen"));
        assertThat(consensus.getList("ranking"), contains(C, A, B));
        evaluatorScores(id, kari).then().statusCode(409).body("type", is("/problems/quality-locked"));
        assertThat(given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/tenders/" + A).jsonPath().getString("evaluatedPrice.amount"),
                is("1200000.00"));
        JsonPath protocol = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/protocol").jsonPath();
        assertThat(protocol.getList("events.findAll { it.type == 'EVALUATOR_SCORES_RECORDED' }"), hasSize(2));
        assertThat(protocol.getList("events.find { it.type == 'QUALITY_SCORES_LOCKED' }.payload.evaluatorScores"),
                contains("Kari Nordmann", "Per Olsen"));
    }

    /** E48: a suspended or terminated supplier of the lot is not invited, and why is recorded. */
    @Test
    void aSuspendedSupplierIsNotInvitedAndTheReasonIsRecorded() {
        setMemberStatus(E, "SUSPENDED");
        try {
            String id = draft();
            publish(id, terms(inTwoWeeks(), "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(200);
            JsonPath view = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id).jsonPath();
            assertThat(view.getList("competition.invitedSuppliers"), not(hasItem(E)));
            assertThat(view.getString("competition.excludedSuppliers.find { it.orgNo == '" + E + "' }.reason"), is("SUPPLIER_SUSPENDED"));
            JsonPath protocol = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id + "/protocol").jsonPath();
            assertThat(protocol.getString("events.find { it.type == 'SUPPLIER_EXCLUDED' }.payload.supplierOrgNo"), is(E));
            tender(id, E, "1000.00").then().statusCode(403).body("type", is("/problems/not-invited"));
        } finally {
            setMemberStatus(E, "ACTIVE");
        }
    }

    @Test
    void aSupplierSuspendedAfterTheDraftIsNotInvitedAtThePublication() {
        // the publication is the invitation: it reads the framework in force then and fixes that version (E48, M1)
        String id = draft();
        setMemberStatus(E, "SUSPENDED");
        try {
            publish(id, terms(inTwoWeeks(), "0.35", "0.35", "0.30", "LINEAR", "")).then().statusCode(200);
            JsonPath view = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id).jsonPath();
            assertThat(view.getList("competition.invitedSuppliers"), not(hasItem(E)));
            assertThat(view.getString("competition.excludedSuppliers.find { it.orgNo == '" + E + "' }.reason"), is("SUPPLIER_SUSPENDED"));
        } finally {
            setMemberStatus(E, "ACTIVE");
        }
    }

    private static void setMemberStatus(String orgNo, String status) {
        String editor = editor();
        Response read = given().auth().oauth2(editor).get("/v1/frameworks/" + DT2);
        var framework = (com.fasterxml.jackson.databind.node.ObjectNode) no.skymarked.shared.Json.tree(read.asString());
        for (var lot : framework.path("lots")) {
            for (var member : lot.path("suppliers")) {
                if (lot.path("id").asText().equals(LOT) && member.path("orgNo").asText().equals(orgNo)) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) member).put("status", status);
                }
            }
        }
        given().auth().oauth2(editor).header("If-Match", read.header("ETag")).contentType("application/json")
                .queryParam("amendmentReason", "Leverandøren er suspendert etter avtalens punkt 8")
                .body(no.skymarked.shared.Json.text(framework)).put("/v1/frameworks/" + DT2).then().statusCode(200);
    }

    /** The response, after checking that it conforms to the spec's schema for its status. */
    static Response conform(String operationId, Response r) {
        assertThat(operationId, no.skymarked.SpecContract.problems(operationId, r.statusCode(), r.asString()), empty());
        return r;
    }

    static Response replace(String id, String version, String tenders) {
        return given().auth().oauth2(buyer()).header("If-Match", "\"" + version + "\"").contentType("application/json")
                .body("{\"tenders\": [" + tenders + "]}").put("/v1/call-offs/" + id + "/evaluation");
    }

    static Response evaluatorScores(String id, String body) {
        return given().auth().oauth2(buyer()).contentType("application/json").body(body).post("/v1/call-offs/" + id + "/evaluator-scores");
    }

    static void declare(String id, String body) {
        given().auth().oauth2(buyer()).contentType("application/json").body(body).post("/v1/call-offs/" + id + "/conflict-declarations")
                .then().statusCode(201);
    }
}
