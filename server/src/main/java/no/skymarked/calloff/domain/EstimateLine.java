package no.skymarked.calloff.domain;

import java.math.BigDecimal;

/** One line of an estimate as the buyer gave it: hours, or days converted with the framework's hours per day (E4). */
public record EstimateLine(String roleId, BigDecimal hours, BigDecimal days) {
}
