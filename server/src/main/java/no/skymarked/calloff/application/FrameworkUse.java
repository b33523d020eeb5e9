package no.skymarked.calloff.application;

import java.time.LocalDate;
import no.skymarked.calloff.domain.FrameworkTerms;

/**
 * May an agency use a framework today (FOA § 26-1(3), (4)): the framework is active and within its period, and its
 * notice identifies the agency. Asked when a call-off is made and when a mini-competition invites tenders.
 */
final class FrameworkUse {
    private FrameworkUse() {
    }

    /** Refuses (422, pointer {@code /frameworkId}) when {@code orgNo} may not use {@code framework} on {@code today}. */
    static void require(FrameworkTerms framework, String orgNo, LocalDate today, String use) {
        if (!framework.activeOn(today)) {
            throw Refusal.invalid("/problems/framework-not-active", "/frameworkId", "the framework is " + framework.status()
                    + " and runs " + framework.startDate() + " to " + framework.currentEndDate() + "; today is " + today);
        }
        if (!framework.identifies(orgNo)) {
            throw Refusal.invalid("/problems/agency-not-eligible", "/frameworkId", "agency " + orgNo + " is not identified by"
                    + " framework '" + framework.id() + "' (FOA § 26-1(3)); only the agencies its notice names may " + use);
        }
    }
}
