package no.skymarked.framework;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.Test;

/** Who a framework identifies (E16) and who may accede after its award (E18), without HTTP or a database. */
class EligibilityTest {
    private static final JsonNode FRAMEWORK = Json.tree("""
            {"id": "fw", "status": "ACTIVE", "period": {"startDate": "2026-05-01"},
             "eligibleAgencies": ["974760673"],
             "eligibleGroups": [{"id": "kommunen", "name": {"nb": "Kommunen", "en": "The municipality"},
                                 "members": ["991825827", "889640782"]}],
             "awardDate": "2026-04-14",
             "lateAccession": {"clause": "Punkt 2", "groups": ["kommunen"]}}
            """);

    @Test
    void listedAgenciesAndGroupMembersAreIdentifiedAndNobodyElse() {
        assertThat(Eligibility.identified(FRAMEWORK), contains("974760673", "991825827", "889640782"));
        assertThat(Eligibility.identifies(FRAMEWORK, "983887457"), is(false));
        assertThat(Eligibility.identifies(Json.tree("{\"id\": \"fw\"}"), "983887457"), is(false));
        assertThat(Eligibility.identifies(Json.tree("{\"id\": \"fw\", \"eligibleAgencies\": []}"), "983887457"), is(false));
    }

    @Test
    void onOrBeforeTheAwardEveryIdentifiedAgencyMayAccede() {
        LocalDate award = LocalDate.parse("2026-04-14");
        assertThat(Eligibility.mayAccedeOn(FRAMEWORK, "974760673", award), is(true));
        assertThat(Eligibility.mayAccedeOn(FRAMEWORK, "983887457", award), is(false));
    }

    @Test
    void afterTheAwardOnlyAgenciesTheClauseNamesMayAccede() {
        LocalDate later = LocalDate.parse("2026-04-15");
        assertThat(Eligibility.mayAccedeOn(FRAMEWORK, "991825827", later), is(true));
        assertThat(Eligibility.mayAccedeOn(FRAMEWORK, "974760673", later), is(false));
        JsonNode noClause = FRAMEWORK.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) noClause).remove("lateAccession");
        assertThat(Eligibility.mayAccedeOn(noClause, "991825827", later), is(false));
    }

    @Test
    void withoutAnAwardDateTheStartDateIsTheAward() {
        JsonNode f = FRAMEWORK.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) f).remove("awardDate");
        assertThat(Eligibility.awardDate(f), is(LocalDate.parse("2026-05-01")));
        assertThat(Eligibility.mayAccedeOn(f, "974760673", LocalDate.parse("2026-04-20")), is(true));
    }
}
