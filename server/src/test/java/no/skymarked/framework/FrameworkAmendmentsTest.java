package no.skymarked.framework;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.Test;

/** Which changes amend a framework's terms (FOA § 26-1(5), § 28-2), and when a reason is needed. */
class FrameworkAmendmentsTest {
    private static final JsonNode BEFORE = Json.tree("""
            {"id": "fw", "status": "ACTIVE", "description": {"nb": "A"}, "thresholdHours": "250",
             "awardCriteria": [{"id": "price", "minWeight": "0.2", "maxWeight": "0.4"}],
             "lots": [{"id": "dev", "suppliers": [
                {"orgNo": "974760673", "rank": 1, "status": "ACTIVE", "rates": [{"roleId": "DEVELOPER", "hourlyRate": {"amount": "1200.00"}}]},
                {"orgNo": "889640782", "rank": 2, "status": "ACTIVE", "rates": []}]}]}
            """);

    private static ObjectNode copy() {
        return (ObjectNode) BEFORE.deepCopy();
    }

    private static ObjectNode member(ObjectNode f, int i) {
        return (ObjectNode) f.path("lots").get(0).path("suppliers").get(i);
    }

    @Test
    void aNewDescriptionAmendsNothing() {
        ObjectNode after = copy();
        ((ObjectNode) after.path("description")).put("nb", "B");
        assertThat(FrameworkAmendments.amendedTerms(BEFORE, after), is(empty()));
        assertThat(FrameworkAmendments.needsReason(BEFORE, FrameworkAmendments.amendedTerms(BEFORE, after)), is(false));
    }

    @Test
    void ratesRanksStatusesCriteriaAndThresholdAreAmendments() {
        ObjectNode after = copy();
        ((ObjectNode) member(after, 0).path("rates").get(0).path("hourlyRate")).put("amount", "1300.00");
        member(after, 0).put("rank", 2);
        member(after, 1).put("rank", 1).put("status", "SUSPENDED");
        ((ObjectNode) after.path("awardCriteria").get(0)).put("maxWeight", "0.5");
        after.put("thresholdHours", "300");
        assertThat(FrameworkAmendments.amendedTerms(BEFORE, after), contains("awardCriteria", "thresholdHours",
                "lot dev: rank of supplier 974760673", "lot dev: rates of supplier 974760673",
                "lot dev: rank of supplier 889640782", "lot dev: status of supplier 889640782"));
    }

    @Test
    void addedAndRemovedMembersAndLotsAreAmendments() {
        ObjectNode after = copy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) after.path("lots").get(0).path("suppliers")).remove(1);
        ((com.fasterxml.jackson.databind.node.ArrayNode) after.path("lots")).addObject().put("id", "ops").putArray("suppliers");
        assertThat(FrameworkAmendments.amendedTerms(BEFORE, after), contains("lot dev: supplier 889640782 removed", "lot ops: added"));
    }

    @Test
    void aSuccessorSupplierAndARestructuredAgencyAreAmendmentsNeedingAReason() {
        // E20: a supplier replaced by its successor (FOA § 28-1(1)e) and E49: an agency added after a merger are both
        // amendments of an active framework, so the editor must record the ground (the manual check) as the reason
        ObjectNode after = copy();
        member(after, 1).put("orgNo", "983887457");
        after.putArray("eligibleAgencies").add("991825827");
        var amended = FrameworkAmendments.amendedTerms(BEFORE, after);
        assertThat(amended, contains("eligibleAgencies", "lot dev: supplier 889640782 removed", "lot dev: supplier 983887457 added"));
        assertThat(FrameworkAmendments.needsReason(BEFORE, amended), is(true));
    }

    @Test
    void thePeriodAndTheStatusAreAmendedButExercisingAnOptionIsNot() {
        ObjectNode base = copy();
        base.putObject("period").put("startDate", "2026-01-01").put("initialEndDate", "2026-12-31").putArray("options")
                .addObject().put("lengthMonths", 12).put("exercised", false);
        ObjectNode exercised = base.deepCopy();
        ((ObjectNode) exercised.at("/period/options/0")).put("exercised", true).put("exercisedOn", "2026-10-01");
        assertThat(FrameworkAmendments.amendedTerms(base, exercised), is(empty()));
        ObjectNode longer = base.deepCopy();
        ((ObjectNode) longer.path("period")).put("initialEndDate", "2027-06-30");
        longer.put("status", "EXPIRED");
        assertThat(FrameworkAmendments.amendedTerms(base, longer), contains("period", "status ACTIVE → EXPIRED"));
    }

    @Test
    void aFrameworkThatEndedStaysEnded() {
        ObjectNode base = copy();
        base.putObject("period").put("startDate", "2026-01-01").put("initialEndDate", "2026-12-31").putArray("options");
        ObjectNode expired = base.deepCopy();
        expired.put("status", "EXPIRED");
        assertThat(FrameworkAmendments.revival(expired, base, java.time.LocalDate.parse("2026-06-01")).isPresent(), is(true));
        ObjectNode moved = base.deepCopy();
        ((ObjectNode) moved.path("period")).put("initialEndDate", "2027-12-31");
        assertThat(FrameworkAmendments.revival(base, moved, java.time.LocalDate.parse("2027-01-01")).isPresent(), is(true));
        assertThat(FrameworkAmendments.revival(base, moved, java.time.LocalDate.parse("2026-12-31")).isPresent(), is(false));
    }

    @Test
    void onlyAnActiveFrameworksAmendmentNeedsAReason() {
        ObjectNode after = copy();
        after.put("thresholdHours", "300");
        var amended = FrameworkAmendments.amendedTerms(BEFORE, after);
        assertThat(FrameworkAmendments.needsReason(BEFORE, amended), is(true));
        ObjectNode expired = copy();
        expired.put("status", "EXPIRED");
        assertThat(FrameworkAmendments.needsReason(expired, amended), is(false));
    }
}
