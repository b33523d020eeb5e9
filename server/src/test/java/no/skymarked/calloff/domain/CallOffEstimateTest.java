package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CallOffEstimateTest {

    private static RoleHours rh(String role, String hours) {
        return new RoleHours(role, hours == null ? null : new BigDecimal(hours));
    }

    private static String refusalCode(CallOffEstimate e) {
        return e.validate().map(Refusal::code).orElse("VALID");
    }

    @Test
    void totalSumsAllRoles_E5() {
        CallOffEstimate e = CallOffEstimate.of(rh("DEV", "150"), rh("ARCH", "120"));
        assertThat(e.total(), comparesEqualTo(new BigDecimal("270")));
        assertThat(e.validate().isPresent(), is(false));
    }

    @Test
    void zeroNegativeAndNullHoursAreRefused_E3() {
        assertThat(refusalCode(CallOffEstimate.of(rh("DEV", "0"))), is("INVALID_ESTIMATE"));
        assertThat(refusalCode(CallOffEstimate.of(rh("DEV", "0.00"))), is("INVALID_ESTIMATE"));
        assertThat(refusalCode(CallOffEstimate.of(rh("DEV", "-1"))), is("INVALID_ESTIMATE"));
        assertThat(refusalCode(CallOffEstimate.of(rh("DEV", null))), is("INVALID_ESTIMATE"));
        assertThat(refusalCode(CallOffEstimate.of(rh("DEV", "10"), rh("ARCH", "-0.01"))), is("INVALID_ESTIMATE"));
    }

    @Test
    void missingRolesOrRoleIdsAreRefused_E3() {
        assertThat(refusalCode(new CallOffEstimate(null)), is("INVALID_ESTIMATE"));
        assertThat(refusalCode(new CallOffEstimate(List.of())), is("INVALID_ESTIMATE"));
        assertThat(refusalCode(new CallOffEstimate(Arrays.asList(rh("DEV", "1"), null))), is("INVALID_ESTIMATE"));
        assertThat(refusalCode(CallOffEstimate.of(rh(null, "1"))), is("INVALID_ESTIMATE"));
        assertThat(refusalCode(CallOffEstimate.of(rh(" ", "1"))), is("INVALID_ESTIMATE"));
    }

    @Test
    void duplicateRolesAreRefused() {
        Optional<Refusal> r = CallOffEstimate.of(rh("DEV", "10"), rh("DEV", "20")).validate();
        assertThat(r.map(Refusal::code).orElse("VALID"), is("INVALID_ESTIMATE"));
        assertThat(r.get().message(), containsString("DEV"));
    }

    @Test
    void totalAboveSaneMaximumIsRefusedButMaximumItselfIsAccepted_E3() {
        assertThat(refusalCode(CallOffEstimate.of(rh("DEV", "100000"))), is("VALID"));
        assertThat(refusalCode(CallOffEstimate.of(rh("DEV", "60000"), rh("ARCH", "40000.01"))),
                is("INVALID_ESTIMATE"));
    }

    @Test
    void valueAtMultipliesRatesAndRoundsToOre() {
        CallOffEstimate e = CallOffEstimate.of(rh("DEV", "100"), rh("ARCH", "12.5"));
        BigDecimal value = e.valueAt(Map.of("DEV", new BigDecimal("1000"), "ARCH", new BigDecimal("1234.55")));
        assertThat(value, is(new BigDecimal("115431.88")));
        assertThat(value.scale(), is(2));
    }

    @Test
    void valueAtRequiresARateForEveryRole_E21() {
        CallOffEstimate e = CallOffEstimate.of(rh("DEV", "100"), rh("ARCH", "1"));
        Executable missing = () -> e.valueAt(Map.of("DEV", BigDecimal.ONE));
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, missing)
                .getMessage(), containsString("ARCH"));
    }

    @Test
    void rolesAreDefensivelyCopied() {
        List<RoleHours> source = new java.util.ArrayList<>(List.of(rh("DEV", "10")));
        CallOffEstimate e = new CallOffEstimate(source);
        source.add(rh("ARCH", "500"));
        assertThat(e.total(), comparesEqualTo(BigDecimal.TEN));
    }
}
