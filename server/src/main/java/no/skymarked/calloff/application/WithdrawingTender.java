package no.skymarked.calloff.application;

import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.Transition;

/** A supplier withdraws its tender strictly before the deadline; the withdrawal gets a receipt like a submission. */
public final class WithdrawingTender {
    private final CallOffSteps steps;

    public WithdrawingTender(CallOffSteps steps) {
        this.steps = steps;
    }

    public TenderRead withdraw(Principal supplier, String callOffId, String orgNo) {
        Tenderers.requireOwnTender(supplier, orgNo);
        return steps.locked(callOffId, step -> {
            Tenderers.requireInvited(step, supplier);
            Refusal late = Tenderers.lateRefusal(step, supplier, "TENDER_WITHDRAWAL");
            if (late != null) {
                return Outcome.refused(late);
            }
            step.callOff().require(Transition.TENDER);
            var repository = step.ports().competitions();
            SealedTender existing = repository.tender(callOffId, orgNo).filter(SealedTender::submitted)
                    .orElseThrow(() -> Refusal.notFound("Tender of", orgNo));
            SealedTender withdrawn = new SealedTender(orgNo, existing.tenderRef(), SealedTender.WITHDRAWN, existing.version() + 1,
                    existing.firstAt(), step.now(), null, null);
            repository.saveTender(callOffId, withdrawn, true);
            repository.receipt(callOffId, withdrawn, SealedTender.WITHDRAWN);
            return Outcome.of(new TenderRead(callOffId, withdrawn, null, step.callOff().tenderDeadline().orElseThrow()));
        });
    }
}
