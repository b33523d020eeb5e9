package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One opened tender as the evaluation sees it: its evaluated price (rate × estimated hours per role, NOK ex. VAT),
 * the evaluators' scores (0–10) per non-price criterion id, and whether it was rejected.
 */
public record EvaluationInput(String orgNo, BigDecimal evaluatedPrice, Map<String, BigDecimal> scores, boolean rejected) {
    public EvaluationInput {
        scores = Map.copyOf(scores);
    }
}
