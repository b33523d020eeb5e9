package no.skymarked.framework;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.Test;

class PriceListAccessTest {
    private static final JsonNode FRAMEWORK = Json.tree("""
            {"id": "fw", "eligibleAgencies": ["991825827"], "lots": [
              {"id": "a", "suppliers": [
                {"orgNo": "974760673", "rank": 1, "rates": [{"roleId": "DEV", "hourlyRate": {"amount": "1000", "currency": "NOK"}}]},
                {"orgNo": "889640782", "rank": 2, "rates": [{"roleId": "DEV", "hourlyRate": {"amount": "1100", "currency": "NOK"}}]}]},
              {"id": "b", "suppliers": [
                {"orgNo": "889640782", "rank": 1, "rates": []}]}]}
            """);

    private static Principal p(String org, Role... roles) {
        return new Principal(org, Set.of(roles), null);
    }

    @Test
    void eligibleBuyerEditorAndAuditorSeeEveryRate() {
        for (Principal who : new Principal[] {p("991825827", Role.BUYER), p("983887457", Role.EDITOR), p("983887457", Role.AUDITOR)}) {
            JsonNode visible = PriceListAccess.visibleTo(FRAMEWORK, who).orElseThrow();
            assertThat(visible.path("lots").size(), is(2));
            assertThat(visible.path("lots").get(0).path("suppliers").size(), is(2));
        }
    }

    @Test
    void buyerOfAnAgencyNotIdentifiedSeesNothing() {
        assertThat(PriceListAccess.visibleTo(FRAMEWORK, p("983887457", Role.BUYER)).isPresent(), is(false));
    }

    @Test
    void frameworkWithoutEligibleListIsOpenToNoBuyer() {
        // E16: a framework that names nobody identifies nobody (it was "every buyer" before)
        JsonNode unnamed = FRAMEWORK.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) unnamed).remove("eligibleAgencies");
        assertThat(PriceListAccess.visibleTo(unnamed, p("983887457", Role.BUYER)).isPresent(), is(false));
        assertThat(PriceListAccess.visibleTo(unnamed, p("991825827", Role.BUYER)).isPresent(), is(false));
    }

    @Test
    void supplierSeesOnlyItsOwnRates() {
        JsonNode visible = PriceListAccess.visibleTo(FRAMEWORK, p("974760673", Role.SUPPLIER)).orElseThrow();
        assertThat(visible.path("lots").size(), is(1));
        assertThat(visible.path("lots").get(0).path("suppliers").size(), is(1));
        assertThat(visible.path("lots").get(0).path("suppliers").get(0).path("orgNo").asText(), is("974760673"));
    }

    @Test
    void supplierOutsideTheFrameworkSeesNothing() {
        assertThat(PriceListAccess.visibleTo(FRAMEWORK, p("983887457", Role.SUPPLIER)).isPresent(), is(false));
    }
}
