package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Result of {@link SplittingCheck} (E7). {@code involved} are the earlier call-offs in the window followed by the
 * candidate; {@code totalHours} is their sum.
 */
public record SplittingFlag(Level level, BigDecimal totalHours, BigDecimal thresholdHours,
                            List<DirectCallOff> involved) {

    public enum Level {
        /** No earlier direct call-off on the same framework+lot in the window. */
        NONE,
        /** Earlier call-offs exist in the window, but the sum is within the threshold (E7: WARN on the 2nd). */
        WARN,
        /** The sum exceeds the threshold: justification and approver required (E7: REQ). */
        EXCEEDS_THRESHOLD
    }

    public SplittingFlag {
        involved = List.copyOf(involved);
    }

    public boolean exceedsThreshold() {
        return level == Level.EXCEEDS_THRESHOLD;
    }

    public List<String> involvedIds() {
        return involved.stream().map(DirectCallOff::id).toList();
    }
}
