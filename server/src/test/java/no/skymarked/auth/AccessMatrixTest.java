package no.skymarked.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of the OpenAPI document × every kind of caller, with the status each must get. An operation
 * added to the spec without a row here fails {@link #everyOperationInTheSpecHasARow}.
 */
class AccessMatrixTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension(java.time.Clock.systemUTC(),
            Map.of("skymarked.dev.clock.enabled", "true"));  // its operations have rows too (moved by nothing, reset to zero)
    enum Who { ANONYMOUS, BUYER_OF_OWNING_ORG, BUYER_OF_OTHER_ORG, SUPPLIER, EDITOR, AUDITOR, EXPIRED_TOKEN, BAD_SIGNATURE }

    private static final String OTHER_ORG = "889640782";
    /** A framework that names eligible agencies, one of them, and a supplier in it. */
    private static String frameworkId;
    private static String owningOrg;
    private static String supplierOrg;
    private static String serviceId;
    private static String callOffId;
    private static String offerId;
    private static final String CALL_OFF = "{\"frameworkId\": \"cloud-infrastruktur-2026\", \"lotId\": \"iaas\", \"title\": \"Drift\","
            + " \"needDescription\": \"Oppsett av nettverk\", \"estimatedHours\": [{\"roleId\": \"CLOUD_ENGINEER\", \"hours\": \"10\"}]}";

    /** Sequences and signs what is pending, so the log holds every event so far; adds nothing to the path. */
    private static String signed(String unused) {
        SERVER.server().running().transparency().tick();
        return "";
    }

    /** {@code expected} 200 means any 2xx (a create answers 201 the first time, 200 after). */
    private record Row(String method, Supplier<String> path, String body, Map<Who, Integer> expected) {
    }

    private static final Map<String, Row> MATRIX = Map.ofEntries(
            Map.entry("accedeToFramework", row("POST", () -> "/v1/frameworks/" + frameworkId + "/accessions", "{}",
                    401, 200, 422, 403, 422, 403)),
            Map.entry("createCallOff", row("POST", () -> "/v1/call-offs", CALL_OFF, 401, 200, 422, 403, 403, 403)),
            Map.entry("listCallOffs", row("GET", () -> "/v1/call-offs", null, 401, 200, 200, 200, 403, 200)),
            Map.entry("getCallOff", row("GET", () -> "/v1/call-offs/" + callOffId, null, 401, 200, 404, 200, 403, 200)),
            Map.entry("listOffers", row("GET", () -> "/v1/call-offs/" + callOffId + "/offers", null, 401, 200, 404, 200, 403, 200)),
            Map.entry("respondToOffer", row("POST", () -> "/v1/call-offs/" + callOffId + "/offers/" + offerId + "/response",
                    "{\"decision\": \"DECLINE\", \"reason\": \"NO_CAPACITY\"}", 401, 403, 403, 200, 403, 403)),
            Map.entry("getCallOffProtocol", row("GET", () -> "/v1/call-offs/" + callOffId + "/protocol", null, 401, 200, 404, 403, 403, 200)),
            Map.entry("createService", row("POST", () -> "/v1/services", "{\"id\": 1}", 401, 403, 403, 403, 422, 403)),
            Map.entry("updateService", row("PUT", () -> "/v1/services/" + serviceId, "{}", 401, 403, 403, 403, 428, 403)),
            Map.entry("withdrawService", row("DELETE", () -> "/v1/services/" + serviceId, null, 401, 403, 403, 403, 428, 403)),
            Map.entry("createSupplier", row("POST", () -> "/v1/suppliers", "{\"orgNo\": 1}", 401, 403, 403, 403, 422, 403)),
            Map.entry("updateSupplier", row("PUT", () -> "/v1/suppliers/" + supplierOrg, "{}", 401, 403, 403, 403, 428, 403)),
            Map.entry("createFramework", row("POST", () -> "/v1/frameworks", "{\"id\": 1}", 401, 403, 403, 403, 422, 403)),
            Map.entry("updateFramework", row("PUT", () -> "/v1/frameworks/" + frameworkId, "{}", 401, 403, 403, 403, 428, 403)),
            Map.entry("listServiceVersions", publicRead(() -> "/v1/services/" + serviceId + "/versions")),
            Map.entry("exportCatalogue", row("GET", () -> "/v1/catalogue/export", null, 401, 403, 403, 403, 200, 403)),
            Map.entry("importCatalogue", row("POST", () -> "/v1/catalogue/imports?dryRun=true", "{\"files\": {\"x.json\": {}}}",
                    401, 403, 403, 403, 422, 403)),
            Map.entry("listAccessions", row("GET", () -> "/v1/accessions", null, 401, 200, 200, 403, 200, 200)),
            Map.entry("searchServices", publicRead(() -> "/v1/services?q=sky")),
            Map.entry("getService", publicRead(() -> "/v1/services/" + serviceId)),
            Map.entry("listSuppliers", publicRead(() -> "/v1/suppliers")),
            Map.entry("getSupplier", publicRead(() -> "/v1/suppliers/" + supplierOrg)),
            Map.entry("listFrameworks", publicRead(() -> "/v1/frameworks")),
            Map.entry("getFramework", publicRead(() -> "/v1/frameworks/" + frameworkId)),
            Map.entry("listFrameworkVersions", publicRead(() -> "/v1/frameworks/" + frameworkId + "/versions")),
            Map.entry("getFrameworkPriceLists", row("GET", () -> "/v1/frameworks/" + frameworkId + "/price-lists", null,
                    401, 200, 403, 200, 200, 200)),
            Map.entry("getMe", row("GET", () -> "/v1/me", null, 401, 200, 200, 200, 200, 200)),
            Map.entry("issueDevToken", row("POST", () -> "/dev/tokens", "{\"org\": \"991825827\", \"scopes\": [\"skymarked:buyer\"]}",
                    200, 200, 200, 200, 200, 200)),
            Map.entry("getDevClock", publicRead(() -> "/dev/clock")),
            Map.entry("moveDevClock", row("PUT", () -> "/dev/clock", "{\"advance\": \"PT0S\"}", 401, 403, 403, 403, 200, 403)),
            Map.entry("resetDevClock", row("DELETE", () -> "/dev/clock", null, 401, 403, 403, 403, 200, 403)),
            // The matrix call-off is a direct award: competition steps are 409 for its buyer, hidden (404) from others.
            Map.entry("publishCompetition", row("POST", () -> "/v1/call-offs/" + callOffId + "/publication", "{}", 401, 422, 422, 403, 403, 403)),
            Map.entry("askQuestion", row("POST", () -> "/v1/call-offs/" + callOffId + "/questions", "{\"question\": \"?\"}",
                    401, 403, 403, 404, 403, 403)),
            Map.entry("listQuestions", row("GET", () -> "/v1/call-offs/" + callOffId + "/questions", null, 401, 200, 404, 404, 404, 200)),
            Map.entry("answerQuestion", row("POST", () -> "/v1/call-offs/" + callOffId + "/questions/q1/answer", "{\"answer\": \"!\"}",
                    401, 409, 404, 403, 403, 403)),
            Map.entry("listTenders", row("GET", () -> "/v1/call-offs/" + callOffId + "/tenders", null, 401, 409, 404, 404, 409, 409)),
            Map.entry("submitTender", row("PUT", () -> "/v1/call-offs/" + callOffId + "/tenders/" + supplierOrg, "{\"rates\": []}",
                    401, 403, 403, 403, 403, 403)),
            Map.entry("getTender", row("GET", () -> "/v1/call-offs/" + callOffId + "/tenders/" + supplierOrg, null, 401, 409, 404, 404, 409, 409)),
            Map.entry("withdrawTender", row("DELETE", () -> "/v1/call-offs/" + callOffId + "/tenders/" + supplierOrg, null,
                    401, 403, 403, 403, 403, 403)),
            Map.entry("recordEvaluation", row("PUT", () -> "/v1/call-offs/" + callOffId + "/evaluation", "{\"tenders\": []}",
                    401, 409, 404, 403, 403, 403)),
            Map.entry("declareConflictOfInterest", row("POST", () -> "/v1/call-offs/" + callOffId + "/conflict-declarations",
                    "{\"evaluator\": \"Kari\", \"hasConflict\": false}", 401, 409, 404, 403, 403, 403)),
            Map.entry("listConflictDeclarations", row("GET", () -> "/v1/call-offs/" + callOffId + "/conflict-declarations", null,
                    401, 200, 404, 404, 404, 200)),
            Map.entry("recordEvaluatorScores", row("POST", () -> "/v1/call-offs/" + callOffId + "/evaluator-scores",
                    "{\"evaluator\": \"Kari\", \"tenders\": []}", 401, 409, 404, 403, 403, 403)),
            Map.entry("listEvaluatorScores", row("GET", () -> "/v1/call-offs/" + callOffId + "/evaluator-scores", null,
                    401, 200, 404, 404, 404, 200)),
            Map.entry("requestExplanation", row("POST", () -> "/v1/call-offs/" + callOffId + "/explanation-requests",
                    "{\"supplierOrgNo\": \"974760673\", \"request\": \"?\", \"deadline\": \"2030-01-01T00:00:00Z\"}",
                    401, 409, 404, 403, 403, 403)),
            Map.entry("listExplanationRequests", row("GET", () -> "/v1/call-offs/" + callOffId + "/explanation-requests", null,
                    401, 200, 404, 404, 404, 200)),
            Map.entry("assessExplanation", row("POST", () -> "/v1/call-offs/" + callOffId + "/explanation-requests/x1/assessment",
                    "{\"verdict\": \"SUFFICIENT\", \"reason\": \"ok\"}", 401, 409, 404, 403, 403, 403)),
            Map.entry("getEvaluation", row("GET", () -> "/v1/call-offs/" + callOffId + "/evaluation", null, 401, 404, 404, 404, 404, 404)),
            Map.entry("awardCallOff", row("POST", () -> "/v1/call-offs/" + callOffId + "/award", "{\"reasons\": \"x\", \"evidenceReceived\": true}",
                    401, 409, 404, 403, 403, 403)),
            Map.entry("listNotices", row("GET", () -> "/v1/call-offs/" + callOffId + "/notices", null, 401, 200, 404, 404, 403, 200)),
            Map.entry("concludeContract", row("POST", () -> "/v1/call-offs/" + callOffId + "/contract", "{}", 401, 409, 404, 403, 403, 403)),
            Map.entry("cancelCallOff", row("POST", () -> "/v1/call-offs/" + callOffId + "/cancellation", "{}", 401, 422, 422, 403, 403, 403)),
            Map.entry("getLatestCheckpoint", row("GET", () -> "/v1/transparency/checkpoint" + signed(""), null, 200, 200, 200, 200, 200, 200)),
            Map.entry("getCheckpoint", row("GET", () -> "/v1/transparency/checkpoints/" + SERVER.server().running().transparency().latest()
                    .orElseThrow().treeSize() + signed(""), null, 200, 200, 200, 200, 200, 200)),
            Map.entry("getLogKey", row("GET", () -> "/v1/transparency/key", null, 200, 200, 200, 200, 200, 200)),
            Map.entry("getConsistencyProof", row("GET", () -> "/v1/transparency/consistency-proof?from=1" + signed("&"), null,
                    200, 200, 200, 200, 200, 200)),
            Map.entry("getInclusionProof", row("GET", () -> "/v1/call-offs/" + callOffId + "/protocol/1/inclusion-proof?treeSize="
                    + SERVER.server().running().transparency().size() + signed("&"), null, 401, 200, 404, 403, 403, 200)),
            Map.entry("exportCallOff", row("GET", () -> "/v1/call-offs/" + callOffId + "/export", null, 401, 200, 404, 404, 403, 200)),
            // open contracting data is published data: everyone reads it, with a valid token or none
            Map.entry("listOcdsReleases", publicRead(() -> "/v1/ocds/releases?limit=5")),
            Map.entry("getOcdsRecord", publicRead(() -> "/v1/ocds/records/ocds-skymk1-framework-" + frameworkId)),
            // this month: the catalogue's framework versions were recorded when the server started
            Map.entry("getOcdsBulkPackage", publicRead(() -> "/v1/ocds/bulk/" + java.time.YearMonth.now(java.time.ZoneOffset.UTC))),
            Map.entry("getOcdsPublicationPolicy", publicRead(() -> "/v1/ocds/publication-policy")),
            // the change feed is open to anyone (each sees what it may); webhooks are for agencies' and suppliers' own subscriptions
            Map.entry("listEvents", publicRead(() -> "/v1/events?after=0")),
            Map.entry("createWebhookSubscription", row("POST", () -> "/v1/webhook-subscriptions", "{\"url\": \"ftp://example.com/\"}",
                    401, 422, 422, 422, 403, 403)),
            Map.entry("listWebhookSubscriptions", row("GET", () -> "/v1/webhook-subscriptions", null, 401, 200, 200, 200, 403, 403)),
            Map.entry("getWebhookSubscription", row("GET", () -> "/v1/webhook-subscriptions/whs-none", null, 401, 404, 404, 404, 403, 403)),
            Map.entry("deleteWebhookSubscription", row("DELETE", () -> "/v1/webhook-subscriptions/whs-none", null,
                    401, 404, 404, 404, 403, 403)),
            Map.entry("replayWebhookSubscription", row("POST", () -> "/v1/webhook-subscriptions/whs-none/replays", "{\"after\": \"0\"}",
                    401, 404, 404, 404, 403, 403)));

    private static Row publicRead(Supplier<String> path) {
        return row("GET", path, null, 200, 200, 200, 200, 200, 200);
    }

    /** Statuses for anonymous, own buyer, other buyer, supplier, editor, auditor; bad tokens are always 401. */
    private static Row row(String method, Supplier<String> path, String body, int... statuses) {
        Map<Who, Integer> expected = new EnumMap<>(Who.class);
        for (int i = 0; i < statuses.length; i++) {
            expected.put(Who.values()[i], statuses[i]);
        }
        expected.put(Who.EXPIRED_TOKEN, 401);
        expected.put(Who.BAD_SIGNATURE, 401);
        return new Row(method, path, body, expected);
    }

    @BeforeAll
    static void start() {
        for (JsonNode f : read(given().get("/v1/frameworks?limit=100")).path("items")) {
            if (f.path("eligibleAgencies").size() > 0) {
                frameworkId = f.path("id").asText();
                owningOrg = f.path("eligibleAgencies").get(0).asText();
                supplierOrg = f.path("lots").get(0).path("suppliers").get(0).path("orgNo").asText();
            }
        }
        assertThat("the demo catalogue has a framework with eligible agencies", frameworkId != null, is(true));
        serviceId = read(given().get("/v1/services?limit=1")).path("items").get(0).path("id").asText();
        assertThat("matrix uses the cloud framework", frameworkId, is("cloud-infrastruktur-2026"));
        String buyer = SERVER.server().token(owningOrg, "skymarked:buyer");
        given().auth().oauth2(buyer).post("/v1/frameworks/" + frameworkId + "/accessions").then().statusCode(201);
        callOffId = read(given().auth().oauth2(buyer).contentType("application/json").body(CALL_OFF).post("/v1/call-offs")
                .then().statusCode(201).extract().response()).path("id").asText();
        offerId = read(given().auth().oauth2(SERVER.server().token(supplierOrg, "skymarked:supplier"))
                .get("/v1/call-offs/" + callOffId + "/offers")).path("items").get(0).path("id").asText();
    }

    @Test
    void everyOperationInTheSpecHasARow() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String operationId : specOperations()) {
            if (!MATRIX.containsKey(operationId)) {
                missing.add(operationId);
            }
        }
        assertThat("operations without access-matrix rows", missing, is(empty()));
        assertThat("rows for operations no longer in the spec", new TreeSet<>(MATRIX.keySet()), is(new TreeSet<>(specOperations())));
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        new TreeSet<>(MATRIX.keySet()).forEach(op -> {
            for (Who who : Who.values()) {
                cells.add(Arguments.of(op, who));
            }
        });
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void callerGetsTheExpectedStatus(String operationId, Who who) {
        Row row = MATRIX.get(operationId);
        RequestSpecification request = given();
        String token = token(who);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (row.body() != null) {
            request.contentType("application/json").body(row.body());
        }
        Response response = request.request(row.method(), row.path().get());
        int expected = row.expected().get(who);
        int actual = expected == 200 && response.statusCode() / 100 == 2 ? 200 : response.statusCode();
        assertThat(operationId + " as " + who + ": " + response.asString(), actual, is(expected));
        if (expected == 401) {
            assertThat(response.header("WWW-Authenticate").startsWith("Bearer"), is(true));
        }
        if (expected >= 400) {
            assertThat(response.contentType(), is("application/problem+json"));
        }
        assertThat(operationId + " " + response.statusCode() + " response matches the spec",
                no.skymarked.SpecContract.problems(operationId, response.statusCode(), response.asString()), is(empty()));
    }

    private static String token(Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case BUYER_OF_OWNING_ORG -> SERVER.server().token(owningOrg, "skymarked:buyer");
            case BUYER_OF_OTHER_ORG -> SERVER.server().token(OTHER_ORG, "skymarked:buyer");
            case SUPPLIER -> SERVER.server().token(supplierOrg, "skymarked:supplier");
            case EDITOR -> SERVER.server().token(OTHER_ORG, "skymarked:editor");
            case AUDITOR -> SERVER.server().token(OTHER_ORG, "skymarked:auditor");
            case EXPIRED_TOKEN -> SERVER.server().token(owningOrg, Duration.ofMinutes(-5), "skymarked:buyer", "skymarked:editor");
            case BAD_SIGNATURE -> {
                String good = SERVER.server().token(owningOrg, "skymarked:buyer", "skymarked:editor");
                String[] parts = good.split("\\.");
                char[] sig = parts[2].toCharArray();
                sig[10] = sig[10] == 'A' ? 'B' : 'A';
                yield parts[0] + "." + parts[1] + "." + new String(sig);
            }
        };
    }

    static List<String> specOperations() throws Exception {
        List<String> ids = new ArrayList<>();
        try (InputStream in = AccessMatrixTest.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(in);
            for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
                for (Iterator<Map.Entry<String, JsonNode>> ops = paths.next().getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (op.getValue().has("operationId")) {
                        ids.add(op.getValue().path("operationId").asText());
                    } else if (List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                        ids.add("<" + op.getKey() + " without operationId>");
                    }
                }
            }
        }
        return ids;
    }

    private static JsonNode read(Response response) {
        return no.skymarked.shared.Json.tree(response.asString());
    }
}
