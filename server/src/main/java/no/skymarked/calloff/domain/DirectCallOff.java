package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A buyer's direct call-off as seen by {@link SplittingCheck}: who, where, when (Europe/Oslo date) and how big. */
public record DirectCallOff(String id, String buyerOrgNo, String frameworkId, String lotId, LocalDate date,
                           BigDecimal hours) {

    boolean sameBuyerFrameworkAndLot(DirectCallOff other) {
        return buyerOrgNo.equals(other.buyerOrgNo) && frameworkId.equals(other.frameworkId)
                && lotId.equals(other.lotId);
    }
}
