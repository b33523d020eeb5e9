package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteDecisionTest {
    private static final BigDecimal THRESHOLD = new BigDecimal("250");
    private static final Optional<RouteException> NO_EXCEPTION = Optional.empty();
    private static final String REQUESTER = "ola.nordmann@etat.no";
    private static final String APPROVER = "kari.nordmann@etat.no";
    private static final String PLAN = "Minikonkurranse for videre drift innen tre måneder";
    private static final RouteException VALID_SECURITY = approved(true, true, false, "ransomware attack");

    /** An exception approved by another person, with a follow-up plan, not caused by the agency. */
    private static RouteException approved(boolean unforeseeable, boolean security, boolean life, String justification) {
        return new RouteException(unforeseeable, security, life, justification, APPROVER, PLAN, false, false);
    }

    private static CallOffEstimate hours(String... perRole) {
        RoleHours[] roles = new RoleHours[perRole.length];
        for (int i = 0; i < perRole.length; i++) {
            roles[i] = new RoleHours("ROLE" + i, new BigDecimal(perRole[i]));
        }
        return CallOffEstimate.of(roles);
    }

    private static RouteDecision.Result decide(CallOffEstimate e, Route requested, RouteException ex, String reason) {
        return RouteDecision.decide(THRESHOLD, e, Optional.ofNullable(requested), Optional.ofNullable(ex), reason, REQUESTER);
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
        RouteException life = approved(true, false, true, "hospital system outage");
        assertThat(allowed(decide(hours("400"), null, life, null)).reasonCode(), is("EXCEPTION"));
    }

    @Test
    void exceptionWithOnlyOneConditionIsRefused_E8() {
        RouteException onlyUnforeseeable = approved(true, false, false, "sudden need");
        RouteException notUnforeseeable = approved(false, true, true, "planned late");
        RouteException noJustification = approved(true, true, false, " ");
        RouteException nullJustification = approved(true, false, true, null);
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
        assertThat(refusedCode(RouteDecision.decide(THRESHOLD, null, Optional.empty(), NO_EXCEPTION, null, REQUESTER)),
                is("INVALID_ESTIMATE"));
    }

    @Test
    void nonPositiveThresholdIsAConfigurationError() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RouteDecision.decide(BigDecimal.ZERO, hours("1"), Optional.empty(), NO_EXCEPTION, null, REQUESTER));
    }

    // ---- the exception's approval (E8 conditions met; E9 and §1.12: approver, follow-up plan, self-caused urgency) ----

    @Test
    void anExceptionWithoutAnApproverIsRefused() {
        RouteException unapproved = new RouteException(true, true, false, "ransomware attack", null, PLAN, false, false);
        assertThat(refusedCode(decide(hours("400"), Route.DIRECT_AWARD, unapproved, null)), is("EXCEPTION_APPROVAL_REQUIRED"));
        RouteException blank = new RouteException(true, true, false, "ransomware attack", " ", PLAN, false, false);
        assertThat(refusedCode(decide(hours("400"), null, blank, null)), is("EXCEPTION_APPROVAL_REQUIRED"));
        // the claim as it was accepted before: conditions and justification only
        assertThat(refusedCode(decide(hours("400"), Route.DIRECT_AWARD, new RouteException(true, true, false, "Angrep"), null)),
                is("EXCEPTION_APPROVAL_REQUIRED"));
    }

    @Test
    void theRequesterCannotApproveTheirOwnException() {
        RouteException self = new RouteException(true, true, false, "ransomware attack", " Ola.Nordmann@etat.no", PLAN, false, false);
        RouteDecision.Refused refused = (RouteDecision.Refused) decide(hours("400"), Route.DIRECT_AWARD, self, null);
        assertThat(refused.code(), is("APPROVER_IS_REQUESTER"));
        assertThat(refused.message(), containsString("another person of the agency"));
    }

    @Test
    void anExceptionWithoutAFollowUpPlanIsRefused() {
        RouteException noPlan = new RouteException(true, false, true, "hospital system outage", APPROVER, null, false, false);
        assertThat(refusedCode(decide(hours("400"), Route.DIRECT_AWARD, noPlan, null)), is("EXCEPTION_FOLLOW_UP_PLAN_REQUIRED"));
    }

    @Test
    void urgencyTheAgencyCausedItselfIsRefusedUnlessTheApproverConfirmsIt_E9() {
        RouteException selfCaused = new RouteException(true, true, false, "late start", APPROVER, PLAN, true, false);
        assertThat(refusedCode(decide(hours("400"), Route.DIRECT_AWARD, selfCaused, null)), is("EXCEPTION_UNFORESEEABILITY_NOT_CONFIRMED"));
        RouteException confirmed = new RouteException(true, true, false, "late start, then an attack", APPROVER, PLAN, true, true);
        RouteDecision.Allowed a = allowed(decide(hours("400"), Route.DIRECT_AWARD, confirmed, null));
        assertThat(a.reasonCode(), is("EXCEPTION"));
        assertThat(a.flags(), containsInAnyOrder(RouteFlag.EXCEPTION_ABOVE_THRESHOLD, RouteFlag.UNFORESEEABILITY_CONFIRMED_BY_APPROVER));
    }

    @Test
    void onlyOneConditionStaysRefusedForItsConditionsWhateverTheApproval_E8() {
        RouteException confirmedButOnlyUnforeseeable = new RouteException(true, false, false, "sudden need", APPROVER, PLAN, true, true);
        assertThat(refusedCode(decide(hours("400"), Route.DIRECT_AWARD, confirmedButOnlyUnforeseeable, null)),
                is("EXCEPTION_CONDITIONS_NOT_MET"));
    }
}
