package no.skymarked.shared;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import no.skymarked.SpecContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Request bodies against the OpenAPI document's request-body schemas: what passes, what is refused, and where. */
class RequestSchemasTest {
    private static final String A = "922000018";
    private static final String B = "922200009";
    private static final String C = "921900007";
    private static final String D = "922400008";

    private static final String CALL_OFF = "{\"frameworkId\": \"oslo-digitale-tjenester-2\", \"lotId\": \"programmering\","
            + " \"title\": \"Søknadsskjema\", \"needDescription\": \"Nytt skjema for tilskudd\","
            + " \"estimatedHours\": [{\"roleId\": \"DEVELOPER\", \"hours\": \"200\"}]}";
    private static final String TERMS = "{\"tenderDeadline\": \"2026-12-15T08:00:00Z\", \"criteria\": [{\"criterionId\": \"price\","
            + " \"weight\": \"0.35\"}, {\"criterionId\": \"quality\", \"weight\": \"0.35\"}, {\"criterionId\": \"environment\","
            + " \"weight\": \"0.30\"}], \"priceModel\": \"LINEAR\"}";
    private static final String TENDER = "{\"rates\": [{\"roleId\": \"ARCHITECT\", \"hourlyRate\": {\"amount\": \"1200.00\","
            + " \"currency\": \"NOK\"}}], \"solutionDescription\": \"Løsningsforslag\"}";

    private static String scores(String org, String quality, String environment) {
        return "{\"supplierOrgNo\": \"" + org + "\", \"scores\": [{\"criterionId\": \"quality\", \"score\": \"" + quality
                + "\", \"reason\": \"Godt begrunnet løsning\"}, {\"criterionId\": \"environment\", \"score\": \"" + environment
                + "\", \"reason\": \"Dokumentert miljøprofil\"}]}";
    }

    /** Realistic bodies (the README tours, the API tests and the SDK), each valid for its operation. */
    static Stream<Arguments> validBodies() {
        return Stream.of(
                Arguments.of("createCallOff", CALL_OFF),
                Arguments.of("createCallOff", "{\"frameworkId\": \"oslo-digitale-tjenester-2\", \"lotId\": \"utviklingsmetodikk\","
                        + " \"title\": \"Ny saksbehandling\", \"needDescription\": \"Målarkitektur og migrering\","
                        + " \"estimatedHours\": [{\"roleId\": \"ARCHITECT\", \"hours\": \"37.5\"}, {\"roleId\": \"DEVELOPER\", \"days\": \"10\"}],"
                        + " \"requestedRoute\": \"MINI_COMPETITION\", \"miniCompetitionReason\": \"Flere løsninger er mulige\","
                        + " \"exception\": {\"unforeseeable\": true, \"security\": true, \"justification\": \"Sikkerhetshendelse\"},"
                        + " \"buyerReference\": \"PO-2026-17\", \"buyerOrgNo\": \"991825827\","
                        + " \"serviceVersions\": [{\"serviceId\": \"kodeverket-utvikling\", \"version\": 1}]}"),
                Arguments.of("respondToOffer", "{\"decision\": \"ACCEPT\"}"),
                Arguments.of("respondToOffer", "{\"decision\": \"DECLINE\", \"reason\": \"NO_CAPACITY\"}"),
                Arguments.of("publishCompetition", TERMS),
                Arguments.of("publishCompetition", TERMS.replace("2026-12-15T08:00:00Z", "2026-12-15T12:00")
                        .replace("}], ", "}], \"normalisation\": \"PROPORTIONAL_TO_BEST\", \"tieBreak\": [\"LOWER_PRICE\", \"DRAWING_OF_LOTS\"],"
                                + " \"tiePrecisionDecimals\": 2, \"voluntaryStandstillDays\": 5, \"excludedSuppliers\": [{\"orgNo\": \"" + D
                                + "\", \"reason\": \"CONFLICT_OF_INTEREST\", \"detail\": \"Eier av oppdragsgivers leverandør\"}],"
                                + " \"documentedBudget\": {\"amount\": \"1500000.00\", \"currency\": \"NOK\"}, ")),
                Arguments.of("publishCompetition", TERMS.replace("2026-12-15T08:00:00Z", "2026-12-15").replace("}], ", "}], \"tieBreak\": [], ")),
                Arguments.of("publishCompetition", TERMS.replace("2026-12-15T08:00:00Z", "2026-12-15T12:00[Europe/Oslo]")),
                Arguments.of("publishCompetition", TERMS.replace("2026-12-15T08:00:00Z", "+999999999-12-31T23:59:59Z")),
                Arguments.of("askQuestion", "{\"question\": \"Er fjernarbeid greit?\"}"),
                Arguments.of("answerQuestion", "{\"answer\": \"Ja, inntil 80 %.\"}"),
                Arguments.of("submitTender", TENDER),
                Arguments.of("submitTender", "{\"rates\": [{\"roleId\": \"ARCHITECT\", \"hourlyRate\": {\"amount\": \"999.5\", \"currency\": \"NOK\"}}],"
                        + " \"subcontractors\": [{\"name\": \"Underleverandør AS\", \"orgNo\": \"974760673\"}, {\"name\": \"Frilanser\"}],"
                        + " \"validUntil\": \"2027-03-01\"}"),
                Arguments.of("declareConflictOfInterest", "{\"evaluator\": \"Kari Nordmann\", \"hasConflict\": false}"),
                Arguments.of("declareConflictOfInterest", "{\"evaluator\": \"Ola Nordmann\", \"hasConflict\": true,"
                        + " \"detail\": \"Tidligere ansatt hos en av leverandørene\"}"),
                Arguments.of("recordEvaluation", "{\"tenders\": [" + scores(A, "7", "6") + ", " + scores(B, "5", "8") + ", "
                        + scores(C, "10", "9.25") + "]}"),
                Arguments.of("recordEvaluation", "{\"tenders\": [{\"supplierOrgNo\": \"" + A + "\", \"rejection\": {\"ground\":"
                        + " \"SUBSTANTIAL_DEVIATION\", \"reason\": \"Forbehold mot kontraktsvilkårene\"}}]}"),
                // the SDK sends an empty list of scores beside a rejection
                Arguments.of("recordEvaluation", "{\"tenders\": [{\"supplierOrgNo\": \"" + A + "\", \"scores\": [], \"rejection\":"
                        + " {\"ground\": \"ABOVE_DOCUMENTED_BUDGET\", \"reason\": \"Over budsjett\"}}]}"),
                Arguments.of("awardCallOff", "{\"reasons\": \"Best på kvalitet og miljø\", \"evidenceReceived\": true}"),
                Arguments.of("awardCallOff", "{\"reasons\": \"Lavest pris\", \"evidenceReceived\": true, \"tieDecision\": {\"winnerOrgNo\": \""
                        + C + "\", \"reason\": \"Best referanser\"}, \"abnormallyLowClarification\": \"Dokumentert ledig kapasitet\"}"),
                Arguments.of("concludeContract", "{\"buyerSignedAt\": \"2027-01-04T09:00:00Z\", \"supplierSignedAt\": \"2027-01-04T10:15:30.123+01:00\"}"),
                Arguments.of("concludeContract", "{\"buyerSignedAt\": \"2027-01-04T09:00+01:00\", \"supplierSignedAt\": \"2027-01-04T09:00Z\"}"),
                Arguments.of("concludeContract", "{}"),
                Arguments.of("cancelCallOff", "{\"reason\": \"Behovet falt bort etter omorganisering\"}"));
    }

    @ParameterizedTest(name = "{0} {index}")
    @MethodSource("validBodies")
    void aValidBodyPassesAndIsReturned(String operationId, String body) {
        JsonNode node = Json.tree(body);
        assertThat(RequestSchemas.problems(operationId, node), is(empty()));
        assertThat(RequestSchemas.validate(operationId, node, "/problems/invalid-body"), is(sameInstance(node)));
    }

    @ParameterizedTest(name = "{0} {index}")
    @MethodSource("validBodies")
    void everyRequestBodyIsClosedToUnknownFields(String operationId, String body) {
        ObjectNode node = (ObjectNode) Json.tree(body);
        node.put("colour", "blue");
        if (operationId.equals("respondToOffer")) {
            // the offer answer ignores other members, as it always did: only decision and reason are read
            assertThat(RequestSchemas.problems(operationId, node), is(empty()));
            return;
        }
        assertThat(pointersOf(RequestSchemas.problems(operationId, node)), contains("/colour"));
        assertThat(RequestSchemas.problems(operationId, node).get(0).detail(), startsWith("unknown field; expected one of ["));
    }

    @Test
    void theProblemIsA422OfTheGivenTypeListingEveryField() {
        ProblemException e = assertThrows(ProblemException.class, () -> RequestSchemas.validate("createCallOff",
                Json.tree("{\"lotId\": 3, \"estimatedHours\": [{\"hours\": \"x\"}], \"extra\": 1}"), "/problems/invalid-call-off"));
        Problem problem = e.toProblem("/v1/call-offs");
        assertThat(e.status(), is(422));
        assertThat(problem.type(), is("/problems/invalid-call-off"));
        assertThat(problem.title(), is("Invalid call-off"));
        assertThat(pointersOf(problem.errors()), hasItems("/extra", "/frameworkId", "/lotId", "/title", "/needDescription",
                "/estimatedHours/0/roleId", "/estimatedHours/0/hours"));
        assertThat(problem.errors(), hasSize(7));
        Problem.FieldError first = problem.errors().get(0);
        assertThat(problem.detail(), is("7 field(s) are invalid: " + first.pointer() + " " + first.detail()));
        assertThat(messageAt(problem.errors(), "/extra"), is("unknown field; expected one of [buyerOrgNo, buyerReference, estimatedHours,"
                + " exception, frameworkId, lotId, miniCompetitionReason, needDescription, projectReference, requestedRoute, serviceVersions,"
                + " splitting, title]"));
        assertThat(messageAt(problem.errors(), "/frameworkId"), is("is required"));
        assertThat(messageAt(problem.errors(), "/lotId"), is("must be a string, not a number"));
    }

    @Test
    void titlesFollowTheProblemType() {
        assertThat(problemOf("awardCallOff", "{}", "/problems/invalid-award").title(), is("Invalid award"));
        assertThat(problemOf("cancelCallOff", "{}", "/problems/invalid-body").title(), is("Invalid body"));
        assertThat(problemOf("cancelCallOff", "{}", "/problems/unprocessable").title(), is("Invalid request body"));
        ProblemException e = assertThrows(ProblemException.class,
                () -> RequestSchemas.validate("concludeContract", Json.tree("{\"x\": 1}"), "/problems/invalid-contract", "Invalid contract"));
        assertThat(e.toProblem("/").title(), is("Invalid contract"));
    }

    @Test
    void missingFieldsArePointedAtByName() {
        assertThat(pointers("createCallOff", "{}"), contains("/frameworkId", "/lotId", "/title", "/needDescription", "/estimatedHours"));
        assertThat(message("createCallOff", "{}", "/title"), is("is required"));
        assertThat(pointers("awardCallOff", "{\"reasons\": \"ok\", \"tieDecision\": {\"winnerOrgNo\": \"" + C + "\"}}"),
                contains("/tieDecision/reason"));
        assertThat(pointers("submitTender", "{\"rates\": [{\"roleId\": \"ARCHITECT\"}]}"), contains("/rates/0/hourlyRate"));
        assertThat(pointers("recordEvaluation", "{\"tenders\": [{\"supplierOrgNo\": \"" + A + "\", \"scores\": [{\"score\": \"5\"}]}]}"),
                contains("/tenders/0/scores/0/criterionId", "/tenders/0/scores/0/reason"));
    }

    @Test
    void wrongTypesAreNamed() {
        assertThat(message("createCallOff", CALL_OFF.replace("\"Søknadsskjema\"", "5"), "/title"), is("must be a string, not a number"));
        // a member sent as null is a member left out, as the API always read it
        assertThat(message("createCallOff", CALL_OFF.replace("\"Søknadsskjema\"", "null"), "/title"), is("is required"));
        assertThat(message("createCallOff", CALL_OFF.replace("}]}", "}], \"exception\": \"yes\"}"), "/exception"),
                is("must be an object, not a string"));
        assertThat(message("createCallOff", CALL_OFF.replace("}]}", "}], \"exception\": {\"unforeseeable\": \"true\"}}"),
                "/exception/unforeseeable"), is("must be true or false, not a string"));
        assertThat(message("createCallOff", CALL_OFF.replace("[{\"roleId\": \"DEVELOPER\", \"hours\": \"200\"}]", "\"200\""), "/estimatedHours"),
                is("must be an array, not a string (give estimated hours per role: [{\"roleId\": \"DEVELOPER\", \"hours\": \"120\"}])"));
        assertThat(message("awardCallOff", "{\"reasons\": [], \"evidenceReceived\": \"yes\", \"tieDecision\": 3}", "/evidenceReceived"),
                is("must be true or false, not a string"));
        assertThat(message("cancelCallOff", "[]", "/"), is("must be an object, not an array"));
        assertThat(message("cancelCallOff", "42", "/"), is("must be an object, not a number"));
    }

    @Test
    void stringsAreNonBlankAndBounded() {
        assertThat(message("createCallOff", CALL_OFF.replace("Søknadsskjema", "x".repeat(301)), "/title"), is("is longer than 300 characters"));
        assertThat(pointers("createCallOff", CALL_OFF.replace("Søknadsskjema", "x".repeat(300))), is(empty()));
        assertThat(message("createCallOff", CALL_OFF.replace("Søknadsskjema", "   "), "/title"), is("must not be blank"));
        assertThat(message("createCallOff", CALL_OFF.replace("Søknadsskjema", ""), "/title"), is("must not be empty"));
        assertThat(message("cancelCallOff", "{\"reason\": \" \\n\\t \"}", "/reason"), is("must not be blank"));
        assertThat(message("askQuestion", "{\"question\": \"" + "q".repeat(10_001) + "\"}", "/question"), is("is longer than 10000 characters"));
        assertThat(message("declareConflictOfInterest", "{\"evaluator\": \"" + "e".repeat(201) + "\", \"hasConflict\": false}", "/evaluator"),
                is("is longer than 200 characters"));
        assertThat(pointers("submitTender", TENDER.replace("Løsningsforslag", "d".repeat(100_000))), is(empty()));
        assertThat(pointers("submitTender", TENDER.replace("Løsningsforslag", "d".repeat(100_001))), contains("/solutionDescription"));
    }

    @Test
    void enumsListTheirValues() {
        assertThat(message("createCallOff", CALL_OFF.replace("}]}", "}], \"requestedRoute\": \"FASTEST\"}"), "/requestedRoute"),
                is("must be one of [DIRECT_AWARD, MINI_COMPETITION]"));
        assertThat(message("respondToOffer", "{\"decision\": \"MAYBE\"}", "/decision"), is("must be one of [ACCEPT, DECLINE]"));
        assertThat(message("respondToOffer", "{\"decision\": \"DECLINE\", \"reason\": \"PREFERENCE\"}", "/reason"),
                is("must be one of [NO_CAPACITY, CANNOT_MEET_REQUIREMENTS, CONFLICT_OF_INTEREST, OTHER_ACCEPTED_BY_FRAMEWORK]"));
        assertThat(message("publishCompetition", TERMS.replace("LINEAR", "CHEAPEST"), "/priceModel"), is("must be one of [LINEAR, PROPORTIONAL]"));
        assertThat(message("recordEvaluation", "{\"tenders\": [{\"supplierOrgNo\": \"" + A + "\", \"rejection\": {\"ground\": \"UGLY\","
                + " \"reason\": \"x\"}}]}", "/tenders/0/rejection/ground"), startsWith("must be one of [NOT_BINDING, "));
        assertThat(message("publishCompetition", TERMS.replace("}], ", "}], \"tieBreak\": [\"LOWER_PRICE\", \"COIN\"], "), "/tieBreak/1"),
                is("must be one of [HIGHER_QUALITY_POINTS, LOWER_PRICE, HIGHER_ENVIRONMENT_SCORE, DRAWING_OF_LOTS]"));
        assertThat(message("publishCompetition", TERMS.replace("}], ", "}], \"tieBreak\": [\"LOWER_PRICE\", \"LOWER_PRICE\"], "), "/tieBreak"),
                is("must not list the same value twice"));
    }

    @Test
    void hoursAreDecimalStringsGivenInHoursOrInDays() {
        String decimal = "must match ^-?[0-9]{1,9}(\\.[0-9]{1,2})?$ (a decimal number of hours as a string, e.g. \"120\" or \"37.5\")";
        assertThat(message("createCallOff", CALL_OFF.replace("\"200\"", "\"ten\""), "/estimatedHours/0/hours"), is(decimal));
        assertThat(message("createCallOff", CALL_OFF.replace("\"200\"", "\"1.234\""), "/estimatedHours/0/hours"), is(decimal));
        assertThat(message("createCallOff", CALL_OFF.replace("\"200\"", "\"1234567890\""), "/estimatedHours/0/hours"), is(decimal));
        // a JSON number is read as its exact decimal (x-decimal), as the API always did, and the pattern decides
        assertThat(pointers("createCallOff", CALL_OFF.replace("\"200\"", "200")), is(empty()));
        assertThat(pointers("createCallOff", CALL_OFF.replace("\"200\"", "37.5")), is(empty()));
        assertThat(message("createCallOff", CALL_OFF.replace("\"200\"", "1.234"), "/estimatedHours/0/hours"), is(decimal));
        assertThat(message("createCallOff", CALL_OFF.replace("\"200\"", "1e20"), "/estimatedHours/0/hours"), is(decimal));
        // a number too large to write out stays a number and is refused as one
        assertThat(message("createCallOff", CALL_OFF.replace("\"200\"", "1e400"), "/estimatedHours/0/hours"),
                startsWith("must be a string, not a number"));
        assertThat(pointers("createCallOff", CALL_OFF.replace("\"200\"", "\"-5\"")), is(empty()));  // the estimate's rules refuse it
        assertThat(message("createCallOff", CALL_OFF.replace("\"hours\": \"200\"", "\"days\": \"2,5\""), "/estimatedHours/0/days"),
                startsWith("must match ^-?[0-9]{1,9}(\\.[0-9]{1,2})?$ (a decimal number of days"));
        String hoursOrDays = "give hours or days, e.g. {\"roleId\": \"DEVELOPER\", \"hours\": \"120\"}";
        assertThat(message("createCallOff", CALL_OFF.replace(", \"hours\": \"200\"", ""), "/estimatedHours/0"), is(hoursOrDays));
        // with both, the hours count (as the API always read it)
        assertThat(pointers("createCallOff", CALL_OFF.replace("\"hours\": \"200\"", "\"hours\": \"200\", \"days\": \"25\"")), is(empty()));
        assertThat(message("createCallOff", CALL_OFF.replace("[{\"roleId\": \"DEVELOPER\", \"hours\": \"200\"}]", "[]"), "/estimatedHours"),
                is("must not be empty (give estimated hours per role: [{\"roleId\": \"DEVELOPER\", \"hours\": \"120\"}])"));
    }

    @Test
    void weightsScoresAndMoneyAreDecimalStringsInRange() {
        String twoCriteria = TERMS.replace("\"0.35\"}, {\"criterionId\": \"quality\", \"weight\": \"0.35\"}", "\"0.35\"}, {\"criterionId\": \"quality\", \"weight\": \"%s\"}");
        for (String weight : List.of("1.5", "-0.1", "0.12345", ".5", "00.5", "2")) {
            assertThat(weight, message("publishCompetition", twoCriteria.formatted(weight), "/criteria/1/weight"),
                    is("must match ^(0(\\.[0-9]{1,4})?|1(\\.0{1,4})?)$ (a fraction from 0 to 1 as a string, e.g. \"0.35\" for 35 %)"));
        }
        for (String weight : List.of("0", "1", "1.0000", "0.3333")) {
            assertThat(weight, pointers("publishCompetition", twoCriteria.formatted(weight)), is(empty()));
        }
        assertThat(pointers("publishCompetition", TERMS.replace("\"0.30\"", "0.30")), is(empty()));
        // a number with a huge exponent is refused without ever being written out in full
        assertThat(message("publishCompetition", TERMS.replace("\"0.30\"", "1e2000000000"), "/criteria/2/weight"), startsWith("must be a string, not a number"));
        assertThat(message("publishCompetition", TERMS.replace("[{\"criterionId\": \"price\", \"weight\": \"0.35\"}, {\"criterionId\": \"quality\","
                + " \"weight\": \"0.35\"}, {\"criterionId\": \"environment\", \"weight\": \"0.30\"}]", "[]"), "/criteria"), startsWith("must not be empty"));

        for (String score : List.of("11", "10.5", "-1", "7.12345", "NaN", "")) {
            assertThat(score, message("recordEvaluation", "{\"tenders\": [" + scores(A, score, "6") + "]}", "/tenders/0/scores/0/score"),
                    is("must match ^(0?[0-9](\\.[0-9]{1,4})?|10(\\.0{1,4})?)$ (a score from 0 to 10 as a string, e.g. \"7\" or \"7.5\")"));
        }
        for (String score : List.of("0", "07", "10", "10.0", "9.9999")) {
            assertThat(score, pointers("recordEvaluation", "{\"tenders\": [" + scores(A, score, "6") + "]}"), is(empty()));
        }

        assertThat(message("submitTender", TENDER.replace("\"NOK\"", "\"EUR\""), "/rates/0/hourlyRate/currency"), is("must be one of [NOK]"));
        String amount = "must be a positive amount as a string with at most 2 decimals (øre), e.g. \"1150.00\"";
        for (String rate : List.of("0", "0.00", "-5", "10.001", "1e3", "12345678901234")) {
            assertThat(rate, message("submitTender", TENDER.replace("1200.00", rate), "/rates/0/hourlyRate/amount"), is(amount));
        }
        for (String rate : List.of("0.01", "1150", "1150.5", "0001200.00", "1234567890123.99")) {
            assertThat(rate, pointers("submitTender", TENDER.replace("1200.00", rate)), is(empty()));
        }
        assertThat(pointers("submitTender", TENDER.replace(", \"currency\": \"NOK\"", ", \"currency\": \"NOK\", \"vat\": true")),
                contains("/rates/0/hourlyRate/vat"));
        assertThat(message("publishCompetition", TERMS.replace("}], ", "}], \"documentedBudget\": {\"amount\": \"-1\", \"currency\": \"NOK\"}, "),
                "/documentedBudget/amount"), is(amount));
    }

    @Test
    void wholeNumbersHaveTheirRanges() {
        assertThat(message("publishCompetition", TERMS.replace("}], ", "}], \"tiePrecisionDecimals\": 11, "), "/tiePrecisionDecimals"),
                is("must be a whole number from 0 to 10"));
        assertThat(message("publishCompetition", TERMS.replace("}], ", "}], \"tiePrecisionDecimals\": 2.5, "), "/tiePrecisionDecimals"),
                is("must be a whole number from 0 to 10"));
        assertThat(message("publishCompetition", TERMS.replace("}], ", "}], \"voluntaryStandstillDays\": -1, "), "/voluntaryStandstillDays"),
                is("must be a whole number from 0 to 30"));
        assertThat(message("publishCompetition", TERMS.replace("}], ", "}], \"voluntaryStandstillDays\": \"3\", "), "/voluntaryStandstillDays"),
                is("must be a whole number from 0 to 30"));
        assertThat(pointers("publishCompetition", TERMS.replace("}], ", "}], \"tiePrecisionDecimals\": 0, \"voluntaryStandstillDays\": 30, ")),
                is(empty()));
    }

    @Test
    void datesDeadlinesAndOrganisationNumbersHaveTheirFormats() {
        assertThat(message("submitTender", TENDER.replace("}], ", "}], \"validUntil\": \"2027-02-30\", "), "/validUntil"),
                is("must be a date, e.g. 2027-01-31"));
        assertThat(message("concludeContract", "{\"buyerSignedAt\": \"yesterday\"}", "/buyerSignedAt"),
                is("must be a date-time with offset, e.g. 2026-12-10T12:00:00+01:00 or 2026-12-10T11:00:00Z"));
        String deadline = "must be a date-time, e.g. 2026-12-10T12:00:00+01:00, or Oslo time 2026-12-10T12:00, or a date, e.g. 2026-12-10";
        for (String given : List.of("tomorrow", "2026-12-10 12:00", "2026-12-10T12", "2026-12-10T12:00:00+01:00[Europe/Oslo]", "10.12.2026")) {
            assertThat(given, message("publishCompetition", TERMS.replace("2026-12-15T08:00:00Z", given), "/tenderDeadline"), is(deadline));
        }
        assertThat(message("publishCompetition", TERMS.replace("\"2026-12-15T08:00:00Z\"", "5"), "/tenderDeadline"), startsWith("must be a string"));
        String orgNo = "must match ^[0-9]{9}$ (an organisation number of nine digits, e.g. \"974760673\")";
        assertThat(message("publishCompetition", TERMS.replace("}], ", "}], \"excludedSuppliers\": [{\"orgNo\": \"12345678\", \"reason\":"
                + " \"OTHER_OBJECTIVE_REASON\", \"detail\": \"x\"}], "), "/excludedSuppliers/0/orgNo"), is(orgNo));
        assertThat(message("submitTender", TENDER.replace("}], ", "}], \"subcontractors\": [{\"name\": \"AS\", \"orgNo\": \"1\"}], "),
                "/subcontractors/0/orgNo"), is(orgNo));
        assertThat(message("recordEvaluation", "{\"tenders\": [" + scores("92200001", "7", "6") + "]}", "/tenders/0/supplierOrgNo"), is(orgNo));
        assertThat(message("createCallOff", CALL_OFF.replace("}]}", "}], \"buyerOrgNo\": 991825827}"), "/buyerOrgNo"),
                is("must be a string, not a number (an organisation number of nine digits, e.g. \"991825827\")"));
    }

    @Test
    void fieldsThatDependOnAnotherAreRequiredWithIt() {
        assertThat(errors("respondToOffer", "{\"decision\": \"DECLINE\"}"), contains(Map.entry("/reason",
                "is required with DECLINE: one of [NO_CAPACITY, CANNOT_MEET_REQUIREMENTS, CONFLICT_OF_INTEREST, OTHER_ACCEPTED_BY_FRAMEWORK]")));
        assertThat(errors("declareConflictOfInterest", "{\"evaluator\": \"Kari Nordmann\", \"hasConflict\": true}"),
                contains(Map.entry("/detail", "is required when hasConflict is true")));
        assertThat(errors("recordEvaluation", "{\"tenders\": [" + scores(A, "7", "6") + ", {\"supplierOrgNo\": \"" + B + "\"}]}"),
                contains(Map.entry("/tenders/1", "give scores, or a rejection with its ground and reason")));
    }

    @Test
    void nestedProblemsPointIntoTheBody() {
        assertThat(pointers("createCallOff", CALL_OFF.replace("\"200\"}]", "\"200\"}, {\"roleId\": \"ARCHITECT\", \"hours\": \"x\"}]")),
                contains("/estimatedHours/1/hours"));
        assertThat(pointers("publishCompetition", TERMS.replace("\"weight\": \"0.35\"}, {\"criterionId\": \"quality\", \"weight\": \"0.35\"}",
                "\"weight\": \"0.35\"}, {\"criterionId\": \"quality\", \"weight\": \"x\"}")), contains("/criteria/1/weight"));
        assertThat(pointers("recordEvaluation", "{\"tenders\": [" + scores(A, "11", "6") + "]}"), contains("/tenders/0/scores/0/score"));
        assertThat(pointers("submitTender", TENDER.replace("\"NOK\"", "\"nok\"")), contains("/rates/0/hourlyRate/currency"));
        assertThat(pointers("createCallOff", CALL_OFF.replace("}]}", "}], \"serviceVersions\": [{\"serviceId\": \"kodeverket-utvikling\","
                + " \"version\": \"1\"}]}")), contains("/serviceVersions/0/version"));
        // RFC 6901: '~' and '/' in an unknown member's name are escaped
        assertThat(pointers("cancelCallOff", "{\"reason\": \"x\", \"a/b~c\": 1}"), contains("/a~1b~0c"));
    }

    @Test
    void eachPointerHasOneProblem() {
        List<Problem.FieldError> errors = RequestSchemas.problems("createCallOff", Json.tree("{\"frameworkId\": null, \"title\": \"\","
                + " \"estimatedHours\": [{\"roleId\": \" \", \"hours\": \"1\", \"days\": true}, {}], \"exception\": {\"justification\": \"\"}}"));
        List<String> pointers = pointersOf(errors);
        assertThat(new HashSet<>(pointers), hasSize(pointers.size()));
        assertThat(message(errors, "/frameworkId"), is("is required"));  // null is left out
        assertThat(message(errors, "/estimatedHours/1"), startsWith("give hours or days"));
        assertThat(pointers, hasItems("/estimatedHours/0/roleId", "/estimatedHours/0/days", "/estimatedHours/1/roleId",
                "/exception/justification", "/title", "/lotId"));
    }

    // ---- the garbage of BadBodiesTest#garbage and CompetitionBadBodiesTest#steps that is a JSON object (or a JSON value) ----

    static Stream<Arguments> garbage() {
        List<String> bodies = List.of("null", "[]", "42", "\"text\"", "{\"frameworkId\": 5}", "{\"frameworkId\": null}",
                "{\"estimatedHours\": \"200\"}", "{\"estimatedHours\": [{\"roleId\": [], \"hours\": {}}]}",
                "{\"estimatedHours\": [{\"roleId\": \"DEVELOPER\", \"hours\": \"1e400\"}]}",
                "{\"exception\": \"yes\"}", "{\"exception\": {\"unforeseeable\": \"true\"}}", "{\"requestedRoute\": \"FASTEST\"}",
                "{\"colour\": \"blue\"}", "{\"title\": \"" + "x".repeat(2_000_000) + "\"}",
                "{\"decision\": \"MAYBE\"}", "{\"decision\": \"DECLINE\"}", "{\"agencyOrgNo\": 991825827}",
                "{\"reason\": \"" + "y".repeat(10 * 1024 * 1024) + "\"}",
                "{\"tenderDeadline\": 5, \"criteria\": {}, \"priceModel\": []}", "{\"criteria\": [1, \"x\", null], \"tieBreak\": [7, null]}",
                "{\"rates\": [{\"roleId\": \"ARCHITECT\", \"hourlyRate\": {\"amount\": 1e999}}]}", "{\"rates\": [null, []]}",
                "{\"tenders\": [{\"supplierOrgNo\": 1, \"scores\": [{\"score\": \"NaN\"}]}]}", "{\"tenders\": [null, 3, []]}",
                "{\"tenders\": [{\"supplierOrgNo\": \"922000018\", \"rejection\": \"yes\"}]}", "{\"excludedSuppliers\": [{\"orgNo\": 12}]}",
                "{\"reasons\": [], \"evidenceReceived\": \"yes\", \"tieDecision\": 3}", "{\"buyerSignedAt\": \"yesterday\"}",
                "{\"question\": {\"nested\": true}}", "{\"answer\": \"\"}", "{\"reason\": \"   \"}",
                "{\"frameworkId\": \"a\", \"lotId\": \"b\", \"title\": \"c\", \"needDescription\": \"d\", \"estimatedHours\": [{\"roleId\":"
                        + " \"DEVELOPER\", \"hours\": \"1e999\"}]}");
        List<String> operations = List.of("createCallOff", "respondToOffer", "publishCompetition", "askQuestion", "answerQuestion",
                "submitTender", "declareConflictOfInterest", "recordEvaluation", "awardCallOff", "concludeContract", "cancelCallOff");
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            for (String operation : operations) {
                cases.add(Arguments.of(operation, i, bodies.get(i)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} garbage #{1}")
    @MethodSource("garbage")
    void garbageIsA422NeverAnotherException(String operationId, int index, String body) {
        JsonNode node = Json.tree(body);
        ProblemException e = assertThrows(ProblemException.class, () -> RequestSchemas.validate(operationId, node, "/problems/invalid-body"));
        Problem problem = e.toProblem("/");
        assertThat(e.status(), is(422));
        assertThat(problem.errors(), is(not(empty())));
        assertThat(pointersOf(problem.errors()), everyItem(startsWith("/")));
        assertThat(problem.detail().length() < 1000, is(true));  // never the body's huge values
    }

    // ---- the compiled schemas are kept and shared ----------------------------------------------------------------

    @Test
    void validationIsSafeFromManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String body = i % 2 == 0 ? TENDER : TENDER.replace("\"NOK\"", "\"SEK\"");
                tasks.add(() -> pointersOf(RequestSchemas.problems("submitTender", Json.tree(body))));
            }
            List<Future<List<String>>> results = pool.invokeAll(tasks);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(), is(i % 2 == 0 ? List.of() : List.of("/rates/0/hourlyRate/currency")));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anOperationWithoutAJsonBodyIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> RequestSchemas.problems("getCallOff", Json.tree("{}")));
        assertThrows(IllegalArgumentException.class, () -> RequestSchemas.problems("noSuchOperation", Json.tree("{}")));
    }

    // ---- the response variants of the schemas shared with requests still describe what the server sends ----------

    @Test
    void responsesThatShareSchemasWithRequestsStillConform() {
        String callOff = "{\"id\": \"c1\", \"buyerOrgNo\": \"991825827\", \"frameworkId\": \"oslo-digitale-tjenester-2\", \"lotId\":"
                + " \"programmering\", \"title\": \"T\", \"needDescription\": \"N\", \"estimatedHours\": [{\"roleId\": \"DEVELOPER\","
                + " \"hours\": \"75\", \"days\": \"10\"}, {\"roleId\": \"ARCHITECT\", \"hours\": \"41.25\"}], \"totalHours\": \"116.25\","
                + " \"route\": \"DIRECT_AWARD\", \"routeReason\": \"EXCEPTION\", \"status\": \"AWARDED\", \"estimatedValue\": {\"amount\":"
                + " \"120000.00\", \"currency\": \"NOK\"}, \"flags\": [], \"createdAt\": \"2026-12-01T08:00:00Z\", \"version\": 2,"
                + " \"exception\": {\"unforeseeable\": true, \"security\": true, \"criticalLifeOrHealth\": false, \"justification\": \"J\"},"
                + " \"serviceVersions\": [{\"serviceId\": \"kodeverket-utvikling\", \"version\": 1}],"
                + " \"award\": {\"winnerOrgNo\": \"" + C + "\", \"decidedAt\": \"2026-12-20T08:00:00Z\", \"reasons\": \"R\","
                + " \"agreedValue\": {\"amount\": \"1500000.00\", \"currency\": \"NOK\"}, \"standstillDays\": 0,"
                + " \"tieDecision\": {\"winnerOrgNo\": \"" + C + "\", \"reason\": \"Best referanser\"}}}";
        assertThat(SpecContract.problems("getCallOff", 200, callOff), is(empty()));
        String tender = "{\"callOffId\": \"c1\", \"supplierOrgNo\": \"" + A + "\", \"status\": \"SUBMITTED\", \"version\": 1,"
                + " \"submittedAt\": \"2026-12-02T08:00:00Z\", \"sealed\": false, \"sealedContentSha256\": \"ab\", \"rates\": [{\"roleId\":"
                + " \"ARCHITECT\", \"hourlyRate\": {\"amount\": \"1200.00\", \"currency\": \"NOK\"}}], \"solutionDescription\": \"L\","
                + " \"subcontractors\": [{\"name\": \"Underleverandør AS\", \"orgNo\": \"974760673\"}], \"validUntil\": \"2027-03-01\","
                + " \"evaluatedPrice\": {\"amount\": \"1200000.00\", \"currency\": \"NOK\"}}";
        assertThat(SpecContract.problems("getTender", 200, tender), is(empty()));
        String evaluation = "{\"callOffId\": \"c1\", \"version\": 1, \"recordedAt\": \"2026-12-16T08:00:00Z\", \"priceModel\": \"LINEAR\","
                + " \"normalisation\": \"NONE\", \"criteria\": [], \"tenders\": [{\"supplierOrgNo\": \"" + A + "\", \"rejected\": true,"
                + " \"rejection\": {\"ground\": \"SUBSTANTIAL_DEVIATION\", \"reason\": \"Forbehold\"}, \"evaluatedPrice\": {\"amount\":"
                + " \"1200000.00\", \"currency\": \"NOK\"}}], \"ranking\": [], \"ties\": [], \"tieForFirst\": [], \"flags\": []}";
        assertThat(SpecContract.problems("getEvaluation", 200, evaluation), is(empty()));
        // and the contract check still fails what it should
        assertThat(SpecContract.problems("getTender", 200, tender.replace("\"NOK\"}}]", "\"SEK\"}}]")), hasItem(containsString("currency")));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static Problem problemOf(String operationId, String body, String type) {
        return assertThrows(ProblemException.class, () -> RequestSchemas.validate(operationId, Json.tree(body), type)).toProblem("/");
    }

    private static List<String> pointers(String operationId, String body) {
        return pointersOf(RequestSchemas.problems(operationId, Json.tree(body)));
    }

    private static List<Map.Entry<String, String>> errors(String operationId, String body) {
        return RequestSchemas.problems(operationId, Json.tree(body)).stream().map(e -> Map.entry(e.pointer(), e.detail())).toList();
    }

    private static List<String> pointersOf(List<Problem.FieldError> errors) {
        return errors.stream().map(Problem.FieldError::pointer).toList();
    }

    /** The message at {@code pointer}, failing when the body has no problem there. */
    private static String message(String operationId, String body, String pointer) {
        return message(RequestSchemas.problems(operationId, Json.tree(body)), pointer);
    }

    private static String message(List<Problem.FieldError> errors, String pointer) {
        String message = messageAt(errors, pointer);
        assertThat("a problem at " + pointer + " among " + pointersOf(errors), message != null, is(true));
        return message;
    }

    private static String messageAt(List<Problem.FieldError> errors, String pointer) {
        return errors.stream().filter(e -> pointer.equals(e.pointer())).map(Problem.FieldError::detail).findFirst().orElse(null);
    }
}
