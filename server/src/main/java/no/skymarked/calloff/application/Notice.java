package no.skymarked.calloff.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.EvaluationResult;

/**
 * A notice to a tenderer or invited supplier: the award (FOA § 25-1(2); with the winner's and the reader's own
 * evaluation, taken from the sheet when shown) or a cancellation. Notices follow from the award and cancellation.
 */
public record Notice(String id, String kind, String callOffId, String recipientOrgNo, Instant sentAt, String reasons,
                     Competition.Award award) {

    /** Every notice of the call-off: one per evaluated tender at the award, one per invited supplier at a cancellation. */
    public static List<Notice> of(CallOff c, EvaluationSheet sheet) {
        List<Notice> out = new ArrayList<>();
        var award = c.competition().flatMap(Competition::award);
        if (award.isPresent() && sheet != null) {
            List<String> orgs = new ArrayList<>(sheet.result().ranking().stream().map(EvaluationResult.Scored::orgNo).toList());
            sheet.record().assessments().stream().filter(a -> a.rejection() != null).forEach(a -> orgs.add(a.orgNo()));
            orgs.forEach(org -> out.add(new Notice(c.id() + "-award-" + org, "AWARD", c.id(), org, award.get().decidedAt(),
                    award.get().reasons(), award.get())));
        }
        c.cancellation().ifPresent(x -> c.competition().ifPresent(comp -> comp.terms().invited().stream().sorted().forEach(org -> out.add(
                new Notice(c.id() + "-cancellation-" + org, "CANCELLATION", c.id(), org, x.cancelledAt(), x.reason(), null)))));
        return out;
    }
}
