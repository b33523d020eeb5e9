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
}
