package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A buyer's direct call-off as seen by {@link SplittingCheck}: who, on which framework and lot, when (Europe/Oslo
 * date), how big, in which status and for what need.
 */
public record DirectCallOff(String id, String buyerOrgNo, String frameworkId, String lotId, LocalDate date,
                            BigDecimal hours, CallOffStatus status, CallOffNeed need) {

    boolean sameBuyerAndFramework(DirectCallOff other) {
        return buyerOrgNo.equals(other.buyerOrgNo) && frameworkId.equals(other.frameworkId);
    }

    /** A cancelled call-off, or one whose cascade every supplier declined, bought nothing and does not count. */
    boolean counts() {
        return status != CallOffStatus.CANCELLED && status != CallOffStatus.CASCADE_EXHAUSTED;
    }
}
