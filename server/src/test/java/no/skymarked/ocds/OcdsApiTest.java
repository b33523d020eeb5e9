package no.skymarked.ocds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.skymarked.MutableClock;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: a direct award and a mini-competition of the README tours appear as valid OCDS releases linked to
 * their framework, read without a token; every package the API produces passes the strict validation; nothing
 * sealed or confidential is in them.
 */
class OcdsApiTest {
    private static final String DT2 = "oslo-digitale-tjenester-2";
    private static final String PREFIX = "ocds-tst123";
    private static final String FRAMEWORK_OCID = PREFIX + "-framework-" + DT2;
    private static final String BUYER = "991825827";
    private static final String A = "922000018";
    private static final String B = "922200009";
    private static final String C = "921900007";
    private static final String SECRET = "Vår hemmelige løsning";
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(START);
    @org.junit.jupiter.api.extension.RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension(CLOCK,
            Map.of("skymarked.ocds.prefix", PREFIX, "skymarked.ocds.publisher.uid", "999999999",
                    "skymarked.ocds.base.url", "https://skymarked.example.no/"));

    @BeforeAll
    static void accede() {
        given().auth().oauth2(buyer()).post("/v1/frameworks/" + DT2 + "/accessions").then().statusCode(201);
    }

    @BeforeEach
    void startOfTheDay() {
        CLOCK.set(START);
    }

    static String buyer() {
        return SERVER.server().token(BUYER, "skymarked:buyer");
    }

    static String supplier(String orgNo) {
        return SERVER.server().token(orgNo, "skymarked:supplier");
    }

    /** A record package read anonymously, checked strictly; its single record. */
    static JsonNode record(String ocid) {
        String body = given().get("/v1/ocds/records/" + ocid).then().statusCode(200).contentType("application/json").extract().asString();
        assertThat(OcdsValidator.recordPackage(body), is(empty()));
        JsonNode p = Json.tree(body);
        assertThat(p.path("uri").asText(), is("https://skymarked.example.no/v1/ocds/records/" + ocid));
        assertThat(p.path("license").asText(), is("https://data.norge.no/nlod/no/2.0"));
        assertThat(p.path("publicationPolicy").asText(), is("https://skymarked.example.no/v1/ocds/publication-policy"));
        assertThat(p.path("publisher").path("scheme").asText(), is("NO-BRC"));
        assertThat(p.path("publisher").path("uid").asText(), is("999999999"));
        return p.path("records").get(0);
    }

    static List<String> tags(JsonNode record) {
        List<String> out = new ArrayList<>();
        record.path("releases").forEach(r -> out.add(r.path("tag").get(0).asText()));
        return out;
    }

    @Test
    void aDirectAwardInRankedOrderIsAnAwardReleaseLinkedToItsFramework() {
        // a need of its own, so the splitting check (one agency's direct call-offs for the same need) leaves it be
        String need = java.util.UUID.randomUUID().toString();
        String id = given().auth().oauth2(buyer()).contentType("application/json").body("{\"frameworkId\": \"" + DT2 + "\","
                        + " \"lotId\": \"programmering\", \"title\": \"Innbyggertjeneste " + need + "\", \"needDescription\": \"Behov " + need
                        + "\", \"estimatedHours\": [{\"roleId\": \"DEVELOPER\", \"hours\": \"200\"}]}")
                .post("/v1/call-offs").then().statusCode(201).extract().jsonPath().getString("id");
        String ocid = PREFIX + "-call-off-" + id;
        given().get("/v1/ocds/records/" + ocid).then().statusCode(404).contentType("application/problem+json");
        String rank1 = given().get("/v1/frameworks/" + DT2).jsonPath()
                .getString("lots.find { it.id == 'programmering' }.suppliers.find { it.rank == 1 }.orgNo");
        String offer = given().auth().oauth2(supplier(rank1)).get("/v1/call-offs/" + id + "/offers").jsonPath().getString("items[0].id");
        CLOCK.advance(Duration.ofHours(2));
        given().auth().oauth2(supplier(rank1)).contentType("application/json").body("{\"decision\": \"ACCEPT\"}")
                .post("/v1/call-offs/" + id + "/offers/" + offer + "/response").then().statusCode(200).body("status", is("AWARDED"));
        String agreed = given().auth().oauth2(buyer()).get("/v1/call-offs/" + id).jsonPath().getString("agreedValue.amount");

        JsonNode record = record(ocid);
        assertThat(tags(record), contains("award"));
        JsonNode compiled = record.path("compiledRelease");
        assertThat(compiled.path("ocid").asText(), is(ocid));
        assertThat(compiled.path("date").asText(), is(START.plus(Duration.ofHours(2)).toString()));
        JsonNode tender = compiled.path("tender");
        assertThat(tender.path("competitive").isBoolean() && !tender.path("competitive").asBoolean(), is(true));
        assertThat(tender.path("procurementMethod").asText(), is("limited"));
        assertThat(tender.path("techniques").path("hasFrameworkAgreement").asBoolean(), is(true));
        assertThat(tender.path("techniques").path("frameworkAgreement").path("method").asText(), is("withAndWithoutReopeningCompetition"));
        assertThat(tender.path("items").get(0).path("quantity").decimalValue().intValue(), is(200));
        assertThat(tender.path("items").get(0).path("unit").path("id").asText(), is("HUR"));
        assertThat("the framework's CPV code from the catalogue", tender.path("items").get(0).path("classification").toString(),
                is("{\"scheme\":\"CPV\",\"id\":\"72200000-7\"}"));
        JsonNode award = compiled.path("awards").get(0);
        assertThat(award.path("suppliers").get(0).path("id").asText(), is("NO-BRC-" + rank1));
        assertThat(award.path("value").path("amount").decimalValue().compareTo(new java.math.BigDecimal(agreed)), is(0));
        assertThat(award.path("value").path("currency").asText(), is("NOK"));
        assertThat(compiled.path("buyer").path("id").asText(), is("NO-BRC-" + BUYER));
        JsonNode related = compiled.path("relatedProcesses").get(0);
        assertThat(related.path("relationship").get(0).asText(), is("framework"));
        assertThat(related.path("identifier").asText(), is(FRAMEWORK_OCID));

        JsonNode framework = record(related.path("identifier").asText());
        assertThat(framework.path("compiledRelease").path("tender").path("techniques").path("hasFrameworkAgreement").asBoolean(), is(true));
        assertThat(framework.path("compiledRelease").path("tender").path("techniques").path("frameworkAgreement").path("method").asText(),
                is("withAndWithoutReopeningCompetition"));
        assertThat("the framework's public record has no rates", framework.toString(), not(containsString("ourlyRate")));
    }

    @Test
    void aMiniCompetitionIsPublishedAsTenderAwardAndContractWithoutAnythingSealed() {
        String id = given().auth().oauth2(buyer()).contentType("application/json").body("{\"frameworkId\": \"" + DT2 + "\","
                        + " \"lotId\": \"utviklingsmetodikk\", \"title\": \"Ny saksbehandlingsløsning\", \"needDescription\": \"Arkitektur for ny løsning\","
                        + " \"estimatedHours\": [{\"roleId\": \"ARCHITECT\", \"hours\": \"1000\"}], \"requestedRoute\": \"MINI_COMPETITION\"}")
                .post("/v1/call-offs").then().statusCode(201).extract().jsonPath().getString("id");
        String ocid = PREFIX + "-call-off-" + id;
        given().get("/v1/ocds/records/" + ocid).then().statusCode(404);
        Instant deadline = START.plus(Duration.ofDays(14));
        given().auth().oauth2(buyer()).contentType("application/json").body("{\"tenderDeadline\": \"" + deadline + "\", \"criteria\": ["
                        + "{\"criterionId\": \"price\", \"weight\": \"0.20\"}, {\"criterionId\": \"quality\", \"weight\": \"0.50\"},"
                        + " {\"criterionId\": \"environment\", \"weight\": \"0.30\"}], \"priceModel\": \"LINEAR\", \"voluntaryStandstillDays\": 5}")
                .post("/v1/call-offs/" + id + "/publication").then().statusCode(200);
        for (String[] t : new String[][] {{A, "1200.00"}, {B, "1000.00"}, {C, "1500.00"}}) {
            given().auth().oauth2(supplier(t[0])).contentType("application/json").body("{\"rates\": [{\"roleId\": \"ARCHITECT\", \"hourlyRate\":"
                    + " {\"amount\": \"" + t[1] + "\", \"currency\": \"NOK\"}}], \"solutionDescription\": \"" + SECRET + " (" + t[0] + ")\"}")
                    .put("/v1/call-offs/" + id + "/tenders/" + t[0]).then().statusCode(201);
        }

        // before the deadline: the tender is public, nothing of the tenders is
        JsonNode open = record(ocid);
        assertThat(tags(open), contains("tender"));
        JsonNode tender = open.path("compiledRelease").path("tender");
        assertThat(tender.path("status").asText(), is("active"));
        assertThat(tender.path("competitive").asBoolean(), is(true));
        assertThat(tender.path("procurementMethod").asText(), is("selective"));
        assertThat(tender.path("tenderPeriod").path("endDate").asText(), is(deadline.toString()));
        assertThat(tender.path("awardCriteriaDetails").asText(), is("Pris 20 %; Kvalitet på løsningsforslag 50 %; Klima og miljø 30 %"));
        String sealedPhase = open.toString() + given().get("/v1/ocds/releases?limit=100").asString()
                + given().get("/v1/ocds/bulk/2026-12").asString();
        for (String leak : List.of(SECRET, "1200.00", "1500", "1000.00", A, B, C, "tenderers", "ateCeiling")) {
            assertThat("sealed or confidential: " + leak, open.toString(), not(containsString(leak)));
        }
        assertThat(sealedPhase, not(containsString(SECRET)));
        assertThat(sealedPhase, not(containsString("1200.00")));

        CLOCK.set(deadline);
        given().auth().oauth2(buyer()).contentType("application/json").body("{\"tenders\": [" + scores(A, "7", "6") + "," + scores(B, "5", "8")
                + "," + scores(C, "9", "9") + "]}").put("/v1/call-offs/" + id + "/evaluation").then().statusCode(200);
        given().auth().oauth2(buyer()).contentType("application/json").body("{\"reasons\": \"Høyest poengsum\", \"evidenceReceived\": true}")
                .post("/v1/call-offs/" + id + "/award").then().statusCode(200).body("awardedSupplierOrgNo", is(C));
        JsonNode awarded = record(ocid);
        assertThat(tags(awarded), contains("tender", "award"));
        assertThat(awarded.path("compiledRelease").path("awards").get(0).path("status").asText(), is("pending"));
        assertThat("losing tenderers are not published", awarded.toString(), not(containsString(A)));

        CLOCK.advance(Duration.ofDays(8));
        String signed = "{\"buyerSignedAt\": \"" + CLOCK.instant() + "\", \"supplierSignedAt\": \"" + CLOCK.instant() + "\"}";
        given().auth().oauth2(buyer()).contentType("application/json").body(signed).post("/v1/call-offs/" + id + "/contract")
                .then().statusCode(200).body("status", is("CONTRACTED"));

        JsonNode record = record(ocid);
        assertThat(tags(record), contains("tender", "award", "contract"));
        JsonNode compiled = record.path("compiledRelease");
        assertThat(compiled.path("tender").path("status").asText(), is("complete"));
        assertThat(compiled.path("awards").get(0).path("status").asText(), is("active"));
        assertThat(compiled.path("awards").get(0).path("suppliers").get(0).path("id").asText(), is("NO-BRC-" + C));
        assertThat(compiled.path("awards").get(0).path("value").path("amount").decimalValue().intValue(), is(1_500_000));
        assertThat(compiled.path("contracts").get(0).path("status").asText(), is("active"));
        assertThat(compiled.path("contracts").get(0).path("dateSigned").asText(), is(CLOCK.instant().toString()));
        assertThat(compiled.path("relatedProcesses").get(0).path("identifier").asText(), is(FRAMEWORK_OCID));
        assertThat(compiled.toString(), not(containsString(SECRET)));
        assertThat(compiled.toString(), not(containsString(A)));
        record.path("releases").forEach(r -> assertThat(r.path("url").asText(), containsString("/v1/ocds/bulk/2026-12#" + ocid + "-")));
    }

    static String scores(String org, String quality, String environment) {
        return "{\"supplierOrgNo\": \"" + org + "\", \"scores\": [{\"criterionId\": \"quality\", \"score\": \"" + quality
                + "\", \"reason\": \"Godt begrunnet\"}, {\"criterionId\": \"environment\", \"score\": \"" + environment
                + "\", \"reason\": \"Dokumentert miljøprofil\"}]}";
    }

    @Test
    void theReleaseFeedPagesWithLinksNextAndEveryPageAndBulkPackageIsValid() {
        aDirectAwardInRankedOrderIsAnAwardReleaseLinkedToItsFramework();
        Set<String> seen = new HashSet<>();
        List<String> dates = new ArrayList<>();
        String next = "/v1/ocds/releases?limit=2";
        int pages = 0;
        while (next != null) {
            String body = given().get(next).then().statusCode(200).extract().asString();
            assertThat(OcdsValidator.releasePackage(body), is(empty()));
            JsonNode p = Json.tree(body);
            for (JsonNode r : p.path("releases")) {
                assertThat("no release twice", seen.add(r.path("ocid").asText() + " " + r.path("id").asText()), is(true));
                dates.add(r.path("date").asText());
            }
            next = p.path("links").path("next").isTextual()
                    ? p.path("links").path("next").asText().replace("https://skymarked.example.no", "") : null;
            pages++;
        }
        assertThat(pages, greaterThan(1));
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort((x, y) -> Instant.parse(x).compareTo(Instant.parse(y)));
        assertThat("oldest first", dates, is(sorted));
        assertThat(seen.stream().map(s -> s.split(" ")[0]).toList(), hasItems(FRAMEWORK_OCID, PREFIX + "-framework-cloud-infrastruktur-2026"));

        String later = given().get("/v1/ocds/releases?since=2026-12-01T09:00:00Z&limit=100").then().statusCode(200).extract().asString();
        Json.tree(later).path("releases").forEach(r -> assertThat(Instant.parse(r.path("date").asText()).isBefore(
                Instant.parse("2026-12-01T09:00:00Z")), is(false)));
        assertThat(Json.tree(later).path("releases").size(), greaterThan(0));

        Response bulk = given().get("/v1/ocds/bulk/2026-12");
        bulk.then().statusCode(200);
        assertThat(OcdsValidator.releasePackage(bulk.asString()), is(empty()));
        List<String> bulkIds = new ArrayList<>();
        Json.tree(bulk.asString()).path("releases").forEach(r -> bulkIds.add(r.path("id").asText()));
        assertThat(bulkIds, hasItem(containsString("-call-off-")));
        assertThat(Json.tree(bulk.asString()).path("uri").asText(), is("https://skymarked.example.no/v1/ocds/bulk/2026-12"));
    }

    @Test
    void badParametersAreProblemsNamingThemAndUnknownRecordsAre404() {
        given().get("/v1/ocds/releases?since=yesterday").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", is("since"));
        given().get("/v1/ocds/releases?cursor=bm9wZQ").then().statusCode(400).body("errors[0].parameter", is("cursor"));
        given().get("/v1/ocds/releases?limit=0").then().statusCode(400).body("errors[0].parameter", is("limit"));
        // dates no database keeps: a problem naming the parameter, not a 500
        given().queryParam("since", "+999999999-01-01T00:00:00Z").get("/v1/ocds/releases").then().statusCode(400)
                .body("errors[0].parameter", is("since"));
        String farCursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "+1000000000-12-31T23:59:59Z|CALL_OFF|1|x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().get("/v1/ocds/releases?cursor=" + farCursor).then().statusCode(400).body("errors[0].parameter", is("cursor"));
        given().get("/v1/ocds/bulk/2026-13").then().statusCode(400).body("errors[0].parameter", is("month"));
        given().get("/v1/ocds/bulk/december").then().statusCode(400).body("errors[0].parameter", is("month"));
        given().get("/v1/ocds/bulk/2020-01").then().statusCode(404).contentType("application/problem+json");
        String future = given().get("/v1/ocds/releases?since=2099-01-01T00:00:00Z").then().statusCode(200).extract().asString();
        assertThat(Json.tree(future).path("releases").size(), is(0));
        assertThat(Json.tree(future).has("links"), is(false));
        given().get("/v1/ocds/records/" + PREFIX + "-call-off-nope").then().statusCode(404).body("type", is("/problems/not-found"));
        given().get("/v1/ocds/records/ocds-zzz999-framework-" + DT2).then().statusCode(404);
        given().get("/v1/ocds/publication-policy").then().statusCode(200).contentType(containsString("text/markdown"))
                .body(containsString("NLOD"));
    }
}
