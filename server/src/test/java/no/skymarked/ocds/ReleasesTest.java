package no.skymarked.ocds;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.Test;

/** The OCDS mapping without HTTP or a database: what each step publishes, and that every package is strictly valid. */
class ReleasesTest {
    private static final Ocid OCID = new Ocid("ocds-abc123");
    private static final Releases RELEASES = new Releases(OCID);
    private static final Packages PACKAGES = new Packages(new OcdsSettings("ocds-abc123", "Skymarked", Org.SCHEME, "999888777",
            "https://skymarked.example.no", OcdsSettings.NLOD, "https://skymarked.example.no/v1/ocds/publication-policy", null));
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Org OSLO = new Org("958935404", "Oslo kommune (demo)");
    private static final Org AGENCY = new Org("991825827", null);
    private static final Org SUPPLIER_A = new Org("922000018", "Leverandør A");
    private static final Org SUPPLIER_B = new Org("922200009", "Leverandør B");

    static FrameworkFacts framework(int version, String status, String cpv) {
        return new FrameworkFacts("oslo-digitale-tjenester-2", version, T0.minusSeconds(86400L * 30 * version), "Digitale tjenester 2",
                "Samkjøpsavtale", OSLO, status, "MIXED", LocalDate.parse("2026-04-28"), LocalDate.parse("2027-04-27"),
                LocalDate.parse("2026-04-14"), new BigDecimal("200000000.00"), cpv,
                List.of(new FrameworkFacts.Lot("utviklingsmetodikk", "Utviklingsmetodikk", List.of(
                        new FrameworkFacts.Member(SUPPLIER_A, 1, "ACTIVE"), new FrameworkFacts.Member(SUPPLIER_B, 2, "TERMINATED"))),
                        new FrameworkFacts.Lot("programmering", "Programmering", List.of(new FrameworkFacts.Member(SUPPLIER_A, 1, "ACTIVE")))));
    }

    static CallOffFacts callOff(boolean mini, List<CallOffFacts.Step> steps) {
        return new CallOffFacts("c-1", AGENCY, "oslo-digitale-tjenester-2", "Digitale tjenester 2", "MIXED", "programmering", "Programmering",
                "Ny saksbehandlingsløsning", "Arkitektur for ny løsning", mini,
                List.of(new CallOffFacts.Hours("ARCHITECT", "Arkitekt", new BigDecimal("1000")),
                        new CallOffFacts.Hours("DEVELOPER", "Utvikler", new BigDecimal("7.5"))), "72000000", steps);
    }

    static final CallOffFacts.Published PUBLISHED = new CallOffFacts.Published(5, T0, T0.plusSeconds(14 * 86400L),
            List.of("price 20 %", "quality 50 %", "environment 30 %"));
    static final CallOffFacts.Awarded DECIDED = new CallOffFacts.Awarded(20, T0.plusSeconds(15 * 86400L), SUPPLIER_B,
            new BigDecimal("1500000.00"), T0.plusSeconds(22 * 86400L));
    static final CallOffFacts.Contracted CONTRACTED = new CallOffFacts.Contracted(23, T0.plusSeconds(23 * 86400L), T0.plusSeconds(23 * 86400L));

    private static JsonNode tree(Object value) {
        return Json.tree(Json.text(value));
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.path("id").asText()));
        return out;
    }

    private static String releasePackage(List<Map<String, Object>> releases) {
        return Json.text(PACKAGES.releasePackage("https://skymarked.example.no/v1/ocds/releases", releases, null, T0));
    }

    @Test
    void aFrameworkCarriesTheFrameworkAgreementTechniqueAndItsMethodWithoutRates() {
        Map<String, Object> release = RELEASES.of(framework(1, "ACTIVE", null));
        JsonNode r = tree(release);
        assertThat(r.path("ocid").asText(), is("ocds-abc123-framework-oslo-digitale-tjenester-2"));
        assertThat(r.path("tag").get(0).asText(), is("award"));
        assertThat(r.path("tender").path("techniques").path("hasFrameworkAgreement").asBoolean(), is(true));
        assertThat(r.path("tender").path("techniques").path("frameworkAgreement").path("method").asText(),
                is("withAndWithoutReopeningCompetition"));
        assertThat(Json.text(release), containsString("\"value\":{\"amount\":200000000.00,\"currency\":\"NOK\"}"));
        assertThat(ids(r.path("awards")), contains("utviklingsmetodikk-922000018", "utviklingsmetodikk-922200009",
                "programmering-922000018"));
        assertThat(r.path("awards").get(1).path("status").asText(), is("cancelled"));
        assertThat("one party per organisation, with all its roles", r.path("parties").size(), is(3));
        assertThat(r.path("parties").get(0).path("roles").toString(), is("[\"buyer\",\"procuringEntity\"]"));
        assertThat(r.path("parties").get(1).path("identifier").toString(),
                is("{\"scheme\":\"NO-BRC\",\"id\":\"922000018\",\"legalName\":\"Leverandør A\"}"));
        assertThat(r.toString(), not(containsString("rate")));
        assertThat(RELEASES.of(framework(2, "ACTIVE", null)).get("tag"), is(List.of("awardUpdate")));
        assertThat(OcdsValidator.releasePackage(releasePackage(List.of(release, RELEASES.of(framework(2, "ACTIVE", "72000000"))))),
                is(empty()));
    }

    @Test
    void aDirectAwardIsOneAwardReleaseWithAMinimalNonCompetitiveTenderLinkedToItsFramework() {
        CallOffFacts c = callOff(false, List.of(new CallOffFacts.Awarded(7, T0, SUPPLIER_A, new BigDecimal("9000.00"), null)));
        List<Map<String, Object>> releases = RELEASES.of(c);
        assertThat(releases, hasSize(1));
        JsonNode r = tree(releases.get(0));
        assertThat(r.path("id").asText(), is("ocds-abc123-call-off-c-1-7"));
        assertThat(r.path("date").asText(), is("2026-12-01T08:00:00Z"));
        assertThat(r.path("tag").toString(), is("[\"award\"]"));
        JsonNode tender = r.path("tender");
        assertThat(tender.path("competitive").asBoolean(true), is(false));
        assertThat(tender.path("procurementMethod").asText(), is("limited"));
        assertThat(tender.path("status").asText(), is("complete"));
        assertThat(tender.has("tenderPeriod"), is(false));
        assertThat(tender.path("techniques").path("hasFrameworkAgreement").asBoolean(), is(true));
        assertThat(tender.path("items").get(0).path("unit").path("id").asText(), is("HUR"));
        assertThat(tender.path("items").get(0).path("quantity").decimalValue(), comparesEqualTo(new BigDecimal("1000")));
        assertThat(tender.path("items").get(0).path("classification").toString(), is("{\"scheme\":\"CPV\",\"id\":\"72000000\"}"));
        JsonNode award = r.path("awards").get(0);
        assertThat(award.path("status").asText(), is("active"));
        assertThat(award.path("value").path("amount").decimalValue(), comparesEqualTo(new BigDecimal("9000.00")));
        assertThat(Json.text(releases.get(0)), containsString("\"value\":{\"amount\":9000.00,\"currency\":\"NOK\"}"));
        assertThat(award.path("suppliers").get(0).path("id").asText(), is("NO-BRC-922000018"));
        JsonNode related = r.path("relatedProcesses").get(0);
        assertThat(related.path("relationship").toString(), is("[\"framework\"]"));
        assertThat(related.path("scheme").asText(), is("ocid"));
        assertThat(related.path("identifier").asText(), is("ocds-abc123-framework-oslo-digitale-tjenester-2"));
        assertThat(OcdsValidator.releasePackage(releasePackage(releases)), is(empty()));
    }

    @Test
    void aMiniCompetitionGivesTenderAwardAndContractReleasesAndItsRecordCompilesThem() {
        CallOffFacts c = callOff(true, List.of(PUBLISHED, DECIDED, CONTRACTED));
        List<Map<String, Object>> releases = RELEASES.of(c);
        assertThat(releases.stream().map(r -> r.get("tag").toString()).toList(), contains("[tender]", "[award]", "[contract]"));
        JsonNode tender = tree(releases.get(0)).path("tender");
        assertThat(tender.path("competitive").asBoolean(), is(true));
        assertThat(tender.path("procurementMethod").asText(), is("selective"));
        assertThat(tender.path("status").asText(), is("active"));
        assertThat(tender.path("tenderPeriod").path("endDate").asText(), is("2026-12-15T08:00:00Z"));
        assertThat(tender.path("awardCriteriaDetails").asText(), containsString("quality 50 %"));
        assertThat(tree(releases.get(0)).has("awards"), is(false));
        JsonNode award = tree(releases.get(1));
        assertThat("the standstill runs", award.path("awards").get(0).path("status").asText(), is("pending"));
        assertThat(award.path("tender").path("status").asText(), is("complete"));
        assertThat(ids(award.path("parties")), hasItem("NO-BRC-922200009"));
        JsonNode contract = tree(releases.get(2));
        assertThat(contract.path("awards").get(0).path("status").asText(), is("active"));
        assertThat(contract.path("contracts").get(0).path("awardID").asText(), is("c-1-award"));
        assertThat(contract.path("contracts").get(0).path("value").path("amount").decimalValue(), comparesEqualTo(new BigDecimal("1500000.00")));

        String record = Json.text(PACKAGES.recordPackage("https://skymarked.example.no/v1/ocds/records/" + OCID.callOff("c-1"),
                "https://skymarked.example.no", OCID.callOff("c-1"), releases));
        JsonNode rec = Json.tree(record).path("records").get(0);
        assertThat(rec.path("releases").get(0).path("url").asText(),
                is("https://skymarked.example.no/v1/ocds/bulk/2026-12#ocds-abc123-call-off-c-1-5"));
        assertThat(rec.path("compiledRelease").path("tag").toString(), is("[\"compiled\"]"));
        assertThat(rec.path("compiledRelease").path("contracts").size(), is(1));
        assertThat(rec.path("compiledRelease").path("awards").get(0).path("status").asText(), is("active"));
        assertThat(rec.path("compiledRelease").path("parties").size(), is(2));
        assertThat(OcdsValidator.releasePackage(releasePackage(releases)), is(empty()));
        assertThat(OcdsValidator.recordPackage(record), is(empty()));
    }

    @Test
    void unpublishedStepsPublishNothingAndLaterEndsAreUpdatesOrCancellations() {
        assertThat("a draft cancelled was never public", RELEASES.of(callOff(true, List.of(new CallOffFacts.Cancelled(3, T0)))), is(empty()));
        assertThat(RELEASES.of(callOff(true, List.of(new CallOffFacts.Unsuccessful(3, T0)))), is(empty()));
        List<Map<String, Object>> unsuccessful = RELEASES.of(callOff(true, List.of(PUBLISHED,
                new CallOffFacts.Unsuccessful(9, T0.plusSeconds(14 * 86400L)))));
        assertThat(unsuccessful.get(1).get("tag"), is(List.of("tenderUpdate")));
        assertThat(tree(unsuccessful.get(1)).path("tender").path("status").asText(), is("unsuccessful"));
        List<Map<String, Object>> cancelled = RELEASES.of(callOff(true, List.of(PUBLISHED, DECIDED,
                new CallOffFacts.Cancelled(21, T0.plusSeconds(16 * 86400L)))));
        assertThat(cancelled.get(2).get("tag"), is(List.of("awardCancellation")));
        assertThat(tree(cancelled.get(2)).path("awards").get(0).path("status").asText(), is("cancelled"));
        assertThat(tree(cancelled.get(2)).path("tender").path("status").asText(), is("cancelled"));
        assertThat(OcdsValidator.releasePackage(releasePackage(cancelled)), is(empty()));
        assertThat(OcdsValidator.releasePackage(releasePackage(unsuccessful)), is(empty()));
    }

    @Test
    void theStrictValidationCatchesAnUndeclaredFieldABadCodeAnEmptyFieldAndADuplicateId() {
        Map<String, Object> release = RELEASES.of(callOff(false, List.of(new CallOffFacts.Awarded(7, T0, SUPPLIER_A,
                new BigDecimal("9000.00"), null)))).get(0);
        ObjectNode good = (ObjectNode) Json.tree(releasePackage(List.of(release)));
        assertThat(OcdsValidator.releasePackage(good.toString()), is(empty()));

        ObjectNode undeclared = good.deepCopy();
        ((ObjectNode) undeclared.path("releases").get(0).path("tender")).put("hourlyRate", "1200.00");
        assertThat(OcdsValidator.releasePackage(undeclared.toString()), hasItem(containsString("hourlyRate")));
        ObjectNode inExtension = good.deepCopy();
        ((ObjectNode) inExtension.path("releases").get(0).path("tender").path("techniques")).put("rateCeiling", 1);
        assertThat(OcdsValidator.releasePackage(inExtension.toString()), hasItem(containsString("rateCeiling")));
        ObjectNode atTop = good.deepCopy();
        atTop.put("nextCursor", "x");
        assertThat(OcdsValidator.releasePackage(atTop.toString()), hasItem(containsString("nextCursor")));

        ObjectNode badCode = good.deepCopy();
        ((ObjectNode) badCode.path("releases").get(0).path("tender").path("items").get(0).path("unit")).put("scheme", "HOURS");
        assertThat(OcdsValidator.releasePackage(badCode.toString()), hasItem(containsString("unitClassificationScheme.csv")));
        ObjectNode badRole = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) badRole.path("releases").get(0).path("parties").get(0).path("roles")).add("owner");
        assertThat(OcdsValidator.releasePackage(badRole.toString()), hasItem(containsString("partyRole.csv")));
        ObjectNode empty = good.deepCopy();
        ((ObjectNode) empty.path("releases").get(0).path("tender")).put("description", "");
        assertThat(OcdsValidator.releasePackage(empty.toString()), hasItem(containsString("/releases/0/tender/description is empty")));
        ObjectNode duplicate = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) duplicate.path("releases").get(0).path("tender").path("items"))
                .add(duplicate.path("releases").get(0).path("tender").path("items").get(0).deepCopy());
        assertThat(OcdsValidator.releasePackage(duplicate.toString()), hasItem(containsString("is not unique")));
        ObjectNode badOcid = good.deepCopy();
        ((ObjectNode) badOcid.path("releases").get(0)).put("ocid", "skymarked-c-1");
        assertThat(OcdsValidator.releasePackage(badOcid.toString()), hasItem(containsString("prefix")));
        ObjectNode unknownSupplier = good.deepCopy();
        ((ObjectNode) unknownSupplier.path("releases").get(0).path("awards").get(0).path("suppliers").get(0)).put("id", "NO-BRC-1");
        assertThat(OcdsValidator.releasePackage(unknownSupplier.toString()), hasItem(containsString("names no party")));
    }

    @Test
    void anOcidPrefixMustBeRegisteredShapeAndOcidsParseBack() {
        assertThat(OCID.parse("ocds-abc123-call-off-c-1").orElseThrow(), is(new Ocid.Process(Ocid.Kind.CALL_OFF, "c-1")));
        assertThat(OCID.parse("ocds-abc123-framework-dt-2").orElseThrow(), is(new Ocid.Process(Ocid.Kind.FRAMEWORK, "dt-2")));
        assertThat(OCID.parse("ocds-zzz999-call-off-c-1").isPresent(), is(false));
        assertThat(OCID.parse("ocds-abc123-call-off-").isPresent(), is(false));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Ocid("skymarked"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Ocid("ocds-ABC123"));
    }
}
