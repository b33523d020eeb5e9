package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks of what a buyer publishes for a mini-competition (domain rules §1.4 M2/M4, §1.10, §3.1, E26, E27, E31).
 * Every problem is reported, each with the JSON pointer of the field it concerns.
 */
public final class TermsCheck {
    public static final String CRITERION_NOT_IN_FRAMEWORK = "CRITERION_NOT_IN_FRAMEWORK";
    public static final String DUPLICATE_CRITERION = "DUPLICATE_CRITERION";
    public static final String WEIGHT_OUT_OF_RANGE = "WEIGHT_OUT_OF_RANGE";
    public static final String WEIGHTS_NOT_100_PERCENT = "WEIGHTS_NOT_100_PERCENT";
    public static final String PRICE_CRITERION_REQUIRED = "PRICE_CRITERION_REQUIRED";
    public static final String ENVIRONMENT_BELOW_30_PERCENT = "ENVIRONMENT_BELOW_30_PERCENT";
    public static final String DEADLINE_IN_PAST = "DEADLINE_IN_PAST";
    public static final String DEADLINE_TOO_SHORT = "DEADLINE_TOO_SHORT";
    public static final String DEADLINE_IN_DST_GAP = "DEADLINE_IN_DST_GAP";
    public static final String DEADLINE_AMBIGUOUS = "DEADLINE_AMBIGUOUS";
    public static final String DEADLINE_AFTER_FRAMEWORK_END = "DEADLINE_AFTER_FRAMEWORK_END";
    public static final String DEADLINE_NOT_A_WORKING_DAY = "DEADLINE_NOT_A_WORKING_DAY";
    public static final String CRITERION_REQUIRED = "CRITERION_REQUIRED";

    /** FOA § 7-9 (2): climate and environment weighted at least 30 %. */
    public static final BigDecimal MIN_ENVIRONMENT_WEIGHT = new BigDecimal("0.30");

    /** A criterion as the buyer chose it: the framework criterion's id and a weight (null when not given). */
    public record Choice(String criterionId, BigDecimal weight) {
    }

    /** Warning: environment below 30 % where the framework meets § 7-9 by requirements or an insignificant footprint. */
    public static final String ENVIRONMENT_BELOW_30_PERCENT_BY_MODE = "ENVIRONMENT_BELOW_30_PERCENT_BY_MODE";

    /** The chosen criteria with their framework types, every problem found, and warnings for the protocol. */
    public record Checked(List<WeightedCriterion> criteria, List<Violation> violations, List<Violation> warnings) {
    }

    private TermsCheck() {
    }

    /** As {@link #criteria(List, Env79Mode, String, List)} for a framework in the mode WEIGHTED_30. */
    public static Checked criteria(List<AwardCriterion> framework, List<Choice> chosen) {
        return criteria(framework, Env79Mode.WEIGHTED_30, null, chosen);
    }

    /**
     * Criteria must be the framework's, each once, with weights inside the framework's ranges, summing to exactly
     * 1; a criterion whose range starts above 0 cannot be left out; the price criterion is required when the framework
     * has one (the server scores price). § 7-9 follows the framework's mode (domain rules §1.10): in WEIGHTED_30 the
     * environment criteria together keep at least 30 % (refused below); in the two other modes, where the framework
     * meets § 7-9 by requirements or an insignificant footprint, a weight below 30 % is allowed with a warning.
     */
    public static Checked criteria(List<AwardCriterion> framework, Env79Mode mode, String reason, List<Choice> chosen) {
        Map<String, AwardCriterion> byId = framework.stream()
                .collect(Collectors.toMap(AwardCriterion::id, Function.identity(), (first, second) -> first, java.util.LinkedHashMap::new));
        List<Violation> violations = new ArrayList<>();
        List<WeightedCriterion> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < chosen.size(); i++) {
            Choice c = chosen.get(i);
            String at = "/criteria/" + i;
            AwardCriterion fc = byId.get(c.criterionId());
            if (fc == null) {
                violations.add(new Violation(at + "/criterionId", CRITERION_NOT_IN_FRAMEWORK, "'" + c.criterionId()
                        + "' is not an award criterion of the framework; allowed: " + byId.keySet().stream().sorted().toList()));
                continue;
            }
            if (!seen.add(fc.id())) {
                violations.add(new Violation(at + "/criterionId", DUPLICATE_CRITERION, "'" + fc.id() + "' is given more than once"));
                continue;
            }
            if (c.weight() == null) {
                continue;  // reported by the reader of the body
            }
            if (c.weight().compareTo(fc.minWeight()) < 0 || c.weight().compareTo(fc.maxWeight()) > 0) {
                violations.add(new Violation(at + "/weight", WEIGHT_OUT_OF_RANGE, "weight " + c.weight().toPlainString()
                        + " of '" + fc.id() + "' is outside the framework's range " + fc.minWeight().toPlainString()
                        + " to " + fc.maxWeight().toPlainString()));
            }
            sum = sum.add(c.weight());
            out.add(new WeightedCriterion(fc.id(), fc.type(), c.weight()));
        }
        boolean complete = out.size() == chosen.size();
        for (AwardCriterion fc : byId.values()) {
            boolean ownCheck = fc.type() == CriterionType.PRICE || fc.type() == CriterionType.ENVIRONMENT;  // reported below
            if (complete && fc.minWeight().signum() > 0 && !seen.contains(fc.id()) && !ownCheck) {
                violations.add(new Violation("/criteria", CRITERION_REQUIRED, "the framework weights '" + fc.id() + "' at least "
                        + fc.minWeight().toPlainString() + "; a call-off cannot leave it out (weight 0 is outside its range)"));
            }
        }
        if (complete && !chosen.isEmpty() && sum.compareTo(BigDecimal.ONE) != 0) {
            violations.add(new Violation("/criteria", WEIGHTS_NOT_100_PERCENT, "the weights sum to "
                    + sum.toPlainString() + ", not exactly 1 (100 %)"));
        }
        boolean frameworkPrices = framework.stream().anyMatch(f -> f.type() == CriterionType.PRICE);
        if (frameworkPrices && complete && out.stream().noneMatch(w -> w.type() == CriterionType.PRICE)) {
            violations.add(new Violation("/criteria", PRICE_CRITERION_REQUIRED, "the framework's price criterion must be used"));
        }
        return new Checked(out, violations, environment(out, complete, mode, reason, violations));
    }

    private static List<Violation> environment(List<WeightedCriterion> chosen, boolean complete, Env79Mode mode, String reason,
                                               List<Violation> violations) {
        BigDecimal environment = chosen.stream().filter(w -> w.type() == CriterionType.ENVIRONMENT)
                .map(WeightedCriterion::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!complete || environment.compareTo(MIN_ENVIRONMENT_WEIGHT) >= 0) {
            return List.of();
        }
        if (mode == Env79Mode.WEIGHTED_30) {
            violations.add(new Violation("/criteria", ENVIRONMENT_BELOW_30_PERCENT, "climate and environment are weighted "
                    + environment.toPlainString() + "; at least 0.30 is required (FOA § 7-9 (2); the framework's § 7-9 mode is"
                    + " WEIGHTED_30)"));
            return List.of();
        }
        return List.of(new Violation("/criteria", ENVIRONMENT_BELOW_30_PERCENT_BY_MODE, "climate and environment are weighted "
                + environment.toPlainString() + ", below 0.30: allowed because the framework meets FOA § 7-9 by " + mode
                + (reason == null ? "" : " (" + reason + ")")));
    }

    /**
     * The deadline must lie in the future, give suppliers at least {@code minWorkingDays} working days (it may not
     * be earlier than the same Europe/Oslo wall-clock time on the {@code minWorkingDays}-th working day after
     * publication), fall on or before {@code latestDate} (the framework's current end), and fall on a working day
     * in Oslo (not a Saturday, Sunday or public holiday, domain rules §6.6): a deadline on a non-working day is
     * refused with the nearest working day at the same local time that meets the other rules as
     * {@code suggestedDeadline} (the next one, else the one before when the next is after the framework's end).
     */
    public static Optional<Violation> deadline(Instant deadline, Instant now, int minWorkingDays, WorkingDayCalendar calendar,
                                               LocalDate latestDate) {
        if (!deadline.isAfter(now)) {
            return Optional.of(new Violation("/tenderDeadline", DEADLINE_IN_PAST, "the tender deadline " + deadline
                    + " is not in the future (now " + now + ")"));
        }
        Instant latest = latestDate.plusDays(1).atStartOfDay(WorkingDayCalendar.OSLO).toInstant();
        if (deadline.isAfter(latest)) {
            return Optional.of(new Violation("/tenderDeadline", DEADLINE_AFTER_FRAMEWORK_END, "the tender deadline is after "
                    + latestDate + ", when the framework ends; call-offs are made while it runs"));
        }
        Instant earliest = calendar.deadline(now, minWorkingDays);
        if (deadline.isBefore(earliest)) {
            return Optional.of(new Violation("/tenderDeadline", DEADLINE_TOO_SHORT, "the framework requires at least "
                    + minWorkingDays + " working days for tenders: the deadline may be " + earliest.atZone(WorkingDayCalendar.OSLO)
                    .toLocalDateTime() + " (Europe/Oslo) at the earliest"));
        }
        return calendar.nonWorkingReason(deadline.atZone(WorkingDayCalendar.OSLO).toLocalDate())
                .map(reason -> notAWorkingDay(deadline, reason, calendar, new Window(now, earliest, latest)));
    }

    /** When a deadline may fall: after {@code now}, not before {@code earliest}, not after {@code latest}. */
    private record Window(Instant now, Instant earliest, Instant latest) {
        boolean admits(Instant deadline) {
            return deadline.isAfter(now) && !deadline.isBefore(earliest) && !deadline.isAfter(latest);
        }
    }

    private static Violation notAWorkingDay(Instant deadline, String reason, WorkingDayCalendar calendar, Window window) {
        LocalDate day = deadline.atZone(WorkingDayCalendar.OSLO).toLocalDate();
        Instant next = WorkingDayCalendar.sameTimeOn(deadline, calendar.onOrNextWorkingDay(day));
        Instant before = WorkingDayCalendar.sameTimeOn(deadline, calendar.onOrPreviousWorkingDay(day));
        Optional<Instant> suggestion = window.admits(next) ? Optional.of(next)
                : window.admits(before) ? Optional.of(before) : Optional.empty();
        String message = "the tender deadline falls on " + reason + ", which is not a working day in Norway (Saturdays, Sundays"
                + " and public holidays are not, Europe/Oslo; domain rules §6.6); " + suggestion.map(s -> "suggested instead"
                + " (suggestedDeadline), the nearest working day at the same time: " + WorkingDayCalendar.osloTime(s) + " = " + s)
                .orElse("no working day at that time is left between the earliest deadline "
                        + WorkingDayCalendar.osloTime(window.earliest()) + " and the framework's end");
        return new Violation("/tenderDeadline", DEADLINE_NOT_A_WORKING_DAY, message,
                suggestion.map(s -> Map.of("suggestedDeadline", s.toString())).orElse(Map.of()));
    }

    /** A wall-clock time in Europe/Oslo that does not exist (spring-forward gap) or exists twice (autumn overlap). */
    public static Optional<Violation> localTimeProblem(LocalDateTime local) {
        ZoneOffsetTransition t = WorkingDayCalendar.OSLO.getRules().getTransition(local);
        if (t == null) {
            return Optional.empty();
        }
        return Optional.of(t.isGap()
                ? new Violation("/tenderDeadline", DEADLINE_IN_DST_GAP, local + " does not exist in Europe/Oslo (the clocks"
                        + " go forward from " + t.getDateTimeBefore().toLocalTime() + " to " + t.getDateTimeAfter().toLocalTime() + ")")
                : new Violation("/tenderDeadline", DEADLINE_AMBIGUOUS, local + " occurs twice in Europe/Oslo (the clocks go"
                        + " back); give the deadline with its UTC offset"));
    }
}
