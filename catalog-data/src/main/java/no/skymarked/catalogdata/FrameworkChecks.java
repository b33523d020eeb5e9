package no.skymarked.catalogdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of one framework file a schema cannot state: its period and options (FOA § 26-1(4), E39, E40), the
 * currency of its amounts (E45), and its award criteria with the § 7-9 mode (E27, domain rules §1.10).
 */
final class FrameworkChecks {
    static final BigDecimal MIN_ENVIRONMENT_WEIGHT = new BigDecimal("0.30");
    static final String NOK = "NOK";

    /** Where to report: a problem blocks the file, a warning is shown. */
    interface Report {
        void problem(String pointer, String detail);

        void warning(String pointer, String detail);
    }

    private final Report report;

    FrameworkChecks(Report report) {
        this.report = report;
    }

    void check(JsonNode f) {
        period(f.path("period"));
        currency(f);
        criteria(f.path("awardCriteria"));
        climate(f);
    }

    private void period(JsonNode period) {
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(period.path("startDate").asText());
            end = LocalDate.parse(period.path("initialEndDate").asText());
        } catch (DateTimeException ex) {
            report.problem("/period", "invalid date: " + ex.getMessage());  // the schema's date format reports it first
            return;
        }
        if (!end.isAfter(start)) {
            report.problem("/period/initialEndDate", "the initial end date must be after the start date");
            return;
        }
        JsonNode options = period.path("options");
        for (int i = 0; i < options.size(); i++) {
            option(options.get(i), i, end, i > 0 && !options.get(i - 1).path("exercised").asBoolean());
            end = FrameworkPeriod.extend(end, options.get(i).path("lengthMonths").asInt());
        }
        LocalDate latest = FrameworkPeriod.latestEndWithoutJustification(start);
        String justification = period.path("specialCircumstancesJustification").asText("");
        if (end.isAfter(latest) && justification.isBlank()) {
            report.problem("/period/specialCircumstancesJustification", "with all options the framework runs to " + end
                    + ", past four years (the last day without special circumstances is " + latest + ", the start " + start
                    + " + 4 years − 1 day): FOA § 26-1(4) requires specialCircumstancesJustification, or shorten the options");
        }
    }

    /** Option {@code i}, which extends a period ending on {@code end}. */
    private void option(JsonNode option, int i, LocalDate end, boolean previousNotExercised) {
        String at = "/period/options/" + i;
        LocalDate notice = date(option, "noticeDeadline", at);
        if (notice != null && notice.isAfter(end)) {
            report.problem(at + "/noticeDeadline", "the notice deadline " + notice + " is after " + end
                    + ", the end of the period the option extends");
        }
        if (!option.path("exercised").asBoolean()) {
            return;
        }
        if (previousNotExercised) {
            report.problem(at + "/exercised", "options are exercised in order: the option before this one is not exercised");
        }
        LocalDate exercisedOn = date(option, "exercisedOn", at);
        if (!option.has("exercisedOn")) {
            report.problem(at + "/exercisedOn", "an exercised option needs the date it was exercised (exercisedOn)");
        } else if (exercisedOn != null && exercisedOn.isAfter(end)) {
            report.problem(at + "/exercisedOn", "FOA § 26-1(4): the option was exercised on " + exercisedOn + ", after the"
                    + " framework ended on " + end + "; an option cannot revive an expired framework, a new procurement is needed");
        } else if (exercisedOn != null && notice != null && exercisedOn.isAfter(notice)) {
            report.warning(at + "/exercisedOn", "exercised on " + exercisedOn + ", after the notice deadline " + notice
                    + " but before the framework ended: allowed (KOFA 2021/615)");
        }
    }

    private LocalDate date(JsonNode node, String field, String at) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        try {
            return LocalDate.parse(node.path(field).asText());
        } catch (DateTimeException ex) {
            report.problem(at + "/" + field, "invalid date '" + node.path(field).asText() + "'");
            return null;
        }
    }

    /**
     * Every amount is NOK, or in the currency of the framework's declared conversion (rate and date) to NOK; the
     * estimated and the maximum value in the same currency (so they compare as given).
     */
    private void currency(JsonNode f) {
        JsonNode conversion = f.path("currencyConversion");
        String foreign = conversion.path("currency").asText(null);
        if (NOK.equals(foreign)) {
            report.problem("/currencyConversion/currency", "a conversion is from a foreign currency to NOK; NOK amounts need none");
        }
        if (conversion.has("nokPerUnit") && new BigDecimal(conversion.path("nokPerUnit").asText()).signum() <= 0) {
            report.problem("/currencyConversion/nokPerUnit", "the rate must be greater than zero");
        }
        List<String> pointers = new ArrayList<>(List.of("/estimatedValue", "/maxValue"));
        JsonNode lots = f.path("lots");
        for (int l = 0; l < lots.size(); l++) {
            JsonNode members = lots.get(l).path("suppliers");
            for (int m = 0; m < members.size(); m++) {
                for (int r = 0; r < members.get(m).path("rates").size(); r++) {
                    pointers.add("/lots/" + l + "/suppliers/" + m + "/rates/" + r + "/hourlyRate");
                }
            }
        }
        for (String pointer : pointers) {
            String currency = f.at(pointer).path("currency").asText(NOK);
            if (!currency.equals(NOK) && !currency.equals(foreign)) {
                report.problem(pointer + "/currency", "the amount is in " + currency + ", but the framework declares "
                        + (foreign == null ? "no conversion to NOK" : "a conversion from " + foreign + " only")
                        + ": give it in NOK, or declare currencyConversion {currency, nokPerUnit, rateDate} (E45)");
            }
        }
        if (!f.path("estimatedValue").path("currency").asText(NOK).equals(f.path("maxValue").path("currency").asText(NOK))) {
            report.problem("/maxValue/currency", "give the estimated and the maximum value in the same currency");
        }
    }

    /** Criteria are required; their ranges must allow weights that sum to exactly 1 (minimums above 1 are reported elsewhere). */
    private void criteria(JsonNode criteria) {
        if (criteria.isEmpty()) {
            report.problem("/awardCriteria", "a framework states its award criteria (FOA § 18-1; a mini-competition awards"
                    + " on them, § 26-3(4) d); the list is empty");
            return;
        }
        BigDecimal maximums = BigDecimal.ZERO;  // a negative weight never gets here: the schema's pattern refuses it
        for (JsonNode c : criteria) {
            maximums = maximums.add(new BigDecimal(c.path("maxWeight").asText()));
        }
        if (maximums.compareTo(BigDecimal.ONE) < 0) {
            report.problem("/awardCriteria", "the maximum weights sum to " + maximums.toPlainString()
                    + ", less than 1: no mini-competition could weight its criteria to 100 %");
        }
    }

    /**
     * FOA § 7-9: WEIGHTED_30 needs environment criteria whose minimum weights give at least 30 %; the two other modes
     * need their reason recorded (§ 7-9(4) requirements that clearly give a better effect, § 7-9(5) insignificant footprint).
     */
    private void climate(JsonNode f) {
        String mode = f.path("env79Mode").asText(null);
        if (mode == null) {
            report.problem("/env79Mode", "a framework states how it meets FOA § 7-9: WEIGHTED_30 (environment weighted at least"
                    + " 30 %), REQUIREMENTS_CLEARLY_BETTER or NOT_RELEVANT_INSIGNIFICANT (each of the two with env79Reason)");
            return;
        }
        if (!"WEIGHTED_30".equals(mode)) {
            if (f.path("env79Reason").asText("").isBlank()) {
                report.problem("/env79Reason", "env79Mode " + mode + " needs its reason recorded (FOA § 7-9 (4)/(5))");
            }
            return;
        }
        JsonNode criteria = f.path("awardCriteria");
        BigDecimal environment = BigDecimal.ZERO;
        String first = null;
        for (int i = 0; i < criteria.size(); i++) {
            if ("ENVIRONMENT".equals(criteria.get(i).path("type").asText())) {
                environment = environment.add(new BigDecimal(criteria.get(i).path("minWeight").asText()));
                first = first == null ? "/awardCriteria/" + i + "/minWeight" : first;
            }
        }
        if (environment.compareTo(MIN_ENVIRONMENT_WEIGHT) < 0) {
            report.problem(first == null ? "/awardCriteria" : first, "env79Mode WEIGHTED_30: climate and environment must be"
                    + " weighted at least 30 % (FOA § 7-9 (2)), but the ENVIRONMENT criteria's minimum weights give "
                    + environment.toPlainString() + "; raise minWeight to 0.30, or state env79Mode REQUIREMENTS_CLEARLY_BETTER"
                    + " or NOT_RELEVANT_INSIGNIFICANT with env79Reason");
        }
    }
}
