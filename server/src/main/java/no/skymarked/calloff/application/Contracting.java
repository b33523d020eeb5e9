package no.skymarked.calloff.application;

import java.time.Instant;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.AwardRules;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.Transition;
import no.skymarked.calloff.domain.WorkingDayCalendar;

/** Concludes the contract once both parties have signed (FOA § 25-1(5); E38) and any standstill has ended. */
public final class Contracting {
    private final CallOffSteps steps;

    public Contracting(CallOffSteps steps) {
        this.steps = steps;
    }

    public CallOff contract(Principal buyer, String callOffId, Instant buyerSignedAt, Instant supplierSignedAt) {
        return steps.change(callOffId, step -> {
            step.viewer(buyer).requireBuyer(buyer, callOffId, "conclude the contract");
            step.callOff().require(Transition.CONTRACT);
            var award = step.callOff().competition().flatMap(Competition::award);
            Instant end = award.map(Competition.Award::standstillEndsAt).orElse(null);
            if (end != null && step.now().isBefore(end)) {
                throw Refusal.conflict("/problems/standstill-running", "Standstill running", "the standstill period runs until "
                        + WorkingDayCalendar.osloTime(end) + " Europe/Oslo");
            }
            AwardRules.contract(buyerSignedAt, supplierSignedAt, step.now(), award.map(Competition.Award::decidedAt).orElse(null), end)
                    .ifPresent(v -> {
                        throw Violations.of(v);
                    });
            var contract = new CallOff.Contract(step.now(), buyerSignedAt, supplierSignedAt);
            step.callOff().conclude(contract);
            step.changed();
            step.record(Actor.of(buyer), "CONTRACT_CONCLUDED", contract);
        });
    }
}
