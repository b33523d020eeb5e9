package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** E32 (rates above the framework's) and the evaluated price of §3.3 (rate × estimated hours per role). */
class TenderPricingTest {
    private static Map<String, BigDecimal> rates(String... pairs) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return m;
    }

    @Test
    void aRateAboveTheFrameworkRateIsADeviationAndEqualIsNot() {
        Map<String, BigDecimal> ceilings = rates("DEVELOPER", "1200.00", "ARCHITECT", "1550.00");
        assertThat(TenderPricing.aboveCeiling(rates("DEVELOPER", "1200.00", "ARCHITECT", "1550.01"), ceilings), contains("ARCHITECT"));
        assertThat(TenderPricing.aboveCeiling(rates("DEVELOPER", "1199.99", "ARCHITECT", "1550"), ceilings), is(empty()));
        assertThat(TenderPricing.aboveCeiling(rates("TESTER", "9999"), ceilings), is(empty()));  // no ceiling set for the role
    }

    @Test
    void theEvaluatedPriceIsRateTimesEstimatedHoursPerRole() {
        CallOffEstimate estimate = CallOffEstimate.of(new RoleHours("DEVELOPER", new BigDecimal("150")),
                new RoleHours("ARCHITECT", new BigDecimal("120.5")));
        assertThat(TenderPricing.evaluatedPrice(rates("DEVELOPER", "1000.00", "ARCHITECT", "1500.50"), estimate),
                is(new BigDecimal("330810.25")));
    }
}
