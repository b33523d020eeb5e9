package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The expected scope of a call-off: hours per role (domain rules §2.3, E3, E5). The threshold rule of
 * §1.12 applies to {@link #total()}, the sum over all roles.
 */
public record CallOffEstimate(List<RoleHours> roles) {
    /** Sane upper bound for the total (E3, "e.g. 100 000"); a total above this is refused. */
    public static final BigDecimal MAX_TOTAL_HOURS = new BigDecimal("100000");
    public static final String INVALID_ESTIMATE = "INVALID_ESTIMATE";

    public CallOffEstimate {
        roles = roles == null ? null : Collections.unmodifiableList(new ArrayList<>(roles));
    }

    public static CallOffEstimate of(RoleHours... roles) {
        return new CallOffEstimate(List.of(roles));
    }

    /** Sum of the (non-null) hours of all roles; meaningful only when {@link #validate()} is empty. */
    public BigDecimal total() {
        if (roles == null) {
            return BigDecimal.ZERO;
        }
        return roles.stream().filter(r -> r != null && r.hours() != null)
                .map(RoleHours::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Empty when valid, otherwise a refusal with code {@code INVALID_ESTIMATE}. Never throws. */
    public Optional<Refusal> validate() {
        if (roles == null || roles.isEmpty()) {
            return refuse("the estimate has no roles");
        }
        Set<String> seen = new HashSet<>();
        for (RoleHours r : roles) {
            if (r == null || r.roleId() == null || r.roleId().isBlank()) {
                return refuse("every estimate line needs a role id");
            }
            if (r.hours() == null || r.hours().signum() <= 0) {
                return refuse("hours for role " + r.roleId() + " must be a positive number");
            }
            if (!seen.add(r.roleId())) {
                return refuse("role " + r.roleId() + " appears more than once");
            }
        }
        if (total().compareTo(MAX_TOTAL_HOURS) > 0) {
            return refuse("total " + total().toPlainString() + " h exceeds the maximum of "
                    + MAX_TOTAL_HOURS.toPlainString() + " h");
        }
        return Optional.empty();
    }

    /**
     * Σ rate(role) × hours, NOK ex. VAT, scale 2 (half-up). Requires a valid estimate and a rate for
     * every role; throws {@link IllegalArgumentException} otherwise (a caller-side precondition, E21).
     */
    public BigDecimal valueAt(Map<String, BigDecimal> hourlyRateByRole) {
        validate().ifPresent(r -> {
            throw new IllegalArgumentException(r.message());
        });
        BigDecimal sum = BigDecimal.ZERO;
        for (RoleHours r : roles) {
            BigDecimal rate = hourlyRateByRole.get(r.roleId());
            if (rate == null) {
                throw new IllegalArgumentException("no rate for role " + r.roleId());
            }
            sum = sum.add(rate.multiply(r.hours()));
        }
        return sum.setScale(2, RoundingMode.HALF_UP);
    }

    private static Optional<Refusal> refuse(String message) {
        return Optional.of(new Refusal(INVALID_ESTIMATE, message));
    }
}
