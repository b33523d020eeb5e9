package no.skymarked.catalogdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/**
 * The period of a framework agreement: the initial term and the extension options in order. An option of n months
 * takes over on the day after the period it extends ends and runs n whole months (28 Feb 2027 + 12 months ends
 * 29 Feb 2028; 30 Apr + 1 month ends 31 May). FOA § 26-1(4) allows four years: a period starting 28 April 2026 may
 * run to 27 April 2030 inclusive (start + 4 years − 1 day), no later, unless special circumstances are justified.
 */
public final class FrameworkPeriod {
    private FrameworkPeriod() {
    }

    /** The last day a framework starting on {@code start} may run without special circumstances: start + 4 years − 1 day. */
    public static LocalDate latestEndWithoutJustification(LocalDate start) {
        return start.plusYears(4).minusDays(1);
    }

    /** The end after an option of {@code months} that follows a period ending on {@code end}. */
    public static LocalDate extend(LocalDate end, int months) {
        return end.plusDays(1).plusMonths(months).minusDays(1);
    }

    /** The end of the period option {@code index} extends: the initial end plus every option before it. */
    public static LocalDate endBefore(JsonNode period, int index) {
        LocalDate end = LocalDate.parse(period.path("initialEndDate").asText());
        for (int i = 0; i < index; i++) {
            end = extend(end, period.path("options").get(i).path("lengthMonths").asInt());
        }
        return end;
    }

    /** The end with every option exercised. */
    public static LocalDate maxEndDate(JsonNode period) {
        return endBefore(period, period.path("options").size());
    }

    /** The initial end plus the options exercised so far, in order (an option after one not exercised does not count). */
    public static LocalDate currentEndDate(JsonNode framework) {
        JsonNode period = framework.path("period");
        LocalDate end = LocalDate.parse(period.path("initialEndDate").asText());
        for (JsonNode option : period.path("options")) {
            if (!option.path("exercised").asBoolean()) {
                break;
            }
            end = extend(end, option.path("lengthMonths").asInt());
        }
        return end;
    }
}
