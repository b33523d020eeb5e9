package no.skymarked.calloff.domain;

/**
 * The above-threshold exception of §1.12. Valid only when the conditions are cumulatively met:
 * {@code unforeseeable} AND ({@code security} OR {@code criticalLifeOrHealth}) AND a non-blank justification.
 * (The approver and follow-up plan required by §1.12 are recorded by the caller, outside this pure core.)
 */
public record RouteException(boolean unforeseeable, boolean security, boolean criticalLifeOrHealth,
                             String justification) {

    public boolean conditionsMet() {
        return unforeseeable && (security || criticalLifeOrHealth)
                && justification != null && !justification.isBlank();
    }
}
