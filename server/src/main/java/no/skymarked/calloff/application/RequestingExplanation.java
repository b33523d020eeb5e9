package no.skymarked.calloff.application;

import java.time.Instant;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.Transition;
import no.skymarked.calloff.domain.WorkingDayCalendar;

/**
 * A tender that seems abnormally low is not rejected: its supplier is asked in writing to explain the price, with a
 * deadline, and the buyer records its assessment of the explanation (FOA § 24-9, E33). Only then may the tender be
 * rejected on that ground, and the award go to it only with the explanation found sufficient.
 */
public final class RequestingExplanation {
    private final CallOffSteps steps;

    public RequestingExplanation(CallOffSteps steps) {
        this.steps = steps;
    }

    /** The request: whose tender, what to explain, and by when. */
    public record Request(String supplierOrgNo, String request, Instant deadline) {
    }

    /** The assessment: SUFFICIENT or INSUFFICIENT, why, and when the supplier's explanation came (null: none came). */
    public record Assess(String verdict, String reason, Instant explanationReceivedAt) {
    }

    /** The least time a supplier is given to explain its prices: a rejection cannot follow a deadline of seconds. */
    static final java.time.Duration MINIMUM_TIME_TO_EXPLAIN = java.time.Duration.ofHours(24);

    public Competition.ExplanationRequest request(Principal buyer, String callOffId, Request r) {
        return steps.locked(callOffId, step -> {
            Competition competition = start(step, buyer, callOffId);
            boolean opened = step.ports().competitions().tenders(callOffId).stream()
                    .anyMatch(t -> t.submitted() && t.orgNo().equals(r.supplierOrgNo()));
            if (!opened) {
                throw Refusal.invalid("/problems/invalid-explanation-request", "/supplierOrgNo", "no tender from " + r.supplierOrgNo()
                        + " was opened");
            }
            if (r.deadline().isBefore(step.now().plus(MINIMUM_TIME_TO_EXPLAIN))) {
                throw Refusal.invalid("/problems/invalid-explanation-request", "/deadline", "the deadline must be at least 24 hours"
                        + " after now (" + step.now() + "); give the supplier a reasonable time to explain (FOA § 24-9)");
            }
            Competition.ExplanationRequest made = competition.requestExplanation(r.supplierOrgNo(), r.request(), r.deadline(),
                    step.now(), Actor.of(buyer));
            step.changed();
            step.record(Actor.of(buyer), "EXPLANATION_REQUESTED", made);
            return Outcome.of(made);
        });
    }

    public Competition.ExplanationRequest assess(Principal buyer, String callOffId, String requestId, Assess a) {
        return steps.locked(callOffId, step -> {
            Competition competition = start(step, buyer, callOffId);
            Competition.ExplanationRequest r = competition.explanationRequest(requestId)
                    .orElseThrow(() -> Refusal.notFound("Explanation request", requestId));
            if (r.assessed()) {
                throw Refusal.conflict("/problems/already-assessed", "Already assessed", "request " + requestId + " was assessed "
                        + r.assessment().verdict() + " at " + r.assessment().assessedAt() + "; ask again with a new request");
            }
            if (a.explanationReceivedAt() != null && (a.explanationReceivedAt().isAfter(step.now())
                    || a.explanationReceivedAt().isBefore(r.requestedAt()))) {
                throw Refusal.invalid("/problems/invalid-explanation-assessment", "/explanationReceivedAt", "must lie between the"
                        + " request (" + r.requestedAt() + ") and now (" + step.now() + ")");
            }
            if (a.explanationReceivedAt() == null && step.now().isBefore(r.deadline())) {
                throw Refusal.invalid("/problems/explanation-pending", "/explanationReceivedAt", "the supplier has until "
                        + r.deadline() + " (" + WorkingDayCalendar.osloTime(r.deadline()) + " Europe/Oslo) to explain; assess its"
                        + " explanation once it has come (give explanationReceivedAt), or after the deadline");
            }
            Competition.ExplanationRequest assessed = competition.assess(r, new Competition.ExplanationAssessment(a.verdict(),
                    a.reason(), a.explanationReceivedAt(), step.now(), Actor.of(buyer)));
            step.changed();
            step.record(Actor.of(buyer), "EXPLANATION_ASSESSED", assessed);
            return Outcome.of(assessed);
        });
    }

    private static Competition start(Step step, Principal buyer, String callOffId) {
        step.viewer(buyer).requireBuyer(buyer, callOffId, "request or assess explanations of tenders");
        step.requireMiniCompetition();
        Evaluating.requireOpened(step.callOff());
        step.callOff().require(Transition.REQUEST_EXPLANATION);
        return step.competition();
    }
}
