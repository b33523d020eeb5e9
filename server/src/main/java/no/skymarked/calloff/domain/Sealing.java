package no.skymarked.calloff.domain;

import java.time.Instant;

/**
 * When tenders may be received and when they may be opened (FOA § 26-3(4)c, § 24-1(1)a; E29, E30): a tender is
 * received only strictly before the deadline; from the deadline instant on, none is received and all may be
 * opened. There is no grace period: one second late is late.
 */
public final class Sealing {
    private Sealing() {
    }

    public static boolean receives(Instant deadline, Instant now) {
        return now.isBefore(deadline);
    }

    public static boolean opened(Instant deadline, Instant now) {
        return !now.isBefore(deadline);
    }

    /**
     * End of a voluntary standstill of {@code days} calendar days counted from the day after the award notice was
     * sent, as a legal period under Reg. 1182/71 (FOA § 7-6): when the last day is not a working day the period runs
     * to the end of the next working day (Art. 3(4)), and a standstill of two days or more contains at least two
     * working days (Art. 3(5)); see {@link WorkingDayCalendar#periodLastDay}. The period ends at midnight
     * Europe/Oslo after its last day. Null for 0 days.
     */
    public static Instant standstillEnd(Instant noticeSent, int days, WorkingDayCalendar calendar) {
        return days <= 0 ? null : calendar.periodEnd(noticeSent, days);
    }
}
