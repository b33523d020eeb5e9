package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Price-to-points models (domain rules §3.3), on a 0–10 scale. {@code pe} is a tender's evaluated price and
 * {@code pb} the lowest evaluated price among compliant tenders; both positive. Nothing is rounded here.
 */
public enum PriceModel {
    /** {@code 10 − 10 × (Pe − Pb) / Pb}: mirrors the percentage difference; negative when Pe > 2 × Pb (kept, E36). */
    LINEAR,
    /** {@code 10 × Pb / Pe}: always positive, differences shrink as prices rise. */
    PROPORTIONAL;

    static final MathContext PRECISION = MathContext.DECIMAL128;
    static final BigDecimal TEN = BigDecimal.TEN;

    public BigDecimal score(BigDecimal pe, BigDecimal pb) {
        if (pe.signum() <= 0 || pb.signum() <= 0) {
            throw new IllegalArgumentException("evaluated prices must be positive");
        }
        return switch (this) {
            case LINEAR -> TEN.subtract(TEN.multiply(pe.subtract(pb)).divide(pb, PRECISION));
            case PROPORTIONAL -> TEN.multiply(pb).divide(pe, PRECISION);
        };
    }
}
