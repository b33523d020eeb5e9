package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every status change of a call-off is one of {@link Transition}'s; any other is refused naming the current status. */
class TransitionTest {
    private static CallOff in(CallOffStatus status) {
        return new CallOff(new CallOff.State("c1", "991825827", "fw", "lot", 1, new CallOffDetails("t", "n", List.of(), null, null, null, null,
                "WITHIN_THRESHOLD", "a1", List.of(), List.of(), null, null), new BigDecimal("1000"), Route.MINI_COMPETITION, Instant.EPOCH, 1, status,
                null, null, null, null, null, null));
    }

    @ParameterizedTest
    @EnumSource(CallOffStatus.class)
    void cancellationIsPossibleUntilTheContract(CallOffStatus status) {
        CallOff c = in(status);
        if (Set.of(CallOffStatus.CONTRACTED, CallOffStatus.CANCELLED).contains(status)) {
            IllegalTransition e = assertThrows(IllegalTransition.class, () -> c.cancel("r", Instant.EPOCH, "b"));
            assertThat(e.current(), is(status));
            assertThat(e.getMessage().contains("while the call-off is " + status), is(true));
        } else {
            c.cancel("r", Instant.EPOCH, "b");
            assertThat(c.status(), is(CallOffStatus.CANCELLED));
            assertThat(c.cancellation().orElseThrow().statusBefore(), is(status));
        }
    }

    @ParameterizedTest
    @EnumSource(CallOffStatus.class)
    void eachStepStartsOnlyFromItsStatuses(CallOffStatus status) {
        for (Transition t : Transition.values()) {
            CallOff c = in(status);
            if (t.allowedFrom(status)) {
                c.apply(t);
                assertThat(t + " from " + status, c.status(), is(t.target(status)));
            } else {
                assertThrows(IllegalTransition.class, () -> c.apply(t), t + " from " + status);
                assertThat(c.status(), is(status));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CallOffStatus.class)
    void theValueHeldFollowsTheStatus(CallOffStatus status) {
        BigDecimal held = in(status).committedValue();
        assertThat(held.signum() == 0, is(!status.holdsValue()));
    }
}
