package no.skymarked.calloff.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Norwegian working-day calendar (domain rules §6.6, FOR-1992-12-04-910 / Reg. 1182/71): working days are all
 * days except Saturdays, Sundays and public holidays. Holidays are computed for any year from the Gregorian
 * Easter date; there are no substitute days. Christmas Eve and New Year's Eve are ordinary working days.
 */
public final class WorkingDayCalendar {
    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final java.time.format.DateTimeFormatter LOCAL = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
            java.util.Locale.ENGLISH);
    private static final Map<MonthDay, String> FIXED = Map.of(MonthDay.of(1, 1), "1. nyttårsdag", MonthDay.of(5, 1),
            "1. mai", MonthDay.of(5, 17), "17. mai", MonthDay.of(12, 25), "1. juledag", MonthDay.of(12, 26), "2. juledag");
    /** Offsets from Easter Sunday: Skjærtorsdag, Langfredag, 1./2. påskedag, Kristi himmelfart, 1./2. pinsedag. */
    private static final Map<Integer, String> EASTER_OFFSETS = Map.of(-3, "skjærtorsdag", -2, "langfredag", 0, "1. påskedag",
            1, "2. påskedag", 39, "Kristi himmelfartsdag", 49, "1. pinsedag", 50, "2. pinsedag");

    /** Per year: each holiday with its name(s); a day that is two holidays (17 May 2027) is one entry. */
    private final Map<Integer, NavigableMap<LocalDate, String>> cache = new ConcurrentHashMap<>();

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
        return named(year).navigableKeySet();
    }

    private NavigableMap<LocalDate, String> named(int year) {
        return cache.computeIfAbsent(year, WorkingDayCalendar::compute);
    }

    private static NavigableMap<LocalDate, String> compute(int year) {
        TreeMap<LocalDate, String> days = new TreeMap<>();
        FIXED.forEach((md, name) -> days.merge(md.atYear(year), name, WorkingDayCalendar::both));
        LocalDate easter = easterSunday(year);
        EASTER_OFFSETS.forEach((offset, name) -> days.merge(easter.plusDays(offset), name, WorkingDayCalendar::both));
        return Collections.unmodifiableNavigableMap(days);
    }

    private static String both(String a, String b) {
        return a.compareTo(b) <= 0 ? a + " and " + b : b + " and " + a;
    }

    public boolean isHoliday(LocalDate date) {
        return named(date.getYear()).containsKey(date);
    }

    /**
     * Why {@code date} is not a working day, e.g. "Friday 25 December 2026, a public holiday (1. juledag)" or
     * "Saturday 5 December 2026"; empty for a working day.
     */
    public Optional<String> nonWorkingReason(LocalDate date) {
        if (isWorkingDay(date)) {
            return Optional.empty();
        }
        String day = DAY.format(date);
        String holiday = named(date.getYear()).get(date);
        return Optional.of(holiday == null ? day : day + ", a public holiday (" + holiday + ")");
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

    /** {@code date} itself if it is a working day, else the working day before it. */
    public LocalDate onOrPreviousWorkingDay(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /**
     * The last day of a period of {@code days} calendar days triggered by an event on {@code eventDay} (Reg. 1182/71
     * as applied by FOA § 7-6, domain rules §6.6): the event's day is not counted and the period starts the day after
     * (Art. 3(1) second subparagraph, 3(2)(b)); Saturdays, Sundays and holidays count (Art. 3(3)); a period whose last
     * day is not a working day ends at the end of the next working day (Art. 3(4)); and a period of two days or more includes at
     * least two working days (Art. 3(5)), so it runs at least to the second working day after the event. The
     * period ends with the expiry of the last hour of the returned day (Art. 3(2)(b)). {@code days} must be > 0.
     */
    public LocalDate periodLastDay(LocalDate eventDay, int days) {
        if (days <= 0) {
            throw new IllegalArgumentException("days must be > 0");
        }
        LocalDate last = onOrNextWorkingDay(eventDay.plusDays(days));
        if (days >= 2) {
            LocalDate secondWorkingDay = addWorkingDays(eventDay, 2);
            return secondWorkingDay.isAfter(last) ? secondWorkingDay : last;
        }
        return last;
    }

    /** The instant a period of {@link #periodLastDay} ends: midnight Europe/Oslo after its last day. */
    public Instant periodEnd(Instant event, int days) {
        LocalDate last = periodLastDay(event.atZone(OSLO).toLocalDate(), days);
        return last.plusDays(1).atStartOfDay(OSLO).toInstant();
    }

    /** The same Europe/Oslo wall-clock time as {@code at} on the working day {@code day} (see {@link #deadline}). */
    public static Instant sameTimeOn(Instant at, LocalDate day) {
        ZonedDateTime local = at.atZone(OSLO);
        return ZonedDateTime.ofLocal(LocalDateTime.of(day, local.toLocalTime()), OSLO, local.getOffset()).toInstant();
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
        return sameTimeOn(from, addWorkingDays(from.atZone(OSLO).toLocalDate(), workingDays));
    }

    /** An instant as Oslo wall-clock time with its offset, e.g. {@code 2026-12-10T12:00:00+01:00}. */
    public static String osloTime(Instant i) {
        return LOCAL.format(i.atZone(OSLO));
    }
}
