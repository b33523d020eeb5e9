package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** A framework's declared conversion of its foreign-currency amounts to NOK: the rate and its date (E45). */
public record CurrencyConversion(String currency, BigDecimal nokPerUnit, LocalDate rateDate) {

    /** {@code amount} in NOK: a NOK amount as it is, one in {@link #currency} at the rate, rounded to øre half up. */
    public Money toNok(Money amount) {
        if (Money.NOK.equals(amount.currency())) {
            return amount;
        }
        if (!currency.equals(amount.currency())) {
            throw new IllegalArgumentException("no conversion from " + amount.currency() + " (only " + currency + ")");
        }
        return Money.nok(amount.amount().multiply(nokPerUnit).setScale(2, RoundingMode.HALF_UP));
    }
}
