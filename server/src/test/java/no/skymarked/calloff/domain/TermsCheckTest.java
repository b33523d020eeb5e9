package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Publication checks: framework criteria and ranges (E26), 100 % (E27), § 7-9, deadlines (E31). */
class TermsCheckTest {
    private static final List<AwardCriterion> DT2 = List.of(
            new AwardCriterion("price", CriterionType.PRICE, new BigDecimal("0.20"), new BigDecimal("0.40")),
            new AwardCriterion("quality", CriterionType.QUALITY, new BigDecimal("0.20"), new BigDecimal("0.50")),
            new AwardCriterion("competence", CriterionType.COMPETENCE, new BigDecimal("0.00"), new BigDecimal("0.40")),
            new AwardCriterion("environment", CriterionType.ENVIRONMENT, new BigDecimal("0.30"), new BigDecimal("0.50")));
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar();

    private static TermsCheck.Choice c(String id, String weight) {
        return new TermsCheck.Choice(id, new BigDecimal(weight));
    }

    private static List<String> codes(TermsCheck.Checked checked) {
        return checked.violations().stream().map(Violation::code).toList();
    }

    @Test
    void aSubsetOfTheFrameworkCriteriaWithinRangesSummingToOneIsAccepted() {
        TermsCheck.Checked ok = TermsCheck.criteria(DT2, List.of(c("price", "0.20"), c("quality", "0.50"), c("environment", "0.30")));
        assertThat(ok.violations(), is(empty()));
        assertThat(ok.criteria().stream().map(WeightedCriterion::type).toList(),
                contains(CriterionType.PRICE, CriterionType.QUALITY, CriterionType.ENVIRONMENT));
    }

    @Test
    void anInventedCriterionIsBlocked() {
        TermsCheck.Checked r = TermsCheck.criteria(DT2, List.of(c("price", "0.30"), c("innovation", "0.40"), c("environment", "0.30")));
        assertThat(codes(r), contains(TermsCheck.CRITERION_NOT_IN_FRAMEWORK));
        assertThat(r.violations().get(0).pointer(), is("/criteria/1/criterionId"));
    }

    @Test
    void weightsOutsideTheRangesAndNotSummingToOneAreEachReported() {
        TermsCheck.Checked r = TermsCheck.criteria(DT2, List.of(c("price", "0.45"), c("quality", "0.30"), c("environment", "0.30")));
        assertThat(codes(r), contains(TermsCheck.WEIGHT_OUT_OF_RANGE, TermsCheck.WEIGHTS_NOT_100_PERCENT));
        assertThat(r.violations().get(0).pointer(), is("/criteria/0/weight"));
        assertThat(codes(TermsCheck.criteria(DT2, List.of(c("price", "0.3333"), c("quality", "0.3333"), c("environment", "0.3333")))),
                contains(TermsCheck.WEIGHTS_NOT_100_PERCENT));
    }

    @Test
    void environmentBelowThirtyPercentAndMissingPriceAreBlocked() {
        assertThat(codes(TermsCheck.criteria(DT2, List.of(c("price", "0.40"), c("quality", "0.30"), c("competence", "0.30")))),
                contains(TermsCheck.ENVIRONMENT_BELOW_30_PERCENT));
        assertThat(codes(TermsCheck.criteria(DT2, List.of(c("quality", "0.50"), c("environment", "0.50")))),
                contains(TermsCheck.PRICE_CRITERION_REQUIRED));
        assertThat(codes(TermsCheck.criteria(DT2, List.of(c("price", "0.20"), c("price", "0.20")))),
                contains(TermsCheck.DUPLICATE_CRITERION));
    }

    @Test
    void aWeighted30FrameworkRefusesEnvironmentBelowThirtyPercentEvenWithoutAnEnvironmentCriterion() {
        List<AwardCriterion> noEnvironment = List.of(
                new AwardCriterion("price", CriterionType.PRICE, new BigDecimal("0.20"), new BigDecimal("0.80")),
                new AwardCriterion("quality", CriterionType.QUALITY, new BigDecimal("0.20"), new BigDecimal("0.80")));
        TermsCheck.Checked r = TermsCheck.criteria(noEnvironment, Env79Mode.WEIGHTED_30, null, List.of(c("price", "0.50"), c("quality", "0.50")));
        assertThat(codes(r), contains(TermsCheck.ENVIRONMENT_BELOW_30_PERCENT));
        assertThat(r.violations().get(0).message(), containsString("the framework's § 7-9 mode is WEIGHTED_30"));
    }

    @Test
    void underRequirementsOrAnInsignificantFootprintAMiniCompetitionMayWeighTheEnvironmentLessWithAWarning() {
        List<AwardCriterion> wide = List.of(
                new AwardCriterion("price", CriterionType.PRICE, new BigDecimal("0.20"), new BigDecimal("0.60")),
                new AwardCriterion("quality", CriterionType.QUALITY, new BigDecimal("0.20"), new BigDecimal("0.60")),
                new AwardCriterion("environment", CriterionType.ENVIRONMENT, new BigDecimal("0.00"), new BigDecimal("0.40")));
        List<TermsCheck.Choice> tenPercent = List.of(c("price", "0.50"), c("quality", "0.40"), c("environment", "0.10"));
        for (Env79Mode mode : List.of(Env79Mode.REQUIREMENTS_CLEARLY_BETTER, Env79Mode.NOT_RELEVANT_INSIGNIFICANT)) {
            TermsCheck.Checked r = TermsCheck.criteria(wide, mode, "Krav til fornybar energi i spesifikasjonen", tenPercent);
            assertThat(r.violations(), is(empty()));
            assertThat(r.warnings().stream().map(Violation::code).toList(), contains(TermsCheck.ENVIRONMENT_BELOW_30_PERCENT_BY_MODE));
            assertThat(r.warnings().get(0).message(), containsString("weighted 0.10, below 0.30: allowed because the framework meets"
                    + " FOA § 7-9 by " + mode + " (Krav til fornybar energi i spesifikasjonen)"));
        }
        assertThat(codes(TermsCheck.criteria(wide, Env79Mode.WEIGHTED_30, null, tenPercent)), contains(TermsCheck.ENVIRONMENT_BELOW_30_PERCENT));
        assertThat(TermsCheck.criteria(wide, Env79Mode.REQUIREMENTS_CLEARLY_BETTER, "r",
                List.of(c("price", "0.30"), c("quality", "0.30"), c("environment", "0.40"))).warnings(), is(empty()));
    }

    @Test
    void theDeadlineMustBeInTheFutureAndAtLeastTheFrameworkMinimumOfWorkingDays() {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");  // Tuesday 10:00 in Oslo
        LocalDate end = LocalDate.parse("2027-04-27");
        assertThat(TermsCheck.deadline(now, now, 5, CALENDAR, end).map(Violation::code), is(Optional.of(TermsCheck.DEADLINE_IN_PAST)));
        assertThat(TermsCheck.deadline(now.minusSeconds(1), now, 5, CALENDAR, end).map(Violation::code),
                is(Optional.of(TermsCheck.DEADLINE_IN_PAST)));
        // five working days after Tuesday 1 December 10:00: Tuesday 8 December 10:00 Oslo
        assertThat(TermsCheck.deadline(Instant.parse("2026-12-07T11:00:00Z"), now, 5, CALENDAR, end).map(Violation::code),
                is(Optional.of(TermsCheck.DEADLINE_TOO_SHORT)));
        assertThat(TermsCheck.deadline(Instant.parse("2026-12-07T23:30:00Z"), now, 5, CALENDAR, end).map(Violation::code),
                is(Optional.of(TermsCheck.DEADLINE_TOO_SHORT)));
        assertThat(TermsCheck.deadline(Instant.parse("2026-12-08T08:59:59Z"), now, 5, CALENDAR, end).isPresent(), is(true));
        assertThat(TermsCheck.deadline(Instant.parse("2026-12-08T09:00:00Z"), now, 5, CALENDAR, end), is(Optional.empty()));
        assertThat(TermsCheck.deadline(Instant.parse("2026-12-08T11:00:00Z"), now, 5, CALENDAR, end), is(Optional.empty()));
        // over Christmas: 22 Dec + 5 working days skips 25/26 Dec and the weekend -> 30 Dec
        Instant dec22 = Instant.parse("2026-12-22T09:00:00Z");
        assertThat(TermsCheck.deadline(Instant.parse("2026-12-29T11:00:00Z"), dec22, 5, CALENDAR, end).isPresent(), is(true));
        assertThat(TermsCheck.deadline(Instant.parse("2026-12-30T11:00:00Z"), dec22, 5, CALENDAR, end), is(Optional.empty()));
    }

    @Test
    void theDeadlineMayNotBeAfterTheFrameworkEnds() {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");
        LocalDate end = LocalDate.parse("2027-04-27");
        assertThat(TermsCheck.deadline(Instant.parse("2027-04-27T21:59:59Z"), now, 5, CALENDAR, end), is(Optional.empty()));
        assertThat(TermsCheck.deadline(Instant.parse("2027-04-28T10:00:00Z"), now, 5, CALENDAR, end).map(Violation::code),
                is(Optional.of(TermsCheck.DEADLINE_AFTER_FRAMEWORK_END)));
        assertThat(TermsCheck.deadline(Instant.MAX, now, 5, CALENDAR, end).map(Violation::code),
                is(Optional.of(TermsCheck.DEADLINE_AFTER_FRAMEWORK_END)));
    }

    @Test
    void aCriterionWhoseRangeStartsAboveZeroCannotBeLeftOut() {
        List<AwardCriterion> strict = List.of(
                new AwardCriterion("price", CriterionType.PRICE, new BigDecimal("0.20"), new BigDecimal("0.40")),
                new AwardCriterion("competence", CriterionType.COMPETENCE, new BigDecimal("0.20"), new BigDecimal("0.40")),
                new AwardCriterion("environment", CriterionType.ENVIRONMENT, new BigDecimal("0.30"), new BigDecimal("0.60")));
        assertThat(codes(TermsCheck.criteria(strict, List.of(c("price", "0.40"), c("environment", "0.60")))),
                contains(TermsCheck.CRITERION_REQUIRED));
        assertThat(TermsCheck.criteria(strict, List.of(c("price", "0.30"), c("competence", "0.30"), c("environment", "0.40")))
                .violations(), is(empty()));
    }

    @Test
    void aLocalDeadlineInTheSpringGapOrTheAutumnOverlapIsRefused() {
        assertThat(TermsCheck.localTimeProblem(LocalDateTime.parse("2027-03-28T02:30")).map(Violation::code),
                is(Optional.of(TermsCheck.DEADLINE_IN_DST_GAP)));
        assertThat(TermsCheck.localTimeProblem(LocalDateTime.parse("2027-10-31T02:30")).map(Violation::code),
                is(Optional.of(TermsCheck.DEADLINE_AMBIGUOUS)));
        assertThat(TermsCheck.localTimeProblem(LocalDateTime.parse("2027-03-29T12:00")), is(Optional.empty()));
    }

    @Test
    void aDeadlineOnAHolidayOrWeekendIsRefusedWithTheNextWorkingDayAtTheSameTime() {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");
        LocalDate end = LocalDate.parse("2027-04-27");
        // Friday 25 December 2026 12:00 Oslo (1. juledag): next working day Monday 28 December, 12:00 Oslo
        Violation christmas = TermsCheck.deadline(Instant.parse("2026-12-25T11:00:00Z"), now, 5, CALENDAR, end).orElseThrow();
        assertThat(christmas.code(), is(TermsCheck.DEADLINE_NOT_A_WORKING_DAY));
        assertThat(christmas.pointer(), is("/tenderDeadline"));
        assertThat(christmas.members(), is(Map.of("suggestedDeadline", "2026-12-28T11:00:00Z")));
        assertThat(christmas.message(), containsString("Friday 25 December 2026, a public holiday (1. juledag)"));
        assertThat(christmas.message(), containsString("2026-12-28T12:00:00+01:00"));
        // Saturday 12 December: Monday 14 December
        assertThat(TermsCheck.deadline(Instant.parse("2026-12-12T11:00:00Z"), now, 5, CALENDAR, end).orElseThrow().members(),
                is(Map.of("suggestedDeadline", "2026-12-14T11:00:00Z")));
        // Sunday 27 December 00:30 Oslo is 26 December 23:30 UTC: the Oslo date decides, the time of day is kept
        assertThat(TermsCheck.deadline(Instant.parse("2026-12-26T23:30:00Z"), now, 5, CALENDAR, end).orElseThrow().members(),
                is(Map.of("suggestedDeadline", "2026-12-27T23:30:00Z")));
        // Easter 2027 across the change to summer time: Thursday 25 March 12:00 CET → Tuesday 30 March 12:00 CEST
        assertThat(TermsCheck.deadline(Instant.parse("2027-03-25T11:00:00Z"), now, 5, CALENDAR, end).orElseThrow().members(),
                is(Map.of("suggestedDeadline", "2027-03-30T10:00:00Z")));
        // a working day, also Christmas Eve, passes
        assertThat(TermsCheck.deadline(Instant.parse("2026-12-24T11:00:00Z"), now, 5, CALENDAR, end), is(Optional.empty()));
        assertThat(TermsCheck.deadline(Instant.parse("2026-12-28T11:00:00Z"), now, 5, CALENDAR, end), is(Optional.empty()));
    }

    @Test
    void theSuggestionStaysInsideTheFrameworkAndTheMinimumOrIsLeftOut() {
        Instant now = Instant.parse("2027-04-12T10:00:00Z"); // Monday 12 April 2027, 12:00 Oslo
        LocalDate saturdayEnd = LocalDate.parse("2027-05-01"); // a framework ending on Saturday 1 May 2027 (1. mai)
        Violation lastDay = TermsCheck.deadline(Instant.parse("2027-05-01T10:00:00Z"), now, 5, CALENDAR, saturdayEnd).orElseThrow();
        assertThat(lastDay.code(), is(TermsCheck.DEADLINE_NOT_A_WORKING_DAY));
        assertThat(lastDay.members(), is(Map.of("suggestedDeadline", "2027-04-30T10:00:00Z"))); // Friday before, not Monday after
        // published Monday 26 April 14:00 with four working days: not before Friday 30 April 14:00, so Friday 12:00 is
        // too early and Monday 3 May is after the end: no working day at 12:00 is left
        Violation none = TermsCheck.deadline(Instant.parse("2027-05-01T10:00:00Z"), Instant.parse("2027-04-26T12:00:00Z"), 4,
                CALENDAR, saturdayEnd).orElseThrow();
        assertThat(none.code(), is(TermsCheck.DEADLINE_NOT_A_WORKING_DAY));
        assertThat(none.members(), is(Map.of()));
        assertThat(none.message(), containsString("no working day at that time is left"));
        // too short and on a Sunday: the minimum is named first, its earliest deadline being a working day
        assertThat(TermsCheck.deadline(Instant.parse("2027-04-18T10:00:00Z"), now, 5, CALENDAR, saturdayEnd).map(Violation::code),
                is(Optional.of(TermsCheck.DEADLINE_TOO_SHORT)));
    }
}
