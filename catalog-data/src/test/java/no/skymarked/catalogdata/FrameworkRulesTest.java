package no.skymarked.catalogdata;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The catalogue check of framework files: the four-year period and its options (FOA § 26-1(4), E39, E40), amounts
 * in NOK or a declared conversion (E44, E45), award criteria and the § 7-9 mode (E27), ranks 1..n (E24).
 */
class FrameworkRulesTest {
    private static final String SUPPLIER = """
            {"orgNo": "%s", "name": "Leverandør %s AS",
             "description": {"nb": "Test", "en": "Test"}, "country": "NO",
             "website": "https://test.example.no", "contactEmail": "salg@test.example.no"}
            """;
    /** Valid: DT2's period (28 April 2026, 1 + 1 + 1 + 1 years), criteria with 30 % environment, two ranked suppliers. */
    private static final String FRAMEWORK = """
            {"id": "fw-test", "title": {"nb": "T", "en": "T"}, "description": {"nb": "T", "en": "T"},
             "owner": {"orgNo": "991825827", "name": "Etat"}, "kind": "CONSULTING", "callOffMechanism": "MIXED", "eligibleAgencies": ["991825827"],
             "status": "ACTIVE",
             "period": {"startDate": "2026-04-28", "initialEndDate": "2027-04-27", "options": [
                {"lengthMonths": 12, "noticeDeadline": "2027-01-27", "exercised": false},
                {"lengthMonths": 12, "noticeDeadline": "2028-01-27", "exercised": false},
                {"lengthMonths": 12, "noticeDeadline": "2029-01-27", "exercised": false}]},
             "thresholdHours": "250", "cascadeResponseWorkingDays": 2, "miniCompetitionMinDeadlineWorkingDays": 5,
             "estimatedValue": {"amount": "1000000", "currency": "NOK"}, "maxValue": {"amount": "2000000", "currency": "NOK"},
             "roles": [{"id": "DEVELOPER", "name": {"nb": "Utvikler", "en": "Developer"}}],
             "awardCriteria": [
                {"id": "price", "type": "PRICE", "name": {"nb": "Pris", "en": "Price"}, "minWeight": "0.30", "maxWeight": "0.50"},
                {"id": "quality", "type": "QUALITY", "name": {"nb": "K", "en": "Q"}, "minWeight": "0.20", "maxWeight": "0.40"},
                {"id": "environment", "type": "ENVIRONMENT", "name": {"nb": "Miljø", "en": "Environment"}, "minWeight": "0.30", "maxWeight": "0.40"}],
             "env79Mode": "WEIGHTED_30",
             "lots": [{"id": "lot-1", "name": {"nb": "L", "en": "L"}, "suppliers": [
                {"orgNo": "974760673", "rank": 1, "status": "ACTIVE", "rates": [
                    {"roleId": "DEVELOPER", "hourlyRate": {"amount": "1000", "currency": "NOK"}}]},
                {"orgNo": "921100000", "rank": 2, "status": "ACTIVE", "rates": [
                    {"roleId": "DEVELOPER", "hourlyRate": {"amount": "1100", "currency": "NOK"}}]}]}]}
            """;

    private final CatalogueValidator validator = new CatalogueValidator();

    private CatalogueValidator.Result check(Consumer<ObjectNode> change) {
        ObjectNode framework;
        try {
            framework = (ObjectNode) CatalogueValidator.JSON.readTree(FRAMEWORK);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        change.accept(framework);
        return validator.validate(new CatalogueBundle(List.of(
                new CatalogueFile("suppliers/leverandor-a.json", SUPPLIER.formatted("974760673", "A")),
                new CatalogueFile("suppliers/leverandor-b.json", SUPPLIER.formatted("921100000", "B")),
                new CatalogueFile("frameworks/fw-test.json", framework.toString()))));
    }

    private List<String> problems(Consumer<ObjectNode> change) {
        return strings(check(change).problems());
    }

    private static List<String> strings(List<CatalogueProblem> problems) {
        List<String> out = new ArrayList<>();
        problems.forEach(p -> out.add(p.toString()));
        return out;
    }

    private static ObjectNode period(ObjectNode f) {
        return (ObjectNode) f.path("period");
    }

    private static ObjectNode option(ObjectNode f, int i) {
        return (ObjectNode) f.path("period").path("options").get(i);
    }

    private static ObjectNode criterion(ObjectNode f, int i) {
        return (ObjectNode) f.path("awardCriteria").get(i);
    }

    private static ObjectNode rate(ObjectNode f, int member) {
        return (ObjectNode) f.path("lots").get(0).path("suppliers").get(member).path("rates").get(0).path("hourlyRate");
    }

    @Test
    void theBaseFrameworkIsValid() {
        assertThat(problems(f -> { }), is(empty()));
    }

    // --- Duration (FOA § 26-1(4), E40) ---

    @Test
    void fourYearsEndTheDayBeforeTheFourthAnniversary() {
        assertThat(FrameworkPeriod.latestEndWithoutJustification(LocalDate.parse("2026-04-28")), is(LocalDate.parse("2030-04-27")));
        assertThat(FrameworkPeriod.latestEndWithoutJustification(LocalDate.parse("2026-01-01")), is(LocalDate.parse("2029-12-31")));
        assertThat(FrameworkPeriod.latestEndWithoutJustification(LocalDate.parse("2028-02-29")), is(LocalDate.parse("2032-02-28")));
        // DT2: 28.04.2026–27.04.2027 with 1 + 1 + 1 years ends 27.04.2030: exactly four years, accepted
        assertThat(problems(f -> option(f, 2).put("lengthMonths", 12)), is(empty()));
    }

    @Test
    void oneDayPastFourYearsNeedsTheJustification() {
        // initial end one day later: with the options the period ends 28.04.2030, the fourth anniversary
        Consumer<ObjectNode> oneDayLonger = f -> period(f).put("initialEndDate", "2027-04-28");
        assertThat(problems(oneDayLonger), hasItem(containsString(
                "at /period/specialCircumstancesJustification: with all options the framework runs to 2030-04-28, past four years"
                        + " (the last day without special circumstances is 2030-04-27")));
        assertThat(problems(f -> period(f).put("initialEndDate", "2027-04-29")),
                hasItem(containsString("at /period/specialCircumstancesJustification")));
        assertThat(problems(oneDayLonger.andThen(f -> period(f).put("specialCircumstancesJustification",
                "Investeringskostnadene krever fem år (FOA § 26-1(4))."))), is(empty()));
        assertThat(problems(oneDayLonger.andThen(f -> period(f).put("specialCircumstancesJustification", "   "))),
                hasItem(containsString("at /period/specialCircumstancesJustification")));
    }

    @Test
    void anOptionRunsWholeMonthsFromTheDayAfterThePeriodItExtends() {
        assertThat(FrameworkPeriod.extend(LocalDate.parse("2027-02-28"), 12), is(LocalDate.parse("2028-02-29")));
        assertThat(FrameworkPeriod.extend(LocalDate.parse("2026-06-30"), 1), is(LocalDate.parse("2026-07-31")));
        assertThat(FrameworkPeriod.extend(LocalDate.parse("2027-04-27"), 12), is(LocalDate.parse("2028-04-27")));
        // start 31.07.2026: four years end 30.07.2030; a one-month option after 30.06.2030 runs to 31.07.2030, too long
        assertThat(problems(f -> {
            period(f).put("startDate", "2026-07-31").put("initialEndDate", "2030-06-30");
            ArrayNode options = (ArrayNode) f.path("period").path("options");
            options.removeAll();
            options.addObject().put("lengthMonths", 1).put("exercised", false);
        }), hasItem(containsString("runs to 2030-07-31, past four years (the last day without special circumstances is 2030-07-30")));
    }

    // --- Options (E39, E40) ---

    @Test
    void anOptionExercisedAfterTheFrameworkEndedIsRefused() {
        List<String> problems = problems(f -> option(f, 0).put("exercised", true).put("exercisedOn", "2027-04-28"));
        assertThat(problems, hasItem(containsString("at /period/options/0/exercisedOn: FOA § 26-1(4): the option was exercised"
                + " on 2027-04-28, after the framework ended on 2027-04-27")));
        assertThat(problems(f -> option(f, 0).put("exercised", true).put("exercisedOn", "2027-04-27")), is(empty()));
    }

    @Test
    void anExercisedOptionSaysWhenAndOptionsAreExercisedInOrder() {
        assertThat(problems(f -> option(f, 0).put("exercised", true)),
                hasItem(containsString("at /period/options/0/exercisedOn: an exercised option needs the date")));
        assertThat(problems(f -> option(f, 1).put("exercised", true).put("exercisedOn", "2028-01-10")),
                hasItem(containsString("at /period/options/1/exercised: options are exercised in order")));
        assertThat(problems(f -> option(f, 0).put("noticeDeadline", "2027-05-01")),
                hasItem(containsString("at /period/options/0/noticeDeadline: the notice deadline 2027-05-01 is after 2027-04-27")));
    }

    @Test
    void anOptionExercisedAfterItsNoticeDeadlineButBeforeTheEndIsAcceptedWithAWarning() {
        CatalogueValidator.Result late = check(f -> option(f, 0).put("exercised", true).put("exercisedOn", "2027-02-10"));
        assertThat(late.problems(), is(empty()));
        assertThat(strings(late.warnings()), hasItem(containsString("frameworks/fw-test.json at /period/options/0/exercisedOn:"
                + " exercised on 2027-02-10, after the notice deadline 2027-01-27")));
        assertThat(check(f -> option(f, 0).put("exercised", true).put("exercisedOn", "2027-01-27")).warnings(), is(empty()));
    }

    @Test
    void theCurrentEndCountsOnlyTheOptionsExercised() {
        ObjectNode f;
        try {
            f = (ObjectNode) CatalogueValidator.JSON.readTree(FRAMEWORK);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(FrameworkPeriod.currentEndDate(f), is(LocalDate.parse("2027-04-27")));
        option(f, 0).put("exercised", true);
        assertThat(FrameworkPeriod.currentEndDate(f), is(LocalDate.parse("2028-04-27")));
        assertThat(FrameworkPeriod.maxEndDate(f.path("period")), is(LocalDate.parse("2030-04-27")));
    }

    // --- Currency and VAT (E44, E45) ---

    @Test
    void aForeignCurrencyAmountWithoutADeclaredConversionIsRefused() {
        assertThat(problems(f -> rate(f, 1).put("currency", "EUR")), hasItem(containsString(
                "at /lots/0/suppliers/1/rates/0/hourlyRate/currency: the amount is in EUR, but the framework declares no conversion to NOK")));
        assertThat(problems(f -> {
            ((ObjectNode) f.path("estimatedValue")).put("currency", "EUR");
            ((ObjectNode) f.path("maxValue")).put("currency", "EUR");
        }), hasItem(containsString("at /estimatedValue/currency: the amount is in EUR")));
        assertThat(problems(f -> ((ObjectNode) f.path("maxValue")).put("currency", "SEK")),
                hasItem(containsString("at /maxValue/currency")));
    }

    @Test
    void aDeclaredConversionAllowsThatCurrencyOnly() {
        Consumer<ObjectNode> euro = f -> f.putObject("currencyConversion").put("currency", "EUR").put("nokPerUnit", "11.4520")
                .put("rateDate", "2026-04-01").put("source", "Norges Bank");
        assertThat(problems(euro.andThen(f -> rate(f, 1).put("currency", "EUR"))), is(empty()));
        assertThat(problems(euro.andThen(f -> rate(f, 1).put("currency", "SEK"))),
                hasItem(containsString("the amount is in SEK, but the framework declares a conversion from EUR only")));
        assertThat(problems(f -> f.putObject("currencyConversion").put("currency", "NOK").put("nokPerUnit", "1")
                .put("rateDate", "2026-04-01")), hasItem(containsString("at /currencyConversion/currency")));
        assertThat(problems(euro.andThen(f -> ((ObjectNode) f.path("currencyConversion")).put("nokPerUnit", "0"))),
                hasItem(containsString("at /currencyConversion/nokPerUnit: the rate must be greater than zero")));
        assertThat(problems(f -> f.putObject("currencyConversion").put("currency", "EUR")),
                hasItem(containsString("at /currencyConversion/nokPerUnit")));
    }

    @Test
    void anAmountMarkedIncludingVatIsRefused() {
        assertThat(problems(f -> ((ObjectNode) f.path("estimatedValue")).put("vatIncluded", true)),
                hasItem(containsString("at /estimatedValue/vatIncluded")));
        assertThat(problems(f -> rate(f, 0).put("vatIncluded", true)),
                hasItem(containsString("at /lots/0/suppliers/0/rates/0/hourlyRate/vatIncluded")));
        assertThat(problems(f -> ((ObjectNode) f.path("estimatedValue")).put("vatIncluded", false)), is(empty()));
    }

    // --- Criteria and § 7-9 (E27) ---

    @Test
    void aFrameworkStatesItsSection79Mode() {
        assertThat(problems(f -> f.remove("env79Mode")), hasItem(containsString("at /env79Mode: a framework states how it meets FOA § 7-9")));
    }

    @Test
    void weighted30NeedsEnvironmentCriteriaOfAtLeastThirtyPercent() {
        assertThat(problems(f -> ((ArrayNode) f.path("awardCriteria")).remove(2)), hasItem(containsString(
                "at /awardCriteria: env79Mode WEIGHTED_30: climate and environment must be weighted at least 30 %")));
        assertThat(problems(f -> criterion(f, 2).put("minWeight", "0.20")), hasItem(containsString(
                "at /awardCriteria/2/minWeight: env79Mode WEIGHTED_30: climate and environment must be weighted at least 30 %"
                        + " (FOA § 7-9 (2)), but the ENVIRONMENT criteria's minimum weights give 0.20")));
    }

    @Test
    void requirementsOrAnInsignificantFootprintNeedTheirReason() {
        Consumer<ObjectNode> noEnvironment = f -> {
            ((ArrayNode) f.path("awardCriteria")).remove(2);
            criterion(f, 1).put("maxWeight", "0.70");
        };
        assertThat(problems(noEnvironment.andThen(f -> f.put("env79Mode", "REQUIREMENTS_CLEARLY_BETTER"))),
                hasItem(containsString("at /env79Reason: env79Mode REQUIREMENTS_CLEARLY_BETTER needs its reason recorded")));
        assertThat(problems(noEnvironment.andThen(f -> f.put("env79Mode", "NOT_RELEVANT_INSIGNIFICANT").put("env79Reason", " "))),
                hasItem(containsString("at /env79Reason")));
        assertThat(problems(noEnvironment.andThen(f -> f.put("env79Mode", "REQUIREMENTS_CLEARLY_BETTER")
                .put("env79Reason", "Kravspesifikasjonen krever 100 % fornybar strøm i datasentrene; det gir klart bedre effekt."))),
                is(empty()));
    }

    @Test
    void emptyCriteriaNegativeWeightsAndRangesThatCannotReachOneAreRefused() {
        assertThat(problems(f -> ((ArrayNode) f.path("awardCriteria")).removeAll().toString()),
                hasItem(containsString("at /awardCriteria: a framework states its award criteria")));
        assertThat(problems(f -> criterion(f, 1).put("minWeight", "-0.10")), hasItem(containsString("at /awardCriteria/1/minWeight")));
        assertThat(problems(f -> {
            criterion(f, 0).put("maxWeight", "0.30");
            criterion(f, 1).put("maxWeight", "0.20");
            criterion(f, 2).put("maxWeight", "0.30");
        }), hasItem(containsString("at /awardCriteria: the maximum weights sum to 0.80, less than 1")));
    }

    // --- Ranks (E24) ---

    @Test
    void aMissingRankIsRefused() {
        List<String> problems = problems(f -> ((ObjectNode) f.path("lots").get(0).path("suppliers").get(1)).put("rank", 3));
        assertThat(problems, hasItem(containsString("at /lots/0/suppliers: ranks must run 1..2 without gaps (one per supplier); rank 2 is missing")));
        assertThat(problems, hasSize(1));
        assertThat(problems(f -> ((ObjectNode) f.path("lots").get(0).path("suppliers").get(1)).put("rank", 1)),
                hasItem(containsString("at /lots/0/suppliers/1/rank: duplicate rank 1 in the lot")));
    }
}
