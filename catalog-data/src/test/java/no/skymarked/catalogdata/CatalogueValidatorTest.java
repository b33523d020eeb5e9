package no.skymarked.catalogdata;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class CatalogueValidatorTest {
    private static final String SUPPLIER = """
            {"orgNo": "974760673", "name": "Testleverandør AS",
             "description": {"nb": "Test", "en": "Test"}, "country": "NO",
             "website": "https://test.example.no", "contactEmail": "salg@test.example.no"}
            """;
    private static final String SERVICE = """
            {"id": "test-lagring", "supplierOrgNo": "974760673", "category": "IAAS",
             "name": {"nb": "Lagring", "en": "Storage"}, "description": {"nb": "Lagring", "en": "Storage"},
             "prices": [{"unit": "GB_MONTH", "price": {"amount": "0.25", "currency": "NOK"}}],
             "dataLocation": {"storageCountries": ["NO"], "processingCountries": ["NO"]},
             "certifications": ["ISO_27001"],
             "gdpr": {"dataProcessingAgreement": true, "transferMechanism": "NONE"},
             "sla": {"availabilityPercent": "99.9", "supportHours": "ALWAYS"},
             "supportLanguages": ["nb", "en"]}
            """;

    private final CatalogueValidator validator = new CatalogueValidator();

    @Test
    void demoCatalogueIsValid() {
        CatalogueValidator.Result result = validator.validate(CatalogueBundle.fromDirectory(Path.of(".")));
        assertThat(result.problems().toString(), result.problems(), is(empty()));
        assertThat(result.suppliers().size(), greaterThanOrEqualTo(12));
        assertThat(result.services().size(), greaterThanOrEqualTo(60));
        assertThat(result.frameworks().size(), greaterThanOrEqualTo(2));
    }

    @Test
    void minimalBundleIsValid() {
        assertThat(validate(SERVICE), is(empty()));
    }

    /** E45: a service's price in another currency is shown as written (never evaluated); the code must be ISO 4217. */
    @Test
    void aServicePricedInAnotherCurrencyIsAcceptedWithItsCurrency_E45() {
        assertThat(validate(SERVICE.replace("\"NOK\"", "\"EUR\"")), is(empty()));
        assertThat(validate(SERVICE.replace("\"NOK\"", "\"euro\"")),
                hasItem(containsString("services/test/test-lagring.json at /prices/0/price/currency")));
    }

    @Test
    void wrongTypeNamesFileAndPointer() {
        List<String> problems = validate(SERVICE.replace("\"dataProcessingAgreement\": true", "\"dataProcessingAgreement\": \"yes\""));
        assertThat(problems, hasItem(containsString("services/test/test-lagring.json at /gdpr/dataProcessingAgreement")));
    }

    @Test
    void missingRequiredFieldNamesFileAndPointer() {
        List<String> problems = validate(SERVICE.replace("\"category\": \"IAAS\",", ""));
        assertThat(problems, hasItem(containsString("services/test/test-lagring.json at /category")));
    }

    @Test
    void unknownFieldIsRefused() {
        List<String> problems = validate(SERVICE.replace("\"category\": \"IAAS\",", "\"category\": \"IAAS\", \"colour\": \"blue\","));
        assertThat(problems, hasItem(containsString("at /colour")));
    }

    @Test
    void filePathsOutsideTheLayoutAreRefused() {
        for (String path : new String[] {"services/test/../../../etc/test-lagring.json", "services/test-lagring.json",
                "services/test/sub/test-lagring.json", "services/Test/test-lagring.json", "suppliers/../test.json"}) {
            List<String> problems = toStrings(validator.validate(new CatalogueBundle(List.of(
                    new CatalogueFile("suppliers/test.json", SUPPLIER), new CatalogueFile(path, SERVICE)))).problems());
            assertThat(path, problems, hasItem(containsString(path + " at /: file path must be")));
        }
    }

    @Test
    void aDeeplyNestedFileIsAProblemNotACrash() {
        String deep = SERVICE.replace("\"keywords\"", "\"x\"").replaceFirst("\\{", "{\"keywords\": " + "[".repeat(600) + "]".repeat(600) + ", ");
        List<String> problems = validate(deep);
        assertThat(problems, hasItem(containsString("services/test/test-lagring.json at /: not valid JSON")));
    }

    @Test
    void unknownSupplierIsRefused() {
        List<String> problems = validate(SERVICE.replace("\"supplierOrgNo\": \"974760673\"", "\"supplierOrgNo\": \"991825827\""));
        assertThat(problems, hasItem(containsString("at /supplierOrgNo: unknown supplier 991825827")));
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        List<String> problems = validate(SERVICE.replace("\"IAAS\"", "\"MAINFRAME\"").replace("\"0.25\"", "\"-1\""));
        assertThat(problems, hasItem(containsString("at /category")));
        assertThat(problems, hasItem(containsString("at /prices/0/price/amount")));
    }

    /** The start of a test framework file, up to its values; each test adds the rest. */
    private static final String FRAMEWORK_HEAD = """
                {"id": "fw-test", "title": {"nb": "T", "en": "T"}, "description": {"nb": "T", "en": "T"},
                 "owner": {"orgNo": "991825827", "name": "Etat"}, "kind": "CONSULTING", "callOffMechanism": "MIXED",
                 "status": "ACTIVE", "period": {"startDate": "2026-01-01", "initialEndDate": "2027-01-01", "options": []},
                 "thresholdHours": "250", "cascadeResponseWorkingDays": 2, "miniCompetitionMinDeadlineWorkingDays": 5,
                 "estimatedValue": {"amount": "100", "currency": "NOK"}, "maxValue": {"amount": "200", "currency": "NOK"},
            """;

    private List<String> frameworkProblems(String framework) {
        return toStrings(validator.validate(new CatalogueBundle(List.of(new CatalogueFile("suppliers/test.json", SUPPLIER),
                new CatalogueFile("frameworks/fw-test.json", framework)))).problems());
    }

    @Test
    void duplicateCriteriaRatesAndImpossibleMinimumWeightsAreRefused() {
        String framework = FRAMEWORK_HEAD + """
                 "roles": [{"id": "DEVELOPER", "name": {"nb": "Utvikler", "en": "Developer"}}],
                 "awardCriteria": [
                    {"id": "price", "type": "PRICE", "name": {"nb": "Pris", "en": "Price"}, "minWeight": "0.60", "maxWeight": "0.70"},
                    {"id": "price", "type": "QUALITY", "name": {"nb": "K", "en": "Q"}, "minWeight": "0.50", "maxWeight": "0.60"}],
                 "lots": [{"id": "lot-1", "name": {"nb": "L", "en": "L"}, "suppliers": [
                    {"orgNo": "974760673", "rank": 1, "status": "ACTIVE", "rates": [
                        {"roleId": "DEVELOPER", "hourlyRate": {"amount": "1000", "currency": "NOK"}},
                        {"roleId": "DEVELOPER", "hourlyRate": {"amount": "900", "currency": "NOK"}}]}]}]}
                """;
        List<String> problems = frameworkProblems(framework);
        assertThat(problems, hasItem(containsString("at /awardCriteria/1/id: duplicate award criterion id 'price'")));
        assertThat(problems, hasItem(containsString("at /awardCriteria: the minimum weights sum to 1.10")));
        assertThat(problems, hasItem(containsString("at /lots/0/suppliers/0/rates/1/roleId: role 'DEVELOPER' has two rates")));
    }

    @Test
    void anActiveFrameworkMustNameWhoMayUseItAndItsLateAccessionClauseOnlyThose() {
        String framework = FRAMEWORK_HEAD + """
                 "lateAccession": {"clause": "Punkt 2", "agencies": ["889640782"], "groups": ["kommunen"]},
                 "roles": [{"id": "DEVELOPER", "name": {"nb": "Utvikler", "en": "Developer"}}],
                 "awardCriteria": [
                    {"id": "price", "type": "PRICE", "name": {"nb": "Pris", "en": "Price"}, "minWeight": "0.70", "maxWeight": "0.70"},
                    {"id": "env", "type": "ENVIRONMENT", "name": {"nb": "Miljø", "en": "Environment"}, "minWeight": "0.30", "maxWeight": "0.30"}],
                 "lots": [{"id": "lot-1", "name": {"nb": "L", "en": "L"}, "suppliers": [
                    {"orgNo": "974760673", "rank": 1, "status": "ACTIVE", "rates": [
                        {"roleId": "DEVELOPER", "hourlyRate": {"amount": "1000", "currency": "NOK"}}]}]}]}
                """;
        List<String> problems = frameworkProblems(framework);
        assertThat(problems, hasItem(containsString("at /eligibleAgencies: an active framework must name the agencies that may use it")));
        assertThat(problems, hasItem(containsString("at /lateAccession/agencies/0: agency 889640782 is not identified")));
        assertThat(problems, hasItem(containsString("at /lateAccession/groups/0: no eligible group 'kommunen'")));
        String named = framework.replace("\"lateAccession\"", "\"eligibleGroups\": [{\"id\": \"kommunen\", \"name\": {\"nb\": \"K\","
                + " \"en\": \"M\"}, \"members\": [\"889640782\"]}], \"lateAccession\"");
        List<String> fixed = frameworkProblems(named);
        assertThat(fixed.stream().filter(p -> p.contains("eligible") || p.contains("lateAccession")).toList(), is(List.of()));
    }

    @Test
    void duplicateRanksInALotAreRefused() {
        String framework = FRAMEWORK_HEAD + """
                 "roles": [{"id": "DEVELOPER", "name": {"nb": "Utvikler", "en": "Developer"}}], "awardCriteria": [],
                 "lots": [{"id": "lot-1", "name": {"nb": "L", "en": "L"}, "suppliers": [
                    {"orgNo": "974760673", "rank": 1, "status": "ACTIVE"},
                    {"orgNo": "974760673", "rank": 1, "status": "ACTIVE", "rates": [{"roleId": "TESTER", "hourlyRate": {"amount": "1000", "currency": "NOK"}}]}]}]}
                """;
        List<String> problems = frameworkProblems(framework);
        assertThat(problems, hasItem(containsString("frameworks/fw-test.json at /lots/0/suppliers/1/rank: duplicate rank 1")));
        assertThat(problems, hasItem(containsString("at /lots/0/suppliers/1/orgNo: supplier 974760673 appears twice")));
        assertThat(problems, hasItem(containsString("at /lots/0/suppliers/1/rates/0/roleId")));
    }

    @Test
    void buildCheckFailsOnABrokenFileAndNamesIt(@TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("suppliers"));
        java.nio.file.Files.createDirectories(dir.resolve("services/test"));
        java.nio.file.Files.writeString(dir.resolve("suppliers/test.json"), SUPPLIER);
        java.nio.file.Files.writeString(dir.resolve("services/test/test-lagring.json"),
                SERVICE.replace("\"availabilityPercent\": \"99.9\"", "\"availabilityPercent\": 99.9"));
        Executable check = () -> CatalogueBuildCheck.main(new String[] {dir.toString(), dir.resolve("out/index.txt").toString()});
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, check);
        assertThat(e.getMessage(), containsString("services/test/test-lagring.json at /sla/availabilityPercent"));
    }

    private List<String> validate(String service) {
        return toStrings(validator.validate(new CatalogueBundle(List.of(
                new CatalogueFile("suppliers/test.json", SUPPLIER),
                new CatalogueFile("services/test/test-lagring.json", service)))).problems());
    }

    private static List<String> toStrings(List<CatalogueProblem> problems) {
        List<String> out = new ArrayList<>();
        problems.forEach(p -> out.add(p.toString()));
        return out;
    }
}
