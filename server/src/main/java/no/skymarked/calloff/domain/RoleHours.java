package no.skymarked.calloff.domain;

import java.math.BigDecimal;

/**
 * Estimated consultant hours for one role of a call-off. Deliberately lenient at construction
 * (null / non-positive values are representable) so that {@link CallOffEstimate#validate()} can
 * refuse them with {@code INVALID_ESTIMATE} instead of throwing.
 */
public record RoleHours(String roleId, BigDecimal hours) {
}
