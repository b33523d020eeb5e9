package no.skymarked.calloff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import no.skymarked.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad bodies on every writing step of a mini-competition, each in the state where the step is allowed (draft,
 * tendering, evaluation): always a 4xx problem, never a 500, and nothing accepted earlier is lost.
 */
class CompetitionBadBodiesTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    @org.junit.jupiter.api.extension.RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension(CLOCK);
    private static String draft;
    private static String tendering;
    private static String evaluation;

    @BeforeAll
    static void prepare() {
        given().auth().oauth2(buyer()).post("/v1/frameworks/" + MiniCompetitionApiTest.DT2 + "/accessions").then().statusCode(201);
        draft = create();
        tendering = create();
        evaluation = create();
        Instant deadline = CLOCK.instant().plus(Duration.ofDays(14));
        given().auth().oauth2(buyer()).contentType("application/json")
                .body(MiniCompetitionApiTest.terms(deadline, "0.35", "0.35", "0.30", "LINEAR", ""))
                .post("/v1/call-offs/" + evaluation + "/publication").then().statusCode(200);
        given().auth().oauth2(buyer()).contentType("application/json")
                .body(MiniCompetitionApiTest.terms(deadline.plus(Duration.ofDays(30)), "0.35", "0.35", "0.30", "LINEAR", ""))
                .post("/v1/call-offs/" + tendering + "/publication").then().statusCode(200);
        given().auth().oauth2(supplier()).contentType("application/json").body("{\"rates\": [{\"roleId\": \"ARCHITECT\","
                + " \"hourlyRate\": {\"amount\": \"1200.00\", \"currency\": \"NOK\"}}]}")
                .put("/v1/call-offs/" + evaluation + "/tenders/" + MiniCompetitionApiTest.A).then().statusCode(201);
        CLOCK.set(deadline);
        given().auth().oauth2(buyer()).get("/v1/call-offs/" + evaluation).then().statusCode(200).body("status", is("EVALUATION"));
    }

    @AfterAll
    static void nothingWasLost() {
        given().auth().oauth2(buyer()).get("/v1/call-offs/" + draft).then().body("status", is("DRAFT"));
        given().auth().oauth2(buyer()).get("/v1/call-offs/" + tendering).then().body("status", is("TENDERING"));
        given().auth().oauth2(buyer()).get("/v1/call-offs/" + evaluation).then().body("status", is("EVALUATION"))
                .body("awardedSupplierOrgNo", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(buyer()).get("/v1/call-offs/" + evaluation + "/tenders").then().body("items.size()", is(1));
    }

    private static String create() {
        return given().auth().oauth2(buyer()).contentType("application/json").body("{\"frameworkId\": \"" + MiniCompetitionApiTest.DT2
                        + "\", \"lotId\": \"" + MiniCompetitionApiTest.LOT + "\", \"title\": \"T\", \"needDescription\": \"N\","
                        + " \"estimatedHours\": [{\"roleId\": \"ARCHITECT\", \"hours\": \"1000\"}], \"requestedRoute\": \"MINI_COMPETITION\"}")
                .post("/v1/call-offs").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static String buyer() {
        return SERVER.server().token("991825827", "skymarked:buyer");
    }

    private static String supplier() {
        return SERVER.server().token(MiniCompetitionApiTest.A, "skymarked:supplier");
    }

    static Stream<Arguments> steps() {
        String tenTimesMegabyte = "{\"reason\": \"" + "y".repeat(10 * 1024 * 1024) + "\"}";
        Stream<Object> bodies = Stream.concat(BadBodiesTest.garbage(), Stream.of(tenTimesMegabyte,
                "{\"tenderDeadline\": 5, \"criteria\": {}, \"priceModel\": []}", "{\"criteria\": [1, \"x\", null], \"tieBreak\": [7, null]}",
                "{\"rates\": [{\"roleId\": \"ARCHITECT\", \"hourlyRate\": {\"amount\": 1e999}}]}", "{\"rates\": [null, []]}",
                "{\"tenders\": [{\"supplierOrgNo\": 1, \"scores\": [{\"score\": \"NaN\"}]}]}", "{\"tenders\": [null, 3, []]}",
                "{\"tenders\": [{\"supplierOrgNo\": \"922000018\", \"rejection\": \"yes\"}]}", "{\"excludedSuppliers\": [{\"orgNo\": 12}]}",
                "{\"reasons\": [], \"evidenceReceived\": \"yes\", \"tieDecision\": 3}", "{\"buyerSignedAt\": \"yesterday\"}",
                "{\"question\": {\"nested\": true}}", "{\"answer\": \"\"}", "{\"reason\": \"   \"}"));
        return bodies.flatMap(b -> Stream.of(
                Arguments.of("POST", "/v1/call-offs/{draft}/publication", b),
                Arguments.of("POST", "/v1/call-offs/{tendering}/questions", b),
                Arguments.of("PUT", "/v1/call-offs/{tendering}/tenders/" + MiniCompetitionApiTest.A, b),
                Arguments.of("PUT", "/v1/call-offs/{evaluation}/evaluation", b),
                Arguments.of("POST", "/v1/call-offs/{evaluation}/award", b),
                Arguments.of("POST", "/v1/call-offs/{evaluation}/contract", b),
                Arguments.of("POST", "/v1/call-offs/{evaluation}/cancellation", b)));
    }

    @ParameterizedTest(name = "{0} {1} {index}")
    @MethodSource("steps")
    void answersAProblemNeverA500(String method, String template, Object body) {
        String path = template.replace("{draft}", draft).replace("{tendering}", tendering).replace("{evaluation}", evaluation);
        String token = path.contains("/questions") || path.contains("/tenders/") ? supplier() : buyer();
        var request = given().auth().oauth2(token).contentType("application/json; charset=UTF-8");
        Response response = (body instanceof byte[] bytes ? request.body(bytes) : request.body(((String) body).getBytes(StandardCharsets.UTF_8)))
                .request(method, path);
        String text = response.asString();
        assertThat(method + " " + path + " -> " + text.substring(0, Math.min(300, text.length())), response.statusCode(),
                allOf(greaterThanOrEqualTo(400), lessThan(500)));
        assertThat(response.contentType(), is("application/problem+json"));
    }
}
