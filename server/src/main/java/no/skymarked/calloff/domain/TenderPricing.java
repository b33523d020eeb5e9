package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The price side of a tender in an hourly-rate mini-competition (domain rules §3.3, §3.7, E32): no rate above the
 * supplier's framework rate for the role (where the framework sets one: a higher rate is a substantial deviation),
 * and the evaluated price is Σ rate × the estimated hours of the role, NOK ex. VAT.
 */
public final class TenderPricing {
    private TenderPricing() {
    }

    /** The roles whose offered rate exceeds the framework's ceiling, in the order offered. */
    public static List<String> aboveCeiling(Map<String, BigDecimal> offered, Map<String, BigDecimal> ceilings) {
        return offered.entrySet().stream()
                .filter(e -> ceilings.containsKey(e.getKey()) && e.getValue().compareTo(ceilings.get(e.getKey())) > 0)
                .map(Map.Entry::getKey).toList();
    }

    /** Σ rate × hours per role of the estimate (every role must be offered). */
    public static BigDecimal evaluatedPrice(Map<String, BigDecimal> offered, CallOffEstimate estimate) {
        return estimate.valueAt(offered);
    }
}
