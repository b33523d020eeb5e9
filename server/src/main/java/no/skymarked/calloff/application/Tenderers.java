package no.skymarked.calloff.application;

import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.calloff.domain.CallOffStatus;
import no.skymarked.calloff.domain.Sealing;

/** Who may tender, and when: the checks submission and withdrawal share. */
final class Tenderers {
    private Tenderers() {
    }

    static String boundTo(String callOffId, String orgNo, String tenderRef) {
        return callOffId + "|" + orgNo + "|" + tenderRef;
    }

    /** Opens the step's tenders; each unwrap of the competition's key is recorded in the protocol with the KEK's id. */
    static TenderSeal.Opener opener(Step step) {
        return step.ports().seal().opener(step.id(), step.callOff().tenderDeadline().orElseThrow(), step.now(),
                kekId -> step.record(ProtocolEntry.SYSTEM, "TENDER_KEY_UNWRAPPED", Payload.of("kekId", kekId, "detail",
                        "the competition's private tender key was unwrapped with the key-encryption key to open its tenders")));
    }

    static void requireOwnTender(Principal supplier, String orgNo) {
        if (!supplier.has(Role.SUPPLIER) || !orgNo.equals(supplier.orgNo())) {
            throw Refusal.forbidden("organisation " + supplier.orgNo()
                    + " may submit or withdraw only its own tender (as supplier), not that of " + orgNo);
        }
    }

    static void requireInvited(Step step, Principal supplier) {
        if (step.lot().member(supplier.orgNo()).isEmpty()) {
            throw Refusal.forbidden("/problems/supplier-not-in-lot", "Not in the lot", "supplier " + supplier.orgNo()
                    + " is not a party to lot '" + step.callOff().lotId() + "' of the framework (FOA § 26-1(3))");
        }
        if (step.parties().stream().noneMatch(p -> p.invited() && p.orgNo().equals(supplier.orgNo()))) {
            throw Refusal.forbidden("/problems/not-invited", "Not invited", "supplier " + supplier.orgNo()
                    + " is not invited to this mini-competition");
        }
    }

    /** A submission or withdrawal at or after the deadline is refused (E29) and the attempt is recorded. */
    static Refusal lateRefusal(Step step, Principal supplier, String what) {
        var c = step.callOff();
        var deadline = c.tenderDeadline().orElse(null);
        if (c.status() == CallOffStatus.TENDERING && Sealing.receives(deadline, step.now())) {
            return null;
        }
        if (deadline != null && !Sealing.receives(deadline, step.now())) {
            step.record(Actor.of(supplier), "LATE_TENDER_REFUSED", Payload.of("attempt", what, "supplierOrgNo", supplier.orgNo(),
                    "deadline", deadline));
        }
        try {
            step.requireReceiving("submit or withdraw a tender");
        } catch (Refusal e) {
            return e;
        }
        return null;
    }
}
