package no.skymarked.calloff.domain;

import java.math.BigDecimal;

/** A criterion a call-off uses, with the weight published for it (a fraction; all weights sum to exactly 1). */
public record WeightedCriterion(String id, CriterionType type, BigDecimal weight) {
}
