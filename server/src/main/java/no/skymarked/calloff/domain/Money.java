package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount excluding VAT in a currency (NOK in every framework so far). */
public record Money(BigDecimal amount, String currency) {
    public static final String NOK = "NOK";

    public static Money nok(BigDecimal amount) {
        return new Money(amount, NOK);
    }

    /** Rounded to øre, as shown on the wire. */
    public BigDecimal rounded() {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
