package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Anti-splitting check (domain rules E7; § 5-4(4) by analogy). Pure. Earlier direct call-offs count when they are
 * by the same buyer on the same framework and lot, and dated within {@code windowDays} before the candidate's date,
 * both ends inclusive ({@code candidate.date - windowDays ≤ date ≤ candidate.date}). Call-offs dated after the
 * candidate, and any with the candidate's id, are ignored. A lone call-off is never flagged (level NONE): its
 * size alone is {@link RouteDecision}'s concern.
 */
public final class SplittingCheck {
    public static final int DEFAULT_WINDOW_DAYS = 90;

    private SplittingCheck() {
    }

    public static SplittingFlag check(BigDecimal thresholdHours, List<DirectCallOff> earlier, DirectCallOff candidate) {
        return check(thresholdHours, DEFAULT_WINDOW_DAYS, earlier, candidate);
    }

    public static SplittingFlag check(BigDecimal thresholdHours, int windowDays, List<DirectCallOff> earlier,
                                      DirectCallOff candidate) {
        Objects.requireNonNull(thresholdHours, "thresholdHours");
        Objects.requireNonNull(candidate, "candidate");
        if (windowDays < 0) {
            throw new IllegalArgumentException("windowDays must be >= 0");
        }
        var from = candidate.date().minusDays(windowDays);
        List<DirectCallOff> involved = new ArrayList<>(earlier.stream()
                .filter(c -> !c.id().equals(candidate.id()) && c.sameBuyerFrameworkAndLot(candidate))
                .filter(c -> !c.date().isBefore(from) && !c.date().isAfter(candidate.date()))
                .sorted(Comparator.comparing(DirectCallOff::date).thenComparing(DirectCallOff::id))
                .toList());
        boolean anyEarlier = !involved.isEmpty();
        involved.add(candidate);
        BigDecimal total = involved.stream().map(DirectCallOff::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        SplittingFlag.Level level = !anyEarlier ? SplittingFlag.Level.NONE
                : total.compareTo(thresholdHours) > 0 ? SplittingFlag.Level.EXCEEDS_THRESHOLD
                : SplittingFlag.Level.WARN;
        return new SplittingFlag(level, total, thresholdHours, involved);
    }
}
