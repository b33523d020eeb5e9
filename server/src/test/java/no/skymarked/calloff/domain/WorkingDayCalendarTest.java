package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {
    private final WorkingDayCalendar cal = new WorkingDayCalendar();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static ZonedDateTime oslo(Instant i) {
        return i.atZone(WorkingDayCalendar.OSLO);
    }

    @ParameterizedTest
    @CsvSource({"2025,2025-04-20", "2026,2026-04-05", "2027,2027-03-28", "2024,2024-03-31", "2000,2000-04-23",
            "2019,2019-04-21", "2038,2038-04-25", "1818,1818-03-22", "2285,2285-03-22"})
    void easterSundayUsesTheGregorianAlgorithm(int year, String easter) {
        assertThat(WorkingDayCalendar.easterSunday(year), is(d(easter)));
    }

    @Test
    void holidays2025_section66() {
        assertThat(cal.holidays(2025), contains(d("2025-01-01"), d("2025-04-17"), d("2025-04-18"), d("2025-04-20"),
                d("2025-04-21"), d("2025-05-01"), d("2025-05-17"), d("2025-05-29"), d("2025-06-08"), d("2025-06-09"),
                d("2025-12-25"), d("2025-12-26")));
        assertThat(d("2025-05-17").getDayOfWeek(), is(DayOfWeek.SATURDAY));
        assertThat(cal.isWorkingDay(d("2025-05-17")), is(false));
    }

    @Test
    void holidays2026_section66() {
        assertThat(cal.holidays(2026), contains(d("2026-01-01"), d("2026-04-02"), d("2026-04-03"), d("2026-04-05"),
                d("2026-04-06"), d("2026-05-01"), d("2026-05-14"), d("2026-05-17"), d("2026-05-24"), d("2026-05-25"),
                d("2026-12-25"), d("2026-12-26")));
        assertThat(d("2026-05-17").getDayOfWeek(), is(DayOfWeek.SUNDAY));
        assertThat(d("2026-12-26").getDayOfWeek(), is(DayOfWeek.SATURDAY));
    }

    @Test
    void holidays2027DeduplicatesSyttendeMaiAndSecondPentecost_E50() {
        assertThat(cal.holidays(2027), contains(d("2027-01-01"), d("2027-03-25"), d("2027-03-26"), d("2027-03-28"),
                d("2027-03-29"), d("2027-05-01"), d("2027-05-06"), d("2027-05-16"), d("2027-05-17"), d("2027-12-25"),
                d("2027-12-26")));
        assertThat(cal.holidays(2027).size(), is(11));
        assertThat(WorkingDayCalendar.easterSunday(2027).plusDays(50), is(d("2027-05-17")));
        assertThat(cal.isWorkingDay(d("2027-05-17")), is(false));
        assertThat(cal.isWorkingDay(d("2027-05-18")), is(true));
    }

    @Test
    void weekendsAreNotWorkingDaysButChristmasEveAndNewYearsEveAre() {
        assertThat(cal.isWorkingDay(d("2026-11-21")), is(false)); // Saturday
        assertThat(cal.isWorkingDay(d("2026-11-22")), is(false)); // Sunday
        assertThat(cal.isWorkingDay(d("2026-11-23")), is(true));  // Monday
        assertThat(cal.isWorkingDay(d("2026-12-24")), is(true));
        assertThat(cal.isWorkingDay(d("2026-12-31")), is(true));
        assertThat(cal.holidays(2026), not(hasItem(d("2026-12-24"))));
    }

    @Test
    void addWorkingDaysSkipsEasterAndWeekend() {
        assertThat(cal.addWorkingDays(d("2026-04-01"), 1), is(d("2026-04-07")));
        assertThat(cal.addWorkingDays(d("2026-04-01"), 2), is(d("2026-04-08")));
        assertThat(cal.addWorkingDays(d("2027-03-24"), 2), is(d("2027-03-31")));
        assertThat(cal.addWorkingDays(d("2026-11-20"), 1), is(d("2026-11-23")));
        assertThat(cal.addWorkingDays(d("2026-11-20"), 0), is(d("2026-11-20")));
        assertThat(cal.addWorkingDays(d("2026-12-23"), 2), is(d("2026-12-28")));
        Assertions.assertThrows(IllegalArgumentException.class, () -> cal.addWorkingDays(d("2026-11-20"), -1));
    }

    @Test
    void periodEndingOnSaturdayOrHolidayMovesToNextWorkingDay_E23() {
        assertThat(cal.onOrNextWorkingDay(d("2025-05-17")), is(d("2025-05-19")));
        assertThat(cal.onOrNextWorkingDay(d("2026-12-25")), is(d("2026-12-28")));
        assertThat(cal.onOrNextWorkingDay(d("2027-05-16")), is(d("2027-05-18")));
        assertThat(cal.onOrNextWorkingDay(d("2026-11-23")), is(d("2026-11-23")));
    }

    @Test
    void deadlineCrossingEasterKeepsLocalTime() {
        Instant from = Instant.parse("2026-04-01T10:00:00Z"); // Wed 12:00 CEST
        Instant deadline = cal.deadline(from, 2);
        assertThat(deadline, is(Instant.parse("2026-04-08T10:00:00Z")));
        assertThat(oslo(deadline).getHour(), is(12));
    }

    @Test
    void deadlineCrossingWeekend() {
        Instant from = Instant.parse("2025-11-21T14:00:00Z"); // Fri 15:00 CET
        assertThat(cal.deadline(from, 2), is(Instant.parse("2025-11-25T14:00:00Z")));
    }

    @Test
    void deadlineThatWouldFallOnSaturdayHolidayLandsOnNextWorkingDay_E23() {
        Instant from = Instant.parse("2025-05-15T10:00:00Z"); // Thu 12:00 CEST; +2 calendar days = Sat 17 May
        Instant deadline = cal.deadline(from, 2);
        assertThat(deadline, is(Instant.parse("2025-05-19T10:00:00Z")));
        assertThat(cal.isWorkingDay(oslo(deadline).toLocalDate()), is(true));
        assertThat(cal.deadline(Instant.parse("2027-05-14T10:00:00Z"), 1),
                is(Instant.parse("2027-05-18T10:00:00Z"))); // over pinse + 17 May 2027
    }

    @Test
    void deadlineAcrossSpringForwardKeepsWallClockTime() {
        Instant from = Instant.parse("2026-03-27T09:00:00Z"); // Fri 10:00 CET; DST starts Sun 29 Mar
        Instant deadline = cal.deadline(from, 1);
        assertThat(deadline, is(Instant.parse("2026-03-30T08:00:00Z"))); // Mon 10:00 CEST
        assertThat(Duration.between(from, deadline), is(Duration.ofHours(71)));
    }

    @Test
    void deadlineAcrossFallBackKeepsWallClockTime() {
        Instant from = Instant.parse("2026-10-23T08:00:00Z"); // Fri 10:00 CEST; DST ends Sun 25 Oct
        Instant deadline = cal.deadline(from, 1);
        assertThat(deadline, is(Instant.parse("2026-10-26T09:00:00Z"))); // Mon 10:00 CET
        assertThat(Duration.between(from, deadline), is(Duration.ofHours(73)));
    }

    @Test
    void deadlineUsesTheOsloDateNotTheUtcDate() {
        Instant from = Instant.parse("2026-11-19T23:30:00Z"); // Fri 20 Nov 00:30 in Oslo
        assertThat(cal.deadline(from, 1), is(Instant.parse("2026-11-22T23:30:00Z"))); // Mon 23 Nov 00:30 Oslo
    }

    /**
     * Every test vector of domain rules §6.6, one row a day: whether it is a working day and, if not, why. Saturdays
     * and Sundays are not working days (Reg. 1182/71), Christmas Eve and New Year's Eve are, and there are no
     * substitute days when a holiday falls on a weekend.
     */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "2025-04-17 | false | Thursday 17 April 2025, a public holiday (skjærtorsdag)",
            "2025-04-18 | false | Friday 18 April 2025, a public holiday (langfredag)",
            "2025-04-20 | false | Sunday 20 April 2025, a public holiday (1. påskedag)",
            "2025-04-21 | false | Monday 21 April 2025, a public holiday (2. påskedag)",
            "2025-05-29 | false | Thursday 29 May 2025, a public holiday (Kristi himmelfartsdag)",
            "2025-06-08 | false | Sunday 8 June 2025, a public holiday (1. pinsedag)",
            "2025-06-09 | false | Monday 9 June 2025, a public holiday (2. pinsedag)",
            "2025-05-17 | false | Saturday 17 May 2025, a public holiday (17. mai)",
            "2025-05-19 | true  | ",
            "2026-04-02 | false | Thursday 2 April 2026, a public holiday (skjærtorsdag)",
            "2026-04-03 | false | Friday 3 April 2026, a public holiday (langfredag)",
            "2026-04-05 | false | Sunday 5 April 2026, a public holiday (1. påskedag)",
            "2026-04-06 | false | Monday 6 April 2026, a public holiday (2. påskedag)",
            "2026-04-07 | true  | ",
            "2026-05-14 | false | Thursday 14 May 2026, a public holiday (Kristi himmelfartsdag)",
            "2026-05-24 | false | Sunday 24 May 2026, a public holiday (1. pinsedag)",
            "2026-05-25 | false | Monday 25 May 2026, a public holiday (2. pinsedag)",
            "2026-05-17 | false | Sunday 17 May 2026, a public holiday (17. mai)",
            "2026-05-18 | true  | ",
            "2026-12-25 | false | Friday 25 December 2026, a public holiday (1. juledag)",
            "2026-12-26 | false | Saturday 26 December 2026, a public holiday (2. juledag)",
            "2026-12-28 | true  | ",
            "2027-03-25 | false | Thursday 25 March 2027, a public holiday (skjærtorsdag)",
            "2027-03-26 | false | Friday 26 March 2027, a public holiday (langfredag)",
            "2027-03-28 | false | Sunday 28 March 2027, a public holiday (1. påskedag)",
            "2027-03-29 | false | Monday 29 March 2027, a public holiday (2. påskedag)",
            "2027-05-06 | false | Thursday 6 May 2027, a public holiday (Kristi himmelfartsdag)",
            "2027-05-16 | false | Sunday 16 May 2027, a public holiday (1. pinsedag)",
            "2027-05-17 | false | Monday 17 May 2027, a public holiday (17. mai and 2. pinsedag)",
            "2027-05-01 | false | Saturday 1 May 2027, a public holiday (1. mai)",
            "2027-05-03 | true  | ",
            "2027-12-25 | false | Saturday 25 December 2027, a public holiday (1. juledag)",
            "2027-12-26 | false | Sunday 26 December 2027, a public holiday (2. juledag)",
            "2027-12-27 | true  | ",
            "2026-12-24 | true  | ",
            "2026-12-31 | true  | ",
            "2027-01-01 | false | Friday 1 January 2027, a public holiday (1. nyttårsdag)",
            "2026-12-05 | false | Saturday 5 December 2026",
            "2026-12-06 | false | Sunday 6 December 2026"})
    void section66TestVectors_E50(String date, boolean working, String reason) {
        assertThat(cal.isWorkingDay(d(date)), is(working));
        assertThat(cal.nonWorkingReason(d(date)).orElse(null), is(reason));
    }

    /**
     * A standstill (or any period in calendar days) under Reg. 1182/71 as FOA § 7-6 applies it. Reading of Art. 3 used
     * here: the day the notice is sent is not counted (Art. 3(1) second subparagraph); the period runs from the start
     * of the next day to the end of its last day (Art. 3(2)(b)); weekends and holidays count (Art. 3(3)); a last day that is a
     * Saturday, Sunday or holiday moves to the end of the next working day (Art. 3(4)); and a period of two days or more
     * must contain at least two working days (Art. 3(5)), extending it until it does.
     *
     * <p>The vector: 2 days from Wednesday 1 April 2026. The two days are Thursday 2 April (skjærtorsdag) and
     * Friday 3 April (langfredag); Art. 3(4) moves the end past Saturday 4, Easter Sunday 5 and Easter Monday 6 April
     * to the end of Tuesday 7 April. That period (2–7 April) contains one working day only (Tuesday 7), so Art. 3(5)
     * extends it to the second working day: it ends at the end of Wednesday 8 April 2026, i.e. midnight Oslo time
     * (CEST), 2026-04-08T22:00:00Z. Applying Art. 3(5) before Art. 3(4) gives the same day, since the second working
     * day after the event is itself a working day.
     */
    @ParameterizedTest(name = "{1} day(s) from {0} end with {2}")
    @CsvSource({
            "2026-04-01, 2, 2026-04-08",  // Easter 2026: Art. 3(4) gives Tue 7 Apr, Art. 3(5) Wed 8 Apr
            "2027-03-24, 2, 2027-03-31",  // Easter 2027, the same shape
            "2026-11-20, 2, 2026-11-24",  // Fri + 2 = Sun; Art. 3(4) Mon 23 has one working day; Art. 3(5) Tue 24
            "2026-05-13, 2, 2026-05-18",  // Thu 14 May (Kristi himmelfart) + Fri 15: one working day; Art. 3(5) Mon 18
            "2026-04-01, 1, 2026-04-07",  // one day: Art. 3(5) does not apply; Art. 3(4) moves Thu 2 Apr to Tue 7
            "2026-03-31, 3, 2026-04-07",  // Wed 1 Apr + Tue 7 Apr: two working days, Art. 3(4) alone decides
            "2026-12-15, 10, 2026-12-28", // ten days end Fri 25 Dec (1. juledag) → Mon 28 Dec
            "2026-12-01, 5, 2026-12-07",  // ends Sun 6 Dec → Mon 7 Dec
            "2026-12-01, 2, 2026-12-03",  // ordinary week: Wed 2, Thu 3
            "2027-05-13, 2, 2027-05-18"}) // Fri 14 working, Sat 15 → past pinse and 17 May 2027 to Tue 18
    void aPeriodInDaysFollowsArticle3OfRegulation1182_71(String sent, int days, String lastDay) {
        assertThat(cal.periodLastDay(d(sent), days), is(d(lastDay)));
    }

    @Test
    void aTwoDayStandstillSentOnWednesdayBeforeEasterEndsAtTheEndOfWednesday8April2026() {
        Instant sent = Instant.parse("2026-04-01T10:00:00Z"); // Wednesday 1 April 2026, 12:00 Oslo
        Instant end = Sealing.standstillEnd(sent, 2, cal);
        assertThat(end, is(Instant.parse("2026-04-08T22:00:00Z")));
        assertThat(oslo(end).toLocalDateTime().toString(), is("2026-04-09T00:00"));
        assertThat(Sealing.standstillEnd(sent, 0, cal), is((Instant) null));
        Assertions.assertThrows(IllegalArgumentException.class, () -> cal.periodLastDay(d("2026-04-01"), 0));
    }

    @Test
    void aPeriodEndsAtMidnightOsloTimeAfterItsLastDay() {
        // sent late in the evening UTC but already the next day in Oslo: the Oslo date is the event's day
        Instant sent = Instant.parse("2026-11-19T23:30:00Z"); // Friday 20 November 00:30 Oslo
        assertThat(cal.periodEnd(sent, 2), is(Instant.parse("2026-11-24T23:00:00Z"))); // end of Tue 24 Nov (CET)
    }

    @Test
    void workingDayPeriodsCountFromTheNextDaySoTheyContainTheirWorkingDaysAndEndOnOne() {
        // A period in working days (cascade response, minimum tender time) counted with addWorkingDays contains n
        // working days and ends on a working day, so Art. 3(4) and 3(5) hold by construction.
        for (LocalDate day = d("2025-01-01"); day.isBefore(d("2028-01-01")); day = day.plusDays(1)) {
            for (int n = 1; n <= 5; n++) {
                LocalDate last = cal.addWorkingDays(day, n);
                assertThat(cal.isWorkingDay(last), is(true));
                long working = day.plusDays(1).datesUntil(last.plusDays(1)).filter(cal::isWorkingDay).count();
                assertThat(day + " + " + n, working, is((long) n));
            }
        }
    }

    @Test
    void theWorkingDayBeforeAndTheSameTimeOnAnotherDay() {
        assertThat(cal.onOrPreviousWorkingDay(d("2027-05-01")), is(d("2027-04-30")));
        assertThat(cal.onOrPreviousWorkingDay(d("2026-04-06")), is(d("2026-04-01")));
        assertThat(cal.onOrPreviousWorkingDay(d("2026-04-07")), is(d("2026-04-07")));
        // 12:00 on Friday 27 March 2026 (CET) is 12:00 on Monday 30 March (CEST): the wall clock is kept
        assertThat(WorkingDayCalendar.sameTimeOn(Instant.parse("2026-03-27T11:00:00Z"), d("2026-03-30")),
                is(Instant.parse("2026-03-30T10:00:00Z")));
    }
}
