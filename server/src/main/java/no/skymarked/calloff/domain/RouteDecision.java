package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Pure decision function for the call-off mechanism (domain rules §1.12, E1, E2, E3, E5, E8, E9, E47).
 * The comparison is on the total over all roles; a total equal to the threshold is "≤ threshold". Direct award above
 * the threshold under the exception needs its conditions (E8) and its approval ({@link RouteException#approvalRefusal}:
 * an approver other than the requester, a follow-up plan, and the approver's confirmation when the agency caused the
 * urgency itself, E9).
 */
public final class RouteDecision {
    public static final String INVALID_ESTIMATE = CallOffEstimate.INVALID_ESTIMATE;
    public static final String THRESHOLD_REQUIRES_MINI_COMPETITION = "THRESHOLD_REQUIRES_MINI_COMPETITION";
    public static final String EXCEPTION_CONDITIONS_NOT_MET = "EXCEPTION_CONDITIONS_NOT_MET";
    public static final String MINI_COMPETITION_REASON_REQUIRED = "MINI_COMPETITION_REASON_REQUIRED";

    /** Reason codes of {@link Allowed}. */
    public static final String WITHIN_THRESHOLD = "WITHIN_THRESHOLD";
    public static final String MINI_COMPETITION_BY_CHOICE = "MINI_COMPETITION_BY_CHOICE";
    public static final String ABOVE_THRESHOLD = "ABOVE_THRESHOLD";
    public static final String EXCEPTION = "EXCEPTION";

    public sealed interface Result permits Allowed, Refused {
    }

    public record Allowed(Route route, String reasonCode, Set<RouteFlag> flags) implements Result {
        public Allowed {
            flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        }
    }

    public record Refused(String code, String message) implements Result {
    }

    private RouteDecision() {
    }

    /**
     * @param thresholdHours        framework threshold (Oslo DT2: 250); must be positive, else
     *                              {@link IllegalArgumentException} (configuration error, not user input)
     * @param requested             the buyer's requested route, empty for the default
     * @param exception             the above-threshold exception, if claimed
     * @param miniCompetitionReason required when a within-threshold call-off is sent to mini-competition
     * @param requester             the person who calls off (an exception's approver must be another), null if unknown
     */
    public static Result decide(BigDecimal thresholdHours, CallOffEstimate estimate, Optional<Route> requested,
                                Optional<RouteException> exception, String miniCompetitionReason, String requester) {
        if (thresholdHours == null || thresholdHours.signum() <= 0) {
            throw new IllegalArgumentException("threshold must be positive");
        }
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(exception, "exception");
        if (estimate == null) {
            return new Refused(INVALID_ESTIMATE, "no estimate");
        }
        Optional<Refusal> invalid = estimate.validate();
        if (invalid.isPresent()) {
            return new Refused(invalid.get().code(), invalid.get().message());
        }
        BigDecimal total = estimate.total();
        return total.compareTo(thresholdHours) <= 0
                ? withinThreshold(requested, exception, miniCompetitionReason)
                : aboveThreshold(total, thresholdHours, requested, exception, requester);
    }

    private static Result withinThreshold(Optional<Route> requested, Optional<RouteException> exception,
                                          String reason) {
        Set<RouteFlag> flags = EnumSet.noneOf(RouteFlag.class);
        exception.ifPresent(e -> flags.add(RouteFlag.EXCEPTION_IGNORED));
        if (requested.orElse(Route.DIRECT_AWARD) == Route.DIRECT_AWARD) {
            return new Allowed(Route.DIRECT_AWARD, WITHIN_THRESHOLD, flags);
        }
        if (reason == null || reason.isBlank()) {
            return new Refused(MINI_COMPETITION_REASON_REQUIRED,
                    "a call-off within the threshold sent to mini-competition needs a recorded reason");
        }
        flags.add(RouteFlag.DISCRETIONARY_MINI_COMPETITION);
        return new Allowed(Route.MINI_COMPETITION, MINI_COMPETITION_BY_CHOICE, flags);
    }

    private static Result aboveThreshold(BigDecimal total, BigDecimal threshold, Optional<Route> requested,
                                         Optional<RouteException> exception, String requester) {
        if (requested.orElse(null) == Route.MINI_COMPETITION) {
            Set<RouteFlag> flags = exception.isPresent() ? Set.of(RouteFlag.EXCEPTION_IGNORED) : Set.of();
            return new Allowed(Route.MINI_COMPETITION, ABOVE_THRESHOLD, flags);
        }
        if (exception.isPresent()) {
            return underException(exception.get(), requester);
        }
        if (requested.isPresent()) {
            return new Refused(THRESHOLD_REQUIRES_MINI_COMPETITION, "total " + total.toPlainString()
                    + " h exceeds " + threshold.toPlainString() + " h: a mini-competition is required; set \"requestedRoute\":"
                    + " \"MINI_COMPETITION\" (or claim the exception, with its approval)");
        }
        return new Allowed(Route.MINI_COMPETITION, ABOVE_THRESHOLD, Set.of());
    }

    private static Result underException(RouteException e, String requester) {
        if (!e.conditionsMet()) {
            return new Refused(EXCEPTION_CONDITIONS_NOT_MET, "the exception needs unforeseeable circumstances AND "
                    + "(security OR critical life/health services) AND a justification");
        }
        Optional<Refusal> unapproved = e.approvalRefusal(requester);
        if (unapproved.isPresent()) {
            return new Refused(unapproved.get().code(), unapproved.get().message());
        }
        Set<RouteFlag> flags = EnumSet.of(RouteFlag.EXCEPTION_ABOVE_THRESHOLD);
        if (e.causedByAgency()) {
            flags.add(RouteFlag.UNFORESEEABILITY_CONFIRMED_BY_APPROVER);
        }
        return new Allowed(Route.DIRECT_AWARD, EXCEPTION, flags);
    }
}
