package no.skymarked.calloff.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;
import no.skymarked.calloff.domain.TieBreakRule;
import no.skymarked.shared.Json;
import no.skymarked.shared.RequestSchemas;
import org.junit.jupiter.api.Test;

/** Mini-competition bodies as commands: a member sent as null is a member left out. */
class CompetitionRequestsTest {
    private static final String TERMS = "{\"tenderDeadline\": \"2026-12-15T12:00\", \"criteria\": [{\"criterionId\": \"price\", \"weight\":"
            + " \"0.35\"}], \"priceModel\": \"LINEAR\"%s}";

    @Test
    void aNullTieBreakIsTheDefaultOrderAndANullBudgetNone() {
        var body = Json.tree(TERMS.formatted(", \"tieBreak\": null, \"documentedBudget\": null, \"normalisation\": null"));
        assertThat(RequestSchemas.problems("publishCompetition", body).isEmpty(), is(true));
        var publish = CompetitionRequests.publication(body, List.of());
        assertThat(publish.tieBreak(), is(TieBreakRule.DEFAULT_ORDER));
        assertThat(publish.documentedBudget() == null, is(true));
        var given = CompetitionRequests.publication(Json.tree(TERMS.formatted(", \"tieBreak\": [\"LOWER_PRICE\"]")), List.of());
        assertThat(given.tieBreak(), is(List.of(TieBreakRule.LOWER_PRICE)));
    }
}
