package no.skymarked.catalogue.search;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The price facet: a service's lowest listed NOK price (excluding VAT, whatever its unit: per user and month, per
 * hour, per GB …) falls into one band; prices in other currencies are not banded. Bands are half-open: 100.00 is in
 * {@code 100-1000}.
 */
public enum PriceBand {
    UNDER_100("0-100", "under 100 NOK", null, new BigDecimal("100")),
    FROM_100("100-1000", "100–1 000 NOK", new BigDecimal("100"), new BigDecimal("1000")),
    FROM_1000("1000-10000", "1 000–10 000 NOK", new BigDecimal("1000"), new BigDecimal("10000")),
    FROM_10000("10000-", "10 000 NOK and more", new BigDecimal("10000"), null);

    private final String key;
    private final String label;
    private final BigDecimal from;
    private final BigDecimal below;

    PriceBand(String key, String label, BigDecimal from, BigDecimal below) {
        this.key = key;
        this.label = label;
        this.from = from;
        this.below = below;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(PriceBand::key).toList();
    }

    public static String labelOf(String key) {
        return Arrays.stream(values()).filter(b -> b.key.equals(key)).map(PriceBand::label).findFirst().orElse(null);
    }

    /** The band of {@code lowest}, or null for none. */
    public static PriceBand of(BigDecimal lowest) {
        if (lowest == null) {
            return null;
        }
        for (PriceBand b : values()) {
            if ((b.from == null || lowest.compareTo(b.from) >= 0) && (b.below == null || lowest.compareTo(b.below) < 0)) {
                return b;
            }
        }
        return null;
    }
}
