package no.skymarked.calloff.domain;

import java.util.List;

/**
 * What a mini-competition publishes and keeps fixed from then on (domain rules §1.4 M2/M4, §3): the criteria with
 * their weights, the price model, the normalisation and the tie-break order. {@code tiePrecisionDecimals} null
 * means totals tie only when equal at full precision.
 */
public record CompetitionTerms(List<WeightedCriterion> criteria, PriceModel priceModel, Normalisation normalisation,
                               List<TieBreakRule> tieBreak, Integer tiePrecisionDecimals) {
    public CompetitionTerms {
        criteria = List.copyOf(criteria);
        tieBreak = List.copyOf(tieBreak);
    }

    public List<WeightedCriterion> nonPrice() {
        return criteria.stream().filter(c -> c.type() != CriterionType.PRICE).toList();
    }

    public java.util.Optional<WeightedCriterion> price() {
        return criteria.stream().filter(c -> c.type() == CriterionType.PRICE).findFirst();
    }
}
