package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteDecisionTest {
    private static final BigDecimal THRESHOLD = new BigDecimal("250");
    private static final Optional<RouteException> NO_EXCEPTION = Optional.empty();
    private static final RouteException VALID_SECURITY = new RouteException(true, true, false, "ransomware attack");

    private static CallOffEstimate hours(String... perRole) {
        RoleHours[] roles = new RoleHours[perRole.length];
        for (int i = 0; i < perRole.length; i++) {
            roles[i] = new RoleHours("ROLE" + i, new BigDecimal(perRole[i]));
        }
        return CallOffEstimate.of(roles);
    }

    private static RouteDecision.Result decide(CallOffEstimate e, Route requested, RouteException ex, String reason) {
        return RouteDecision.decide(THRESHOLD, e, Optional.ofNullable(requested), Optional.ofNullable(ex), reason);
    }

    private static RouteDecision.Allowed allowed(RouteDecision.Result r) {
        assertThat(r, instanceOf(RouteDecision.Allowed.class));
        return (RouteDecision.Allowed) r;
    }

    private static String refusedCode(RouteDecision.Result r) {
        assertThat(r, instanceOf(RouteDecision.Refused.class));
        return ((RouteDecision.Refused) r).code();
    }

    @Test
    void exactly250DefaultsToDirectAward_E1() {
        RouteDecision.Allowed a = allowed(decide(hours("250.00"), null, null, null));
        assertThat(a.route(), is(Route.DIRECT_AWARD));
        assertThat(a.reasonCode(), is("WITHIN_THRESHOLD"));
        assertThat(a.flags(), is(empty()));
    }

    @Test
    void exactly250MayGoToMiniCompetitionWithAReason_E1() {
        RouteDecision.Allowed a = allowed(decide(hours("250.00"), Route.MINI_COMPETITION, null, "two competence areas"));
        assertThat(a.route(), is(Route.MINI_COMPETITION));
        assertThat(a.reasonCode(), is("MINI_COMPETITION_BY_CHOICE"));
        assertThat(a.flags(), contains(RouteFlag.DISCRETIONARY_MINI_COMPETITION));
    }

    @Test
    void withinThresholdMiniCompetitionWithoutReasonIsRefused_E47() {
        assertThat(refusedCode(decide(hours("100"), Route.MINI_COMPETITION, null, null)),
                is("MINI_COMPETITION_REASON_REQUIRED"));
        assertThat(refusedCode(decide(hours("100"), Route.MINI_COMPETITION, null, "   ")),
                is("MINI_COMPETITION_REASON_REQUIRED"));
    }

    @Test
    void explicitDirectAwardWithinThresholdIsAllowed() {
        assertThat(allowed(decide(hours("249.99"), Route.DIRECT_AWARD, null, null)).route(), is(Route.DIRECT_AWARD));
    }

    @Test
    void justAboveThresholdDefaultsToMiniCompetition_E2() {
        RouteDecision.Allowed a = allowed(decide(hours("250.01"), null, null, null));
        assertThat(a.route(), is(Route.MINI_COMPETITION));
        assertThat(a.reasonCode(), is("ABOVE_THRESHOLD"));
    }

    @Test
    void directAwardAboveThresholdWithoutExceptionIsRefused_E2() {
        assertThat(refusedCode(decide(hours("250.01"), Route.DIRECT_AWARD, null, null)),
                is("THRESHOLD_REQUIRES_MINI_COMPETITION"));
    }

    @Test
    void multiRoleTotalDecides_E5() {
        assertThat(allowed(decide(hours("150", "120"), null, null, null)).route(), is(Route.MINI_COMPETITION));
        assertThat(refusedCode(decide(hours("150", "120"), Route.DIRECT_AWARD, null, null)),
                is("THRESHOLD_REQUIRES_MINI_COMPETITION"));
        assertThat(allowed(decide(hours("150", "100"), null, null, null)).route(), is(Route.DIRECT_AWARD));
    }

    @Test
    void validExceptionAllowsDirectAwardAboveThreshold() {
        RouteDecision.Allowed security = allowed(decide(hours("400"), Route.DIRECT_AWARD, VALID_SECURITY, null));
        assertThat(security.route(), is(Route.DIRECT_AWARD));
        assertThat(security.reasonCode(), is("EXCEPTION"));
        assertThat(security.flags(), contains(RouteFlag.EXCEPTION_ABOVE_THRESHOLD));
        RouteException life = new RouteException(true, false, true, "hospital system outage");
        assertThat(allowed(decide(hours("400"), null, life, null)).reasonCode(), is("EXCEPTION"));
    }

    @Test
    void exceptionWithOnlyOneConditionIsRefused_E8() {
        RouteException onlyUnforeseeable = new RouteException(true, false, false, "sudden need");
        RouteException notUnforeseeable = new RouteException(false, true, true, "planned late");
        RouteException noJustification = new RouteException(true, true, false, " ");
        RouteException nullJustification = new RouteException(true, false, true, null);
        for (RouteException ex : new RouteException[] {onlyUnforeseeable, notUnforeseeable, noJustification,
                nullJustification}) {
            assertThat(refusedCode(decide(hours("250.01"), Route.DIRECT_AWARD, ex, null)),
                    is("EXCEPTION_CONDITIONS_NOT_MET"));
            assertThat(refusedCode(decide(hours("250.01"), null, ex, null)), is("EXCEPTION_CONDITIONS_NOT_MET"));
        }
    }

    @Test
    void miniCompetitionAboveThresholdIsAlwaysAllowedAndNeedsNoReason() {
        RouteDecision.Allowed a = allowed(decide(hours("300"), Route.MINI_COMPETITION, VALID_SECURITY, null));
        assertThat(a.route(), is(Route.MINI_COMPETITION));
        assertThat(a.flags(), contains(RouteFlag.EXCEPTION_IGNORED));
    }

    @Test
    void exceptionWithinThresholdIsIgnored() {
        RouteDecision.Allowed a = allowed(decide(hours("10"), null, new RouteException(true, false, false, "x"), null));
        assertThat(a.route(), is(Route.DIRECT_AWARD));
        assertThat(a.flags(), contains(RouteFlag.EXCEPTION_IGNORED));
    }

    @Test
    void invalidEstimateIsRefusedBeforeAnyRouting_E3() {
        CallOffEstimate zero = hours("0");
        assertThat(refusedCode(decide(zero, null, null, null)), is("INVALID_ESTIMATE"));
        assertThat(refusedCode(decide(hours("100001"), null, VALID_SECURITY, null)), is("INVALID_ESTIMATE"));
        assertThat(refusedCode(RouteDecision.decide(THRESHOLD, null, Optional.empty(), NO_EXCEPTION, null)),
                is("INVALID_ESTIMATE"));
    }

    @Test
    void nonPositiveThresholdIsAConfigurationError() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RouteDecision.decide(BigDecimal.ZERO, hours("1"), Optional.empty(), NO_EXCEPTION, null));
    }
}
