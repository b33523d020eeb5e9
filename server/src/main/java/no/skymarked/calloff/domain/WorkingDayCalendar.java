package no.skymarked.calloff.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Norwegian working-day calendar (domain rules §6.6, FOR-1992-12-04-910 / Reg. 1182/71): working days are all
 * days except Saturdays, Sundays and public holidays. Holidays are computed for any year from the Gregorian
 * Easter date; there are no substitute days. Christmas Eve and New Year's Eve are ordinary working days.
 */
public final class WorkingDayCalendar {
    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final java.time.format.DateTimeFormatter LOCAL = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final List<MonthDay> FIXED = List.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 17),
            MonthDay.of(12, 25), MonthDay.of(12, 26));
    /** Offsets from Easter Sunday: Skjærtorsdag, Langfredag, 1./2. påskedag, Kristi himmelfart, 1./2. pinsedag. */
    private static final int[] EASTER_OFFSETS = {-3, -2, 0, 1, 39, 49, 50};

    private final Map<Integer, NavigableSet<LocalDate>> cache = new ConcurrentHashMap<>();

    /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    /** The distinct public holidays of {@code year}, sorted (17 May 2027 = 2. pinsedag appears once). */
    public NavigableSet<LocalDate> holidays(int year) {
        return cache.computeIfAbsent(year, WorkingDayCalendar::compute);
    }

    private static NavigableSet<LocalDate> compute(int year) {
        TreeSet<LocalDate> days = new TreeSet<>();
        FIXED.forEach(md -> days.add(md.atYear(year)));
        LocalDate easter = easterSunday(year);
        for (int offset : EASTER_OFFSETS) {
            days.add(easter.plusDays(offset));
        }
        return Collections.unmodifiableNavigableSet(days);
    }

    public boolean isHoliday(LocalDate date) {
        return holidays(date.getYear()).contains(date);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** {@code date} itself if it is a working day, else the next working day (Reg. 1182/71 Art. 3(4)). */
    public LocalDate onOrNextWorkingDay(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The {@code n}-th working day strictly after {@code start} ({@code start} itself is never counted);
     * {@code n == 0} returns {@code start} unchanged. Negative {@code n} is rejected.
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
        LocalDate d = start;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /**
     * Response deadline {@code workingDays} working days after {@code from}, computed in Europe/Oslo.
     * <p>Semantics (chosen, documented): take the local date of {@code from}, count {@code workingDays}
     * working days after it ({@link #addWorkingDays}), and return that day at the <em>same local wall-clock
     * time</em> as {@code from}. Hence a request sent Friday 10:00 with 1 working day is due Monday 10:00 local,
     * also across a DST change (the elapsed duration is then 71 or 73 hours). The result is always a working
     * day, so a deadline never falls on a Saturday, Sunday or holiday (E23). Because DST changes happen on
     * Sundays, the local time always exists on the target day; should it ever not, the zone rules shift it
     * forward by the gap length, and in an overlap the offset of {@code from} is preferred.
     */
    public Instant deadline(Instant from, int workingDays) {
        ZonedDateTime local = from.atZone(OSLO);
        LocalDate day = addWorkingDays(local.toLocalDate(), workingDays);
        LocalDateTime target = LocalDateTime.of(day, local.toLocalTime());
        return ZonedDateTime.ofLocal(target, OSLO, local.getOffset()).toInstant();
    }

    /** An instant as Oslo wall-clock time with its offset, e.g. {@code 2026-12-10T12:00:00+01:00}. */
    public static String osloTime(Instant i) {
        return LOCAL.format(i.atZone(OSLO));
    }
}
