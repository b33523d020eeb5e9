package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class CascadeTest {
    private static final String A = "974760673";
    private static final String B = "889640782";
    private static final String C = "923609016";
    private static final String D = "984851006";
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final UnaryOperator<Instant> TWO_DAYS = t -> t.plus(Duration.ofDays(2));
    private static final CallOffEstimate ESTIMATE = CallOffEstimate.of(
            new RoleHours("DEV", new BigDecimal("150")), new RoleHours("ARCH", new BigDecimal("37.5")));
    private static final Map<String, Map<String, BigDecimal>> RATES = Map.of(
            A, Map.of("DEV", new BigDecimal("1000.00"), "ARCH", new BigDecimal("1250.50")),
            B, Map.of("DEV", new BigDecimal("1100.00"), "ARCH", new BigDecimal("1300.00")),
            C, Map.of("DEV", new BigDecimal("990.00"), "ARCH", new BigDecimal("1199.99")));

    private static Cascade cascade(LotMember... members) {
        return new Cascade("CO-1", List.of(members), ESTIMATE, RATES);
    }

    private static Cascade threeActive() {
        return cascade(new LotMember(C, 3, MemberStatus.ACTIVE), new LotMember(A, 1, MemberStatus.ACTIVE),
                new LotMember(B, 2, MemberStatus.ACTIVE));
    }

    private static List<CascadeEventType> types(CascadeStep step) {
        assertThat(step, instanceOf(CascadeStep.Applied.class));
        return step.events().stream().map(CascadeEvent::type).toList();
    }

    private static String refused(CascadeStep step) {
        assertThat(step, instanceOf(CascadeStep.Refused.class));
        return ((CascadeStep.Refused) step).code();
    }

    private static String openOrg(Cascade c) {
        return c.openOffer().map(Offer::orgNo).orElse("none");
    }

    @Test
    void startOffersTheFirstRankWithTheComputedDeadline() {
        Cascade c = threeActive();
        CascadeStep step = c.start(T0, TWO_DAYS);
        assertThat(types(step), contains(CascadeEventType.OFFERED));
        Offer offer = c.openOffer().orElseThrow();
        assertThat(offer.orgNo(), is(A));
        assertThat(offer.rank(), is(1));
        assertThat(offer.id(), is("CO-1-R1"));
        assertThat(offer.sentAt(), is(T0));
        assertThat(offer.deadline(), is(T0.plus(Duration.ofDays(2))));
        assertThat(offer.outcome(), is(OfferOutcome.PENDING));
        assertThat(c.status(), is(CascadeStatus.AWAITING_RESPONSE));
    }

    @Test
    void acceptAwardsWithAgreedValueFromTheSuppliersPriceList() {
        Cascade c = threeActive();
        c.start(T0, TWO_DAYS);
        CascadeStep step = c.respond(A, OfferResponse.ACCEPT, null, T0.plusSeconds(60));
        assertThat(types(step), contains(CascadeEventType.ACCEPTED, CascadeEventType.AWARDED));
        assertThat(c.status(), is(CascadeStatus.AWARDED));
        assertThat(c.awardedOrgNo(), is(Optional.of(A)));
        // 150 × 1000.00 + 37.5 × 1250.50 = 150000 + 46893.75
        assertThat(c.agreedValue(), is(Optional.of(new BigDecimal("196893.75"))));
        assertThat(step.events().get(1).detail(), is("196893.75"));
        assertThat(c.offers().get(0).outcome(), is(OfferOutcome.ACCEPTED));
    }

    @Test
    void declineMovesToTheNextRankAndTheDeclinerIsNeverReAsked() {
        Cascade c = threeActive();
        c.start(T0, TWO_DAYS);
        Instant t1 = T0.plusSeconds(3600);
        CascadeStep step = c.respond(A, OfferResponse.DECLINE, DeclineReason.NO_CAPACITY, t1);
        assertThat(types(step), contains(CascadeEventType.DECLINED, CascadeEventType.OFFERED));
        assertThat(step.events().get(0).detail(), is("NO_CAPACITY"));
        assertThat(openOrg(c), is(B));
        assertThat(c.openOffer().orElseThrow().sentAt(), is(t1));
        assertThat(refused(c.respond(A, OfferResponse.ACCEPT, null, t1.plusSeconds(1))), is("NO_OPEN_OFFER"));
        c.respond(B, OfferResponse.DECLINE, DeclineReason.CANNOT_MEET_REQUIREMENTS, t1.plusSeconds(2));
        c.respond(C, OfferResponse.DECLINE, DeclineReason.CONFLICT_OF_INTEREST, t1.plusSeconds(3));
        assertThat(c.offers().stream().map(Offer::orgNo).toList(), contains(A, B, C));
        assertThat(c.offers().stream().map(Offer::outcome).toList(),
                contains(OfferOutcome.DECLINED, OfferOutcome.DECLINED, OfferOutcome.DECLINED));
    }

    @Test
    void declineWithoutReasonIsRefusedAndChangesNothing() {
        Cascade c = threeActive();
        c.start(T0, TWO_DAYS);
        assertThat(refused(c.respond(A, OfferResponse.DECLINE, null, T0.plusSeconds(1))), is("DECLINE_REASON_REQUIRED"));
        assertThat(openOrg(c), is(A));
    }

    @Test
    void buyerCannotSkipToAPreferredRankBecauseOnlyTheOpenOffersSupplierMayRespond_E22() {
        Cascade c = threeActive();
        c.start(T0, TWO_DAYS);
        CascadeStep step = c.respond(C, OfferResponse.ACCEPT, null, T0.plusSeconds(1));
        assertThat(refused(step), is("NO_OPEN_OFFER"));
        assertThat(step.events(), is(empty()));
        assertThat(c.status(), is(CascadeStatus.AWAITING_RESPONSE));
        assertThat(openOrg(c), is(A));
        assertThat(c.awardedOrgNo(), is(Optional.empty()));
        assertThat(Arrays.asList(DeclineReason.values()), containsInAnyOrder(DeclineReason.NO_CAPACITY,
                DeclineReason.CANNOT_MEET_REQUIREMENTS, DeclineReason.CONFLICT_OF_INTEREST,
                DeclineReason.OTHER_ACCEPTED_BY_FRAMEWORK));
    }

    @Test
    void nonActiveMembersAreSkippedWithTheirStatusRecorded_E48() {
        Cascade c = cascade(new LotMember(D, 1, MemberStatus.SUSPENDED), new LotMember(A, 2, MemberStatus.TERMINATED),
                new LotMember(B, 3, MemberStatus.ACTIVE));
        CascadeStep step = c.start(T0, TWO_DAYS);
        assertThat(types(step), contains(CascadeEventType.SKIPPED, CascadeEventType.SKIPPED, CascadeEventType.OFFERED));
        assertThat(step.events().get(0), is(new CascadeEvent(CascadeEventType.SKIPPED, D, 1, T0, "SUSPENDED")));
        assertThat(step.events().get(1), is(new CascadeEvent(CascadeEventType.SKIPPED, A, 2, T0, "TERMINATED")));
        assertThat(openOrg(c), is(B));
        assertThat(c.offers().size(), is(1));
    }

    @Test
    void allDeclinedOrLapsedExhaustsTheCascade_E10() {
        Cascade c = threeActive();
        c.start(T0, TWO_DAYS);
        c.respond(A, OfferResponse.DECLINE, DeclineReason.NO_CAPACITY, T0.plusSeconds(10));
        Instant afterB = T0.plusSeconds(10).plus(Duration.ofDays(2)).plusNanos(1);
        assertThat(types(c.lapse(afterB)), contains(CascadeEventType.LAPSED, CascadeEventType.OFFERED));
        CascadeStep last = c.respond(C, OfferResponse.DECLINE, DeclineReason.OTHER_ACCEPTED_BY_FRAMEWORK,
                afterB.plusSeconds(1));
        assertThat(types(last), contains(CascadeEventType.DECLINED, CascadeEventType.CASCADE_EXHAUSTED));
        assertThat(c.status(), is(CascadeStatus.CASCADE_EXHAUSTED));
        assertThat(c.openOffer(), is(Optional.empty()));
        assertThat(c.agreedValue(), is(Optional.empty()));
        assertThat(refused(c.respond(C, OfferResponse.ACCEPT, null, afterB.plusSeconds(2))), is("CASCADE_CLOSED"));
        assertThat(c.history().size(), is(7)); // OFFERED, DECLINED, OFFERED, LAPSED, OFFERED, DECLINED, EXHAUSTED
    }

    @Test
    void lotWithoutActiveMembersIsExhaustedAtStart_E10() {
        Cascade c = cascade(new LotMember(A, 1, MemberStatus.SUSPENDED));
        assertThat(types(c.start(T0, TWO_DAYS)), contains(CascadeEventType.SKIPPED, CascadeEventType.CASCADE_EXHAUSTED));
        assertThat(c.status(), is(CascadeStatus.CASCADE_EXHAUSTED));
    }

    @Test
    void responseExactlyAtTheDeadlineIsInTime() {
        Cascade c = threeActive();
        c.start(T0, TWO_DAYS);
        Instant deadline = c.openOffer().orElseThrow().deadline();
        assertThat(c.lapse(deadline).events(), is(empty()));
        assertThat(types(c.respond(A, OfferResponse.ACCEPT, null, deadline)),
                contains(CascadeEventType.ACCEPTED, CascadeEventType.AWARDED));
    }

    @Test
    void responseAfterTheDeadlineIsRefused() {
        Cascade c = threeActive();
        c.start(T0, TWO_DAYS);
        Instant late = c.openOffer().orElseThrow().deadline().plusNanos(1);
        assertThat(refused(c.respond(A, OfferResponse.ACCEPT, null, late)), is("RESPONSE_AFTER_DEADLINE"));
        assertThat(c.status(), is(CascadeStatus.AWAITING_RESPONSE));
        CascadeStep lapse = c.lapse(late);
        assertThat(types(lapse), contains(CascadeEventType.LAPSED, CascadeEventType.OFFERED));
        assertThat(lapse.events().get(0).at(), is(T0.plus(Duration.ofDays(2))));
        assertThat(c.offers().get(0).outcome(), is(OfferOutcome.LAPSED));
        assertThat(refused(c.respond(A, OfferResponse.ACCEPT, null, late)), is("NO_OPEN_OFFER"));
    }

    @Test
    void rankOneSilentOverAHolidayWeekendTimesOutAtTheWorkingDayDeadline_E23() {
        WorkingDayCalendar cal = new WorkingDayCalendar();
        Cascade c = threeActive();
        Instant thursday = Instant.parse("2025-05-15T10:00:00Z"); // 12:00 Oslo; 17 May 2025 is a Saturday holiday
        c.start(thursday, t -> cal.deadline(t, 2));
        Instant deadline = c.openOffer().orElseThrow().deadline();
        assertThat(deadline, is(Instant.parse("2025-05-19T10:00:00Z")));
        assertThat(c.lapse(Instant.parse("2025-05-17T12:00:00Z")).events(), is(empty()));
        assertThat(openOrg(c), is(A));
        Instant tick = Instant.parse("2025-05-19T10:00:01Z");
        assertThat(types(c.lapse(tick)), contains(CascadeEventType.LAPSED, CascadeEventType.OFFERED));
        assertThat(openOrg(c), is(B));
        assertThat(c.openOffer().orElseThrow().deadline(), is(Instant.parse("2025-05-21T10:00:01Z")));
    }

    @Test
    void lifecycleMisuseIsRefused() {
        Cascade c = threeActive();
        assertThat(refused(c.respond(A, OfferResponse.ACCEPT, null, T0)), is("CASCADE_NOT_STARTED"));
        assertThat(c.lapse(T0).events(), is(empty()));
        c.start(T0, TWO_DAYS);
        assertThat(refused(c.start(T0, TWO_DAYS)), is("CASCADE_ALREADY_STARTED"));
        assertThat(c.offers().size(), is(1));
    }

    @Test
    void invalidLotOrMissingPricesAreRejectedAtConstruction_E24_E21() {
        Assertions.assertThrows(IllegalArgumentException.class, () -> cascade(
                new LotMember(A, 1, MemberStatus.ACTIVE), new LotMember(B, 1, MemberStatus.ACTIVE)));
        Assertions.assertThrows(IllegalArgumentException.class, () -> cascade(
                new LotMember(A, 1, MemberStatus.ACTIVE), new LotMember(A, 2, MemberStatus.ACTIVE)));
        Assertions.assertThrows(IllegalArgumentException.class, () -> cascade(
                new LotMember(D, 1, MemberStatus.ACTIVE)));
        assertThat(cascade(new LotMember(D, 1, MemberStatus.SUSPENDED)).status(), is(CascadeStatus.NOT_STARTED));
    }

    @Test
    void deadlineFunctionMustReturnAFutureInstant() {
        Cascade c = threeActive();
        Assertions.assertThrows(IllegalStateException.class, () -> c.start(T0, t -> t));
    }
}
