package no.skymarked.calloff.domain;

import java.util.Optional;

/**
 * The above-threshold exception of §1.12 (E8, E9). Its conditions are cumulative: {@code unforeseeable} AND
 * ({@code security} OR {@code criticalLifeOrHealth}) AND a non-blank justification ({@link #conditionsMet()}; E8).
 * It is then allowed only when approved ({@link #approvalRefusal}): an approver who is not the requester and a
 * follow-up plan for any continued need (a mini-competition, by analogy with FOA § 13-3(e)); and when the agency
 * says its own planning caused the urgency ({@code causedByAgency}), only when the approver confirms that the
 * circumstances were nevertheless unforeseeable ({@code approverConfirmsUnforeseeable}); default deny (E9).
 */
public record RouteException(boolean unforeseeable, boolean security, boolean criticalLifeOrHealth, String justification,
                             String approvedBy, String followUpPlan, boolean causedByAgency,
                             boolean approverConfirmsUnforeseeable) {
    public static final String EXCEPTION_APPROVAL_REQUIRED = "EXCEPTION_APPROVAL_REQUIRED";
    public static final String EXCEPTION_FOLLOW_UP_PLAN_REQUIRED = "EXCEPTION_FOLLOW_UP_PLAN_REQUIRED";
    public static final String EXCEPTION_UNFORESEEABILITY_NOT_CONFIRMED = "EXCEPTION_UNFORESEEABILITY_NOT_CONFIRMED";

    /** An exception claimed without approval (refused above the threshold; ignored at or below it). */
    public RouteException(boolean unforeseeable, boolean security, boolean criticalLifeOrHealth, String justification) {
        this(unforeseeable, security, criticalLifeOrHealth, justification, null, null, false, false);
    }

    public boolean conditionsMet() {
        return unforeseeable && (security || criticalLifeOrHealth) && Approvals.named(justification);
    }

    /** Why the approval of an exception whose conditions are met does not hold, if it does not; checked in this order. */
    public Optional<Refusal> approvalRefusal(String requester) {
        if (!Approvals.named(approvedBy)) {
            return Optional.of(new Refusal(EXCEPTION_APPROVAL_REQUIRED,
                    "a direct award above the threshold under the exception needs exception.approvedBy: another person of the"
                            + " agency who approved it"));
        }
        if (Approvals.samePerson(approvedBy, requester)) {
            return Optional.of(new Refusal(Approvals.APPROVER_IS_REQUESTER, "the exception's approver '" + approvedBy.strip()
                    + "' is the person who calls off; another person of the agency must approve"));
        }
        if (!Approvals.named(followUpPlan)) {
            return Optional.of(new Refusal(EXCEPTION_FOLLOW_UP_PLAN_REQUIRED, "the exception covers only what is strictly"
                    + " necessary: give exception.followUpPlan, e.g. a mini-competition for any continued need"));
        }
        if (causedByAgency && !approverConfirmsUnforeseeable) {
            return Optional.of(new Refusal(EXCEPTION_UNFORESEEABILITY_NOT_CONFIRMED, "the agency says its own planning caused"
                    + " the urgency, so the circumstances count as unforeseeable only when the approver confirms it"
                    + " (exception.approverConfirmsUnforeseeable: true); otherwise run a mini-competition"));
        }
        return Optional.empty();
    }
}
