package no.skymarked.calloff.domain;

import java.math.BigDecimal;

/** A criterion the framework allows for mini-competitions, with its weight range (fractions, e.g. 0.30). */
public record AwardCriterion(String id, CriterionType type, BigDecimal minWeight, BigDecimal maxWeight) {
}
