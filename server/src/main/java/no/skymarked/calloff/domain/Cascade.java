package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Ranked direct-award cascade for one call-off (domain rules §2.2, RANKED_CASCADE). Clock-free: every
 * transition takes {@code now}. Offers are strictly sequential in rank order; non-active members are skipped
 * with a recorded reason (E48); each supplier is asked at most once (a decliner is never re-asked); there is no
 * operation to pass over an active supplier for preference (E22). Refused transitions leave the state unchanged.
 * <p><b>Deadline semantics:</b> the deadline instant is inclusive. A response at exactly {@code deadline} is in
 * time; {@link #lapse} moves on only when {@code now} is strictly after the deadline (consistent with E29, where a
 * submission is late only when it arrives after the deadline). Not thread-safe.
 */
public final class Cascade {
    private final String callOffId;
    private final List<LotMember> ranked;
    private final CallOffEstimate estimate;
    private final Map<String, Map<String, BigDecimal>> ratesByOrgNo;
    private final List<Offer> offers = new ArrayList<>();
    private final List<CascadeEvent> history = new ArrayList<>();
    private UnaryOperator<Instant> deadlineFn;
    private int nextIndex;
    private CascadeStatus status = CascadeStatus.NOT_STARTED;
    private BigDecimal agreedValue;

    /**
     * @param ratesByOrgNo hourly rate (NOK ex. VAT) per role for each supplier, from the price-list version valid
     *                     on the call-off date
     * @throws IllegalArgumentException when preconditions a caller must check first are violated: invalid
     *                                  estimate, duplicate rank or orgNo (E24), or an active member without a rate
     *                                  for every estimated role (E21)
     */
    public Cascade(String callOffId, List<LotMember> members, CallOffEstimate estimate,
                   Map<String, Map<String, BigDecimal>> ratesByOrgNo) {
        this.callOffId = Objects.requireNonNull(callOffId, "callOffId");
        this.estimate = Objects.requireNonNull(estimate, "estimate");
        this.ratesByOrgNo = Map.copyOf(ratesByOrgNo);
        this.ranked = members.stream().sorted(Comparator.comparingInt(LotMember::rank)).toList();
        estimate.validate().ifPresent(r -> {
            throw new IllegalArgumentException(r.message());
        });
        validateMembers();
    }

    private void validateMembers() {
        var ranks = new HashSet<Integer>();
        var orgNos = new HashSet<String>();
        for (LotMember m : ranked) {
            if (m.orgNo() == null || m.status() == null || m.rank() < 1) {
                throw new IllegalArgumentException("incomplete lot member " + m);
            }
            if (!ranks.add(m.rank()) || !orgNos.add(m.orgNo())) {
                throw new IllegalArgumentException("duplicate rank or orgNo in lot: " + m);
            }
            if (m.status() == MemberStatus.ACTIVE) {
                estimate.valueAt(ratesByOrgNo.getOrDefault(m.orgNo(), Map.of()));
            }
        }
    }

    /** Sends the first offer to the highest-ranked active member; {@code deadlineFn} maps send time → deadline. */
    public CascadeStep start(Instant now, UnaryOperator<Instant> deadlineFn) {
        if (status != CascadeStatus.NOT_STARTED) {
            return new CascadeStep.Refused(CascadeStep.ALREADY_STARTED, "the cascade has already been started");
        }
        this.deadlineFn = Objects.requireNonNull(deadlineFn, "deadlineFn");
        return applied(advance(now));
    }

    /** A supplier's response; {@code reason} is required for DECLINE and ignored for ACCEPT. */
    public CascadeStep respond(String orgNo, OfferResponse response, DeclineReason reason, Instant now) {
        if (status == CascadeStatus.NOT_STARTED) {
            return new CascadeStep.Refused(CascadeStep.NOT_STARTED, "no offer has been sent yet");
        }
        if (status != CascadeStatus.AWAITING_RESPONSE) {
            return new CascadeStep.Refused(CascadeStep.CLOSED, "the cascade is " + status);
        }
        Offer current = offers.getLast();
        if (!current.orgNo().equals(orgNo)) {
            return new CascadeStep.Refused(CascadeStep.NO_OPEN_OFFER, orgNo + " has no open offer in " + callOffId);
        }
        if (current.expiredAt(now)) {
            return new CascadeStep.Refused(CascadeStep.RESPONSE_AFTER_DEADLINE,
                    "the deadline " + current.deadline() + " has passed");
        }
        if (response == OfferResponse.DECLINE && reason == null) {
            return new CascadeStep.Refused(CascadeStep.DECLINE_REASON_REQUIRED, "a decline needs a valid reason");
        }
        List<CascadeEvent> events = new ArrayList<>();
        if (response == OfferResponse.ACCEPT) {
            close(current, OfferOutcome.ACCEPTED);
            agreedValue = estimate.valueAt(ratesByOrgNo.get(orgNo));
            status = CascadeStatus.AWARDED;
            events.add(event(CascadeEventType.ACCEPTED, current, now, current.id()));
            events.add(event(CascadeEventType.AWARDED, current, now, agreedValue.toPlainString()));
        } else {
            close(current, OfferOutcome.DECLINED);
            events.add(event(CascadeEventType.DECLINED, current, now, reason.name()));
            events.addAll(advance(now));
        }
        return applied(events);
    }

    /** Moves past the open offer if {@code now} is strictly after its deadline; otherwise applies no events. */
    public CascadeStep lapse(Instant now) {
        if (status != CascadeStatus.AWAITING_RESPONSE || !offers.getLast().expiredAt(now)) {
            return applied(List.of());
        }
        Offer current = offers.getLast();
        close(current, OfferOutcome.LAPSED);
        List<CascadeEvent> events = new ArrayList<>();
        events.add(event(CascadeEventType.LAPSED, current, current.deadline(), "no response by deadline"));
        events.addAll(advance(now));
        return applied(events);
    }

    private List<CascadeEvent> advance(Instant now) {
        List<CascadeEvent> events = new ArrayList<>();
        while (nextIndex < ranked.size()) {
            LotMember m = ranked.get(nextIndex++);
            if (m.status() != MemberStatus.ACTIVE) {
                events.add(new CascadeEvent(CascadeEventType.SKIPPED, m.orgNo(), m.rank(), now, m.status().name()));
                continue;
            }
            Instant deadline = deadlineFn.apply(now);
            if (deadline == null || !deadline.isAfter(now)) {
                throw new IllegalStateException("deadlineFn must return an instant after " + now);
            }
            Offer offer = new Offer(callOffId + "-R" + m.rank(), m.orgNo(), m.rank(), now, deadline,
                    OfferOutcome.PENDING);
            offers.add(offer);
            status = CascadeStatus.AWAITING_RESPONSE;
            events.add(event(CascadeEventType.OFFERED, offer, now, offer.id() + " deadline=" + deadline));
            return events;
        }
        status = CascadeStatus.CASCADE_EXHAUSTED;
        events.add(new CascadeEvent(CascadeEventType.CASCADE_EXHAUSTED, null, 0, now, "no supplier accepted"));
        return events;
    }

    private void close(Offer current, OfferOutcome outcome) {
        offers.set(offers.size() - 1, current.withOutcome(outcome));
    }

    private static CascadeEvent event(CascadeEventType type, Offer offer, Instant at, String detail) {
        return new CascadeEvent(type, offer.orgNo(), offer.rank(), at, detail);
    }

    private CascadeStep applied(List<CascadeEvent> events) {
        history.addAll(events);
        return new CascadeStep.Applied(events);
    }

    public CascadeStatus status() {
        return status;
    }

    public List<Offer> offers() {
        return List.copyOf(offers);
    }

    public Optional<Offer> openOffer() {
        return status == CascadeStatus.AWAITING_RESPONSE ? Optional.of(offers.getLast()) : Optional.empty();
    }

    public Optional<String> awardedOrgNo() {
        return status == CascadeStatus.AWARDED ? Optional.of(offers.getLast().orgNo()) : Optional.empty();
    }

    /** Σ rate(role) × hours of the awarded supplier, NOK ex. VAT, scale 2. */
    public Optional<BigDecimal> agreedValue() {
        return Optional.ofNullable(agreedValue);
    }

    /** Every event applied so far, in order. */
    public List<CascadeEvent> history() {
        return List.copyOf(history);
    }
}
