package no.skymarked.framework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import no.skymarked.MutableClock;
import no.skymarked.SpecContract;
import no.skymarked.TestServerExtension;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An editor's change of a framework over HTTP is held to the rules of the framework files: the four-year period and
 * its options (FOA § 26-1(4), E39, E40), amounts in NOK or a declared conversion (E44, E45), criteria and the § 7-9
 * mode (E27), ranks 1..n (E24), with problem+json pointers. Each test works on its own copy of DT2.
 */
class FrameworkRulesApiTest {
    private static final String DT2 = "oslo-digitale-tjenester-2";
    /** Sunday 10 January 2027, 11:00 in Oslo: DT2 runs to 27 April 2027; its first option's notice deadline is 27 January. */
    private static final Instant START = Instant.parse("2027-01-10T10:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(START);
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension(CLOCK);
    private static final AtomicInteger COPIES = new AtomicInteger();

    @BeforeEach
    void startOfTheDay() {
        CLOCK.set(START);
    }

    private static String editor() {
        return SERVER.server().token("983887457", "skymarked:editor");
    }

    private static ObjectNode read(String id) {
        return (ObjectNode) Json.tree(given().auth().oauth2(editor()).get("/v1/frameworks/" + id).then().statusCode(200).extract().asString());
    }

    /** A new framework made from DT2 with {@code change}, created by an editor; its id. */
    private static String copyOfDt2(Consumer<ObjectNode> change) {
        ObjectNode framework = read(DT2);
        String id = "dt2-copy-" + COPIES.incrementAndGet();
        framework.put("id", id);
        change.accept(framework);
        given().auth().oauth2(editor()).contentType("application/json").body(Json.text(framework)).post("/v1/frameworks")
                .then().statusCode(201);
        return id;
    }

    /** Reads framework {@code id}, applies {@code change} and sends it back with the ETag read. */
    private static Response change(String id, Consumer<ObjectNode> change) {
        Response read = given().auth().oauth2(editor()).get("/v1/frameworks/" + id);
        ObjectNode framework = (ObjectNode) Json.tree(read.asString());
        change.accept(framework);
        return given().auth().oauth2(editor()).header("If-Match", read.header("ETag")).contentType("application/json")
                .queryParam("amendmentReason", "Endring vedtatt av avtaleforvalter").body(Json.text(framework)).put("/v1/frameworks/" + id);
    }

    private static ObjectNode option(ObjectNode f, int i) {
        return (ObjectNode) f.path("period").path("options").get(i);
    }

    private static void conforms(Response response) {
        assertThat(SpecContract.problems("updateFramework", response.statusCode(), response.asString()), is(empty()));
    }

    // --- Options (E39, E40) ---

    @Test
    void anOptionExercisedAfterTheFrameworkEndedIsRefusedNamingTheRule() {
        String id = copyOfDt2(f -> { });
        String etag = given().get("/v1/frameworks/" + id).header("ETag");
        CLOCK.set(Instant.parse("2027-04-27T22:30:00Z"));  // 28 April 2027, 00:30 in Oslo (CEST): the day after the end
        Response refused = change(id, f -> option(f, 0).put("exercised", true));
        refused.then().statusCode(422).contentType("application/problem+json").body("type", is("/problems/option-after-framework-end"))
                .body("errors[0].pointer", is("/period/options/0/exercised"))
                .body("detail", containsString("FOA § 26-1(4): option 1 cannot be exercised after the framework's current end date 2027-04-27"));
        conforms(refused);
        given().get("/v1/frameworks/" + id).then().header("ETag", is(etag)).body("period.options[0].exercised", is(false));
    }

    @Test
    void anOptionExercisedOnTheLastDayIsAcceptedAndTheDayAndEditorAreRecorded() {
        String id = copyOfDt2(f -> { });
        CLOCK.set(Instant.parse("2027-04-27T21:00:00Z"));  // 27 April 2027, 23:00 in Oslo (CEST): the last day
        Response changed = change(id, f -> option(f, 0).put("exercised", true));
        changed.then().statusCode(200).body("period.options[0].exercisedOn", is("2027-04-27"))
                .body("period.options[0].exercisedBy", not(nullValue()));
        conforms(changed);
        assertThat(changed.header("Skymarked-Warning"), containsString("OPTION_EXERCISED_AFTER_NOTICE_DEADLINE /period/options/0/exercised"));
    }

    @Test
    void anOptionExercisedAfterItsNoticeDeadlineIsAcceptedWithAWarning() {
        String id = copyOfDt2(f -> { });
        CLOCK.set(Instant.parse("2027-02-10T09:00:00Z"));
        Response changed = change(id, f -> option(f, 0).put("exercised", true));
        changed.then().statusCode(200).body("period.options[0].exercisedOn", is("2027-02-10"));
        assertThat(changed.header("Skymarked-Warning"), containsString("option 1 is exercised on 2027-02-10, after its notice deadline"
                + " 2027-01-27 but before the framework's end 2027-04-27"));
        given().get("/v1/frameworks/" + id).then().body("period.options[0].exercisedOn", is("2027-02-10"));
        // the date is history: a later change cannot move it
        change(id, f -> option(f, 0).put("exercisedOn", "2027-01-20")).then().statusCode(422)
                .body("type", is("/problems/invalid-framework")).body("errors.pointer", hasItem("/period/options/0/exercisedOn"));
    }

    @Test
    void anOptionExercisedBeforeItsNoticeDeadlineHasNoWarningAndCannotBeBackdated() {
        String id = copyOfDt2(f -> { });
        change(id, f -> option(f, 0).put("exercised", true).put("exercisedOn", "2027-01-02")).then().statusCode(422)
                .body("errors.pointer", hasItem("/period/options/0/exercisedOn"))
                .body("errors.detail", hasItem(containsString("today, 2027-01-10, not 2027-01-02")));
        Response changed = change(id, f -> option(f, 0).put("exercised", true));
        changed.then().statusCode(200).body("period.options[0].exercisedOn", is("2027-01-10"));
        assertThat(changed.header("Skymarked-Warning"), nullValue());
    }

    @Test
    void anImportThatExercisesAnOptionIsJudgedTodayLikeAnEditorsChange() {
        ObjectNode export = (ObjectNode) Json.tree(given().auth().oauth2(editor()).get("/v1/catalogue/export").then().statusCode(200)
                .extract().asString());
        ObjectNode option = (ObjectNode) export.path("files").path("frameworks/" + DT2 + ".json").at("/period/options/0");
        option.put("exercised", true).put("exercisedOn", "2027-04-20");
        CLOCK.set(Instant.parse("2027-04-28T08:00:00Z"));  // after the end; the file says the option was exercised before it
        Response refused = given().auth().oauth2(editor()).contentType("application/json").body(Json.text(export))
                .post("/v1/catalogue/imports?dryRun=true");
        refused.then().statusCode(422).body("type", is("/problems/invalid-catalogue"))
                .body("errors.pointer", hasItem("/files/frameworks~1" + DT2 + ".json/period/options/0/exercised"))
                .body("errors.detail", hasItem(containsString("FOA § 26-1(4): option 1 cannot be exercised after the framework's current end date")));
        CLOCK.set(Instant.parse("2027-02-10T09:00:00Z"));
        option.put("exercisedOn", "2027-02-10");
        given().auth().oauth2(editor()).contentType("application/json").body(Json.text(export)).post("/v1/catalogue/imports?dryRun=true")
                .then().statusCode(200).body("changed.framework", hasItem(DT2))
                .body("warnings.pointer", hasItem("/period/options/0/exercised"))
                .body("warnings.detail", hasItem(containsString("after its notice deadline 2027-01-27")));
    }

    // --- Duration (E40) ---

    @Test
    void aPeriodOneDayPastFourYearsNeedsTheJustification() {
        String id = copyOfDt2(f -> { });
        Response refused = change(id, f -> ((ObjectNode) f.path("period")).put("initialEndDate", "2027-04-28"));
        refused.then().statusCode(422).body("type", is("/problems/invalid-framework"))
                .body("errors.pointer", hasItem("/period/specialCircumstancesJustification"))
                .body("errors.detail", hasItem(containsString("runs to 2030-04-28, past four years (the last day without special"
                        + " circumstances is 2030-04-27")));
        conforms(refused);
        change(id, f -> ((ObjectNode) f.path("period")).put("initialEndDate", "2027-04-28")
                .put("specialCircumstancesJustification", "Investeringene i integrasjoner krever en lengre periode.")).then().statusCode(200);
    }

    // --- Currency and VAT (E44, E45) ---

    @Test
    void aRateInEuroWithoutADeclaredConversionIsRefused() {
        String id = copyOfDt2(f -> { });
        Response refused = change(id, f -> ((ObjectNode) f.at("/lots/0/suppliers/0/rates/0/hourlyRate")).put("currency", "EUR"));
        refused.then().statusCode(422).body("errors.pointer", hasItem("/lots/0/suppliers/0/rates/0/hourlyRate/currency"))
                .body("errors.detail", hasItem(containsString("the amount is in EUR, but the framework declares no conversion to NOK")));
        conforms(refused);
    }

    @Test
    void aDeclaredConversionTurnsEuroRatesIntoNokAtTheCallOffAndTheProtocolSaysSo() {
        String id = copyOfDt2(f -> {
            f.putObject("currencyConversion").put("currency", "EUR").put("nokPerUnit", "11.5").put("rateDate", "2026-04-01")
                    .put("source", "Norges Bank");
            for (var lot : f.path("lots")) {
                for (var member : lot.path("suppliers")) {
                    for (var rate : member.path("rates")) {
                        ((ObjectNode) rate.path("hourlyRate")).put("amount", "100.03").put("currency", "EUR");
                    }
                }
            }
        });
        String buyer = SERVER.server().token("991825827", "skymarked:buyer");
        given().auth().oauth2(buyer).post("/v1/frameworks/" + id + "/accessions").then().statusCode(201);
        Response created = given().auth().oauth2(buyer).contentType("application/json").body("{\"frameworkId\": \"" + id + "\","
                + " \"lotId\": \"programmering\", \"title\": \"Skjema\", \"needDescription\": \"Nytt søknadsskjema\","
                + " \"estimatedHours\": [{\"roleId\": \"DEVELOPER\", \"hours\": \"200\"}]}").post("/v1/call-offs");
        // 100.03 EUR × 11.5 = 1150.345 NOK, half up to 1150.35 per hour; × 200 hours
        created.then().statusCode(201).body("estimatedValue.amount", is("230070.00")).body("estimatedValue.currency", is("NOK"));
        JsonPath protocol = given().auth().oauth2(buyer).get("/v1/call-offs/" + created.jsonPath().getString("id") + "/protocol").jsonPath();
        assertThat(protocol.getString("events.find { it.type == 'AMOUNTS_CONVERTED_TO_NOK' }.payload.currency"), is("EUR"));
        assertThat(protocol.getString("events.find { it.type == 'AMOUNTS_CONVERTED_TO_NOK' }.payload.nokPerUnit"), is("11.5"));
        assertThat(protocol.getString("events.find { it.type == 'AMOUNTS_CONVERTED_TO_NOK' }.payload.rateDate"), is("2026-04-01"));
    }

    @Test
    void anAmountMarkedIncludingVatIsRefused() {
        String id = copyOfDt2(f -> { });
        change(id, f -> ((ObjectNode) f.path("maxValue")).put("vatIncluded", true)).then().statusCode(422)
                .body("errors.pointer", hasItem("/maxValue/vatIncluded"));
        change(id, f -> ((ObjectNode) f.path("maxValue")).put("vatIncluded", false)).then().statusCode(200);
    }

    // --- Criteria and § 7-9 (E27) ---

    @Test
    void aFrameworkWithoutItsSection79ModeOrWithTooLittleEnvironmentIsRefused() {
        String id = copyOfDt2(f -> { });
        change(id, f -> f.remove("env79Mode")).then().statusCode(422).body("errors.pointer", hasItem("/env79Mode"));
        Response lowEnvironment = change(id, f -> ((ObjectNode) f.at("/awardCriteria/3")).put("minWeight", "0.10"));
        lowEnvironment.then().statusCode(422).body("errors.pointer", hasItem("/awardCriteria/3/minWeight"))
                .body("errors.detail", hasItem(containsString("FOA § 7-9 (2)")));
        conforms(lowEnvironment);
        change(id, f -> {
            ((ObjectNode) f.at("/awardCriteria/3")).put("minWeight", "0.10");
            f.put("env79Mode", "REQUIREMENTS_CLEARLY_BETTER");
        }).then().statusCode(422).body("errors.pointer", hasItem("/env79Reason"));
        change(id, f -> {
            ((ObjectNode) f.at("/awardCriteria/3")).put("minWeight", "0.10");
            f.put("env79Mode", "REQUIREMENTS_CLEARLY_BETTER").put("env79Reason", "Krav om fornybar energi i spesifikasjonen gir klart bedre effekt.");
        }).then().statusCode(200);
    }

    @Test
    void aFrameworkWithoutCriteriaIsRefused() {
        String id = copyOfDt2(f -> { });
        change(id, f -> ((ArrayNode) f.path("awardCriteria")).removeAll()).then().statusCode(422)
                .body("errors.pointer", hasItem("/awardCriteria"))
                .body("errors.detail", hasItem(containsString("a framework states its award criteria")));
    }

    // --- Ranks (E24) ---

    @Test
    void aMissingRankIsRefusedAtCreationAndAtAChange() {
        ObjectNode framework = read(DT2);
        framework.put("id", "dt2-missing-rank");
        ((ObjectNode) framework.at("/lots/0/suppliers/0")).put("rank", 9);
        Response refused = given().auth().oauth2(editor()).contentType("application/json").body(Json.text(framework)).post("/v1/frameworks");
        refused.then().statusCode(422).body("errors.pointer", hasItem("/lots/0/suppliers"))
                .body("errors.detail", hasItem(containsString("rank 1 is missing")));
        assertThat(SpecContract.problems("createFramework", refused.statusCode(), refused.asString()), is(empty()));
        String id = copyOfDt2(f -> { });
        change(id, f -> ((ObjectNode) f.at("/lots/0/suppliers/1")).put("rank", 1)).then().statusCode(422)
                .body("errors.pointer", hasItem("/lots/0/suppliers/1/rank"));
    }

    @Test
    void theDemoFrameworksStateTheirMode() {
        JsonPath dt2 = given().get("/v1/frameworks/" + DT2).jsonPath();
        assertThat(dt2.getString("env79Mode"), is("WEIGHTED_30"));
        assertThat(given().get("/v1/frameworks/cloud-infrastruktur-2026").jsonPath().getString("env79Mode"), is("WEIGHTED_30"));
    }
}
