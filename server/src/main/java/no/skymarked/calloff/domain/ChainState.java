package no.skymarked.calloff.domain;

import java.math.BigDecimal;

/**
 * The decisive state of a call-off that its protocol commits to: status, route, awarded supplier and agreed value
 * (NOK ex. VAT). Written into each bound row as {@link #json()}, and compared with the call-off row on verification.
 */
public record ChainState(String status, String route, String awardedOrgNo, String agreedValue) {

    public static ChainState of(CallOff c) {
        return of(c.status().name(), c.route().name(), c.awardedOrgNo().orElse(null), c.agreedValue().orElse(null));
    }

    public static ChainState of(String status, String route, String awardedOrgNo, BigDecimal agreedValue) {
        return new ChainState(status, route, awardedOrgNo, agreedValue == null ? null : plain(agreedValue));
    }

    /** The canonical text: fixed key order, the amount without trailing zeros ("1250000", "12.5"). */
    public String json() {
        return "{\"status\":" + quoted(status) + ",\"route\":" + quoted(route) + ",\"awardedOrgNo\":" + quoted(awardedOrgNo)
                + ",\"agreedValue\":" + quoted(agreedValue) + "}";
    }

    private static String plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
