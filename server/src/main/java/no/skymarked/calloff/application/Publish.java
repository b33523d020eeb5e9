package no.skymarked.calloff.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import no.skymarked.calloff.domain.Normalisation;
import no.skymarked.calloff.domain.PriceModel;
import no.skymarked.calloff.domain.TermsCheck;
import no.skymarked.calloff.domain.TieBreakRule;

/** The command to publish a mini-competition: the terms the buyer chose (checked against the framework on publication). */
public record Publish(Instant tenderDeadline, List<TermsCheck.Choice> criteria, PriceModel priceModel, Normalisation normalisation,
                      List<TieBreakRule> tieBreak, Integer tiePrecisionDecimals, int voluntaryStandstillDays,
                      List<Exclusion> exclusions, BigDecimal documentedBudget) {
    public Publish {
        criteria = List.copyOf(criteria);
        tieBreak = List.copyOf(tieBreak);
        exclusions = List.copyOf(exclusions);
    }

    /** A supplier of the lot the buyer does not invite, with the reason (M1). */
    public record Exclusion(String orgNo, String reason, String detail) {
    }
}
