package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Anti-splitting check (domain rules E7; § 5-4(4) by analogy). Pure. An earlier direct call-off counts when it is by
 * the same buyer on the same framework, in any lot; dated within {@code windowDays} before the candidate's date, both
 * ends inclusive ({@code candidate.date - windowDays ≤ date ≤ candidate.date}); not cancelled and not cascade-exhausted
 * (those bought nothing); and for the same need ({@link CallOffNeed#sameNeedAs}). Call-offs dated after the
 * candidate, and any with the candidate's id, are ignored.
 *
 * <p>Levels: a call-off without such an earlier one is NONE (its size alone is {@link RouteDecision}'s concern); the
 * second and later within the threshold are WARN; the one whose sum with them exceeds the threshold is
 * EXCEEDS_THRESHOLD and needs a written justification and an approver ({@link #justified}).
 */
public final class SplittingCheck {
    public static final int DEFAULT_WINDOW_DAYS = 90;
    public static final String SPLITTING_JUSTIFICATION_REQUIRED = "SPLITTING_JUSTIFICATION_REQUIRED";

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
        Map<String, CallOffNeed.Basis> bases = new LinkedHashMap<>();
        List<DirectCallOff> involved = new ArrayList<>();
        earlier.stream()
                .filter(c -> !c.id().equals(candidate.id()) && c.sameBuyerAndFramework(candidate) && c.counts())
                .filter(c -> !c.date().isBefore(from) && !c.date().isAfter(candidate.date()))
                .sorted(Comparator.comparing(DirectCallOff::date).thenComparing(DirectCallOff::id))
                .forEach(c -> c.need().sameNeedAs(candidate.need()).ifPresent(basis -> {
                    involved.add(c);
                    bases.put(c.id(), basis);
                }));
        boolean anyEarlier = !involved.isEmpty();
        involved.add(candidate);
        BigDecimal total = involved.stream().map(DirectCallOff::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        SplittingFlag.Level level = !anyEarlier ? SplittingFlag.Level.NONE
                : total.compareTo(thresholdHours) > 0 ? SplittingFlag.Level.EXCEEDS_THRESHOLD
                : SplittingFlag.Level.WARN;
        return new SplittingFlag(level, total, thresholdHours, windowDays, involved, bases);
    }

    /**
     * E7 REQ: a call-off that takes the same need above the threshold is made only with a written justification (why
     * these are separate needs) and an approver who is another person than {@code requester}. Empty when allowed;
     * otherwise the violation names the missing or wrong member of the request's {@code splitting}.
     */
    public static Optional<Violation> justified(SplittingFlag flag, SplittingJustification given, String requester) {
        if (!flag.exceedsThreshold()) {
            return Optional.empty();
        }
        String sum = "with earlier direct call-offs for the same need (" + String.join(", ", flag.involvedIds().subList(0,
                flag.involved().size() - 1)) + ") the total is " + plain(flag.totalHours()) + " h, above the threshold of "
                + plain(flag.thresholdHours()) + " h within " + flag.windowDays() + " days (splitting, FOA § 5-4(4))";
        if (given == null) {
            return Optional.of(new Violation("/splitting", SPLITTING_JUSTIFICATION_REQUIRED, sum + ": run a mini-competition,"
                    + " or give splitting.justification (why these are separate needs) and splitting.approvedBy (another person of"
                    + " the agency who approved it)"));
        }
        if (!Approvals.named(given.justification())) {
            return Optional.of(new Violation("/splitting/justification", SPLITTING_JUSTIFICATION_REQUIRED,
                    sum + ": give a written justification why these are separate needs"));
        }
        if (!Approvals.named(given.approvedBy())) {
            return Optional.of(new Violation("/splitting/approvedBy", SPLITTING_JUSTIFICATION_REQUIRED,
                    sum + ": name the person of the agency who approved the justification"));
        }
        if (Approvals.samePerson(given.approvedBy(), requester)) {
            return Optional.of(new Violation("/splitting/approvedBy", Approvals.APPROVER_IS_REQUESTER, sum + ": the approver '"
                    + given.approvedBy().strip() + "' is the person who calls off; another person of the agency must approve"));
        }
        return Optional.empty();
    }

    /** Hours as people write them: {@code 480.00} is 480. */
    public static String plain(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }
}
