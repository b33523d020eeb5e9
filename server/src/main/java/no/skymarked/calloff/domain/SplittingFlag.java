package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result of {@link SplittingCheck} (E7). {@code involved} are the earlier call-offs for the same need in the window
 * followed by the candidate; {@code totalHours} is their sum; {@code bases} says, per earlier call-off id, why it is
 * the same need.
 */
public record SplittingFlag(Level level, BigDecimal totalHours, BigDecimal thresholdHours, int windowDays,
                            List<DirectCallOff> involved, Map<String, CallOffNeed.Basis> bases) {

    public enum Level {
        /** No earlier direct call-off for the same need on the framework in the window. */
        NONE,
        /** Earlier call-offs for the same need exist in the window, but the sum is within the threshold (E7: WARN). */
        WARN,
        /** The sum exceeds the threshold: justification and approver required (E7: REQ). */
        EXCEEDS_THRESHOLD
    }

    public SplittingFlag {
        involved = List.copyOf(involved);
        bases = Collections.unmodifiableMap(new LinkedHashMap<>(bases));
    }

    public boolean exceedsThreshold() {
        return level == Level.EXCEEDS_THRESHOLD;
    }

    public List<String> involvedIds() {
        return involved.stream().map(DirectCallOff::id).toList();
    }
}
