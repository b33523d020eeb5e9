package no.skymarked.calloff.application;

import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.CallOff;

/** Cancels with an objective reason (FOA § 25-4) at any time before the contract; invited suppliers get a notice. */
public final class Cancelling {
    private final CallOffSteps steps;

    public Cancelling(CallOffSteps steps) {
        this.steps = steps;
    }

    public CallOff cancel(Principal buyer, String callOffId, String reason) {
        return steps.change(callOffId, step -> {
            step.viewer(buyer).requireBuyer(buyer, callOffId, "cancel");
            step.callOff().cancel(reason, step.now(), Actor.of(buyer));
            step.changed();
            step.record(Actor.of(buyer), "CALL_OFF_CANCELLED", step.callOff().cancellation().orElseThrow());
        });
    }
}
