package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The call-off aggregate: who calls off what under which framework lot, how it was routed, and where it stands.
 * Status changes go through {@link #apply(Transition)} only. A direct award keeps its cascade's offers beside it;
 * a mini-competition carries its {@link Competition}.
 */
public final class CallOff {
    private final String id;
    private final String buyerOrgNo;
    private final String frameworkId;
    private final String lotId;
    private final int frameworkVersion;
    private final CallOffDetails details;
    private final BigDecimal estimatedValue;
    private final Route route;
    private final Instant createdAt;
    private final int version;
    private CallOffStatus status;
    private String awardedOrgNo;
    private BigDecimal agreedValue;
    private Competition competition;
    private Cancellation cancellation;
    private Unsuccessful unsuccessful;
    private Contract contract;
    private final BigDecimal committedWhenRead;

    /** Why a call-off ended without a contract: NO_TENDERS or ALL_REJECTED, and when. */
    public record Unsuccessful(String reason, Instant at) {
    }

    /** A cancellation with an objective reason (FOA § 25-4). */
    public record Cancellation(String reason, Instant cancelledAt, String cancelledBy, CallOffStatus statusBefore) {
    }

    /** The contract, concluded once both parties have signed (FOA § 25-1(5)). */
    public record Contract(Instant concludedAt, Instant buyerSignedAt, Instant supplierSignedAt) {
    }

    /** Everything a stored call-off holds, for the store to rebuild it. */
    public record State(String id, String buyerOrgNo, String frameworkId, String lotId, int frameworkVersion, CallOffDetails details,
                        BigDecimal estimatedValue, Route route, Instant createdAt, int version, CallOffStatus status,
                        String awardedOrgNo, BigDecimal agreedValue, Competition competition, Cancellation cancellation,
                        Unsuccessful unsuccessful, Contract contract) {
    }

    public CallOff(State s) {
        this.id = s.id();
        this.buyerOrgNo = s.buyerOrgNo();
        this.frameworkId = s.frameworkId();
        this.lotId = s.lotId();
        this.frameworkVersion = s.frameworkVersion();
        this.details = s.details();
        this.estimatedValue = s.estimatedValue();
        this.route = s.route();
        this.createdAt = s.createdAt();
        this.version = s.version();
        this.status = s.status();
        this.awardedOrgNo = s.awardedOrgNo();
        this.agreedValue = s.agreedValue();
        this.competition = s.competition();
        this.cancellation = s.cancellation();
        this.unsuccessful = s.unsuccessful();
        this.contract = s.contract();
        this.committedWhenRead = committedValue();
    }

    /** A new call-off: a mini-competition starts as DRAFT, a direct award as OFFERED (its cascade starts with it). */
    public static CallOff create(String id, String buyerOrgNo, String frameworkId, String lotId, int frameworkVersion,
                                 CallOffDetails details, BigDecimal estimatedValue, Route route, Instant createdAt) {
        CallOffStatus first = route == Route.DIRECT_AWARD ? CallOffStatus.OFFERED : CallOffStatus.DRAFT;
        return new CallOff(new State(id, buyerOrgNo, frameworkId, lotId, frameworkVersion, details, estimatedValue, route, createdAt, 1, first,
                null, null, null, null, null, null));
    }

    public State state() {
        return new State(id, buyerOrgNo, frameworkId, lotId, frameworkVersion, details, estimatedValue, route, createdAt, version, status,
                awardedOrgNo, agreedValue, competition, cancellation, unsuccessful, contract);
    }

    /** Takes a step: refused with {@link IllegalTransition} unless {@link Transition} allows it from the current status. */
    public void apply(Transition step) {
        require(step);
        status = step.target(status);
    }

    /** Checks that a step is possible now, without taking it. */
    public void require(Transition step) {
        if (!step.allowedFrom(status)) {
            throw new IllegalTransition(step, status);
        }
    }

    /** Follows the cascade: accepted gives AWARDED with the supplier and value, exhausted CASCADE_EXHAUSTED. */
    public void follow(Cascade cascade) {
        switch (cascade.status()) {
            case AWARDED -> {
                if (status != CallOffStatus.AWARDED) {
                    apply(Transition.CASCADE_AWARD);
                }
                awardedOrgNo = cascade.awardedOrgNo().orElseThrow();
                agreedValue = cascade.agreedValue().orElseThrow();
            }
            case CASCADE_EXHAUSTED -> {
                if (status != CallOffStatus.CASCADE_EXHAUSTED) {
                    apply(Transition.CASCADE_EXHAUST);
                }
            }
            case NOT_STARTED, AWAITING_RESPONSE -> {
                // still offered
            }
        }
    }

    public void publish(Competition published) {
        apply(Transition.PUBLISH);
        this.competition = published;
    }

    /** At the deadline: EVALUATION with tenders, UNSUCCESSFUL without (E11). */
    public void open(Competition.Opening opening, boolean anyTender) {
        apply(anyTender ? Transition.OPEN_TENDERS : Transition.CLOSE_WITHOUT_TENDERS);
        competition.open(opening);
        if (!anyTender) {
            unsuccessful = new Unsuccessful("NO_TENDERS", opening.openedAt());
        }
    }

    /** Records an evaluation; with every tender rejected the call-off is UNSUCCESSFUL. */
    public void evaluate(Competition.EvaluationRecord record, boolean allRejected) {
        apply(allRejected ? Transition.REJECT_ALL : Transition.EVALUATE);
        competition.record(record);
        if (allRejected) {
            unsuccessful = new Unsuccessful("ALL_REJECTED", record.recordedAt());
        }
    }

    public void award(Competition.Award award) {
        apply(Transition.AWARD);
        competition.decide(award);
        awardedOrgNo = award.winnerOrgNo();
        agreedValue = award.agreedValue().amount();
    }

    public void conclude(Contract contract) {
        apply(Transition.CONTRACT);
        this.contract = contract;
    }

    public void cancel(String reason, Instant at, String by) {
        CallOffStatus before = status;
        apply(Transition.CANCEL);
        cancellation = new Cancellation(reason, at, by, before);
        awardedOrgNo = null;
        agreedValue = null;
    }

    /**
     * The value the call-off holds under the framework's maximum: the agreed value once awarded, nothing once it
     * ended without one, else the highest value it can reach (hours × the lot's highest active rate).
     */
    public BigDecimal committedValue() {
        if (!status.holdsValue()) {
            return BigDecimal.ZERO;
        }
        return agreedValue != null ? agreedValue : estimatedValue;
    }

    /** How much the value held under the framework's maximum has changed since the call-off was read. */
    public BigDecimal committedChange() {
        return committedValue().subtract(committedWhenRead);
    }

    public boolean isMiniCompetition() {
        return route == Route.MINI_COMPETITION;
    }

    public Optional<Instant> tenderDeadline() {
        return competition == null ? Optional.empty() : Optional.of(competition.terms().tenderDeadline());
    }

    public CallOffEstimate estimate() {
        return details.estimate();
    }

    public String id() {
        return id;
    }

    public String buyerOrgNo() {
        return buyerOrgNo;
    }

    public String frameworkId() {
        return frameworkId;
    }

    public String lotId() {
        return lotId;
    }

    /** The version of the framework's terms the call-off was made under (FOA § 26-1(5)): its rates, ranks, criteria. */
    public int frameworkVersion() {
        return frameworkVersion;
    }

    public CallOffDetails details() {
        return details;
    }

    public BigDecimal estimatedValue() {
        return estimatedValue;
    }

    public BigDecimal totalHours() {
        return details.estimate().total();
    }

    public Route route() {
        return route;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int version() {
        return version;
    }

    public CallOffStatus status() {
        return status;
    }

    public Optional<String> awardedOrgNo() {
        return Optional.ofNullable(awardedOrgNo);
    }

    public Optional<BigDecimal> agreedValue() {
        return Optional.ofNullable(agreedValue);
    }

    public Optional<Competition> competition() {
        return Optional.ofNullable(competition);
    }

    public Optional<Cancellation> cancellation() {
        return Optional.ofNullable(cancellation);
    }

    public Optional<Contract> contract() {
        return Optional.ofNullable(contract);
    }

    public Optional<Unsuccessful> unsuccessful() {
        return Optional.ofNullable(unsuccessful);
    }
}
