package no.skymarked.calloff.application;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.calloff.CallOffFeature;
import no.skymarked.calloff.domain.AwardCriterion;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.CallOffStatus;
import no.skymarked.calloff.domain.CriterionType;
import no.skymarked.calloff.domain.DeclineReason;
import no.skymarked.calloff.domain.EstimateLine;
import no.skymarked.calloff.domain.FrameworkTerms;
import no.skymarked.calloff.domain.IllegalTransition;
import no.skymarked.calloff.domain.MemberStatus;
import no.skymarked.calloff.domain.Money;
import no.skymarked.calloff.domain.Normalisation;
import no.skymarked.calloff.domain.OfferOutcome;
import no.skymarked.calloff.domain.OfferResponse;
import no.skymarked.calloff.domain.PriceModel;
import no.skymarked.calloff.domain.Route;
import no.skymarked.calloff.domain.TermsCheck;
import no.skymarked.calloff.domain.TieBreakRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call-off use cases over in-memory ports: no HTTP and no database, a clock the test moves. */
class CallOffUseCasesTest {
    private static final String FW = "fw";
    private static final String A = "911111111";
    private static final String B = "922222222";
    private static final String C = "933333333";
    private static final Principal BUYER = new Principal("991825827", Set.of(Role.BUYER), null);
    private InMemoryPorts mem;
    private CallOffFeature f;

    @BeforeEach
    void setUp() {
        mem = new InMemoryPorts(Instant.parse("2026-12-01T08:00:00Z"));
        mem.frameworks.put(FW, framework(new BigDecimal("7.5"), new BigDecimal("1000000")));
        mem.accessions.add(FW + "/" + BUYER.orgNo() + "/dev");
        f = CallOffFeature.of(mem.ports());
    }

    private static FrameworkTerms framework(BigDecimal hoursPerDay, BigDecimal max) {
        return new FrameworkTerms(FW, 1, "ACTIVE", LocalDate.parse("2026-01-01"), LocalDate.parse("2028-12-31"), new BigDecimal("250"),
                hoursPerDay, Money.nok(max), 2, 5,
                List.of(new AwardCriterion("price", CriterionType.PRICE, new BigDecimal("0.3"), new BigDecimal("0.7")),
                        new AwardCriterion("quality", CriterionType.QUALITY, new BigDecimal("0.2"), new BigDecimal("0.5"))),
                List.of(new FrameworkTerms.Lot("dev", List.of(member(A, 1, "1000"), member(B, 2, "1100"), member(C, 3, "1200")))),
                // no environment criterion: the framework meets § 7-9 by requirements in its specification
                no.skymarked.calloff.domain.Env79Mode.REQUIREMENTS_CLEARLY_BETTER, "Miljøkrav i kravspesifikasjonen", null,
                java.util.Set.of(BUYER.orgNo()));
    }

    private static FrameworkTerms.Member member(String orgNo, int rank, String rate) {
        return new FrameworkTerms.Member(orgNo, rank, MemberStatus.ACTIVE, Map.of("DEVELOPER", Money.nok(new BigDecimal(rate)),
                "ARCHITECT", Money.nok(new BigDecimal(rate))));
    }

    private static Principal supplier(String orgNo) {
        return new Principal(orgNo, Set.of(Role.SUPPLIER), null);
    }

    private CallOff create(String hours, Route route) {
        var command = new CreateCallOff(FW, "dev", "Skjema", "Nytt skjema", List.of(new EstimateLine("DEVELOPER", new BigDecimal(hours), null)),
                route, null, route == Route.MINI_COMPETITION && new BigDecimal(hours).intValue() <= 250 ? "kvalitet" : null, null, List.of(), null, null, null);
        return f.creating().create(BUYER, command, c -> c.id()).value();
    }

    @Test
    void daysNeedTheFrameworksHoursPerDay() {
        var command = new CreateCallOff(FW, "dev", "t", "n", List.of(new EstimateLine("DEVELOPER", null, new BigDecimal("4")),
                new EstimateLine("ARCHITECT", new BigDecimal("12.5"), null)), null, null, null, null, List.of(), null, null, null);
        CallOff c = f.creating().create(BUYER, command, x -> "").value();
        assertThat(c.totalHours().compareTo(new BigDecimal("42.5")), is(0));
        mem.frameworks.put(FW, framework(null, new BigDecimal("1000000")));
        Refusal e = assertThrows(Refusal.class, () -> f.creating().create(BUYER, command, x -> ""));
        assertThat(e.kind(), is(Refusal.Kind.UNPROCESSABLE));
        assertThat(e.type(), is("/problems/hours-per-day-not-configured"));
        assertThat(e.fields().get(0).pointer(), is("/estimatedHours/0/days"));
    }

    @Test
    void aDirectAwardOffersRankOneAndMovesOnWhenDeclined() {
        CallOff c = create("100", null);
        assertThat(c.status(), is(CallOffStatus.OFFERED));
        var first = mem.offers.get(c.id()).get(0).offer();
        assertThat(first.orgNo(), is(A));
        f.answering().respond(supplier(A), c.id(), first.id(), OfferResponse.DECLINE, DeclineReason.NO_CAPACITY);
        var second = mem.offers.get(c.id()).get(1).offer();
        assertThat(second.orgNo(), is(B));
        f.answering().respond(supplier(B), c.id(), second.id(), OfferResponse.ACCEPT, null);
        CallOff awarded = f.reading().one(BUYER, c.id()).callOff();
        assertThat(awarded.status(), is(CallOffStatus.AWARDED));
        assertThat(awarded.awardedOrgNo().orElseThrow(), is(B));
        assertThat(awarded.agreedValue().orElseThrow().compareTo(new BigDecimal("110000")), is(0));
        assertThat(mem.types(c.id()), hasItems("CALL_OFF_CREATED", "ROUTE_DECIDED", "OFFERED", "DECLINED", "ACCEPTED", "AWARDED"));
        assertThat(mem.committed.get(FW).compareTo(new BigDecimal("110000")), is(0));  // the ceiling 120 000 released down to the agreed value
    }

    /** The same terms with another version, rates of rank 1 and identified agencies. */
    private static FrameworkTerms amended(FrameworkTerms t, int version, String rankOneRate, Set<String> identified) {
        var lot = new FrameworkTerms.Lot("dev", List.of(member(A, 1, rankOneRate), member(B, 2, "1100"), member(C, 3, "1200")));
        return new FrameworkTerms(t.id(), version, t.status(), t.startDate(), t.currentEndDate(), t.thresholdHours(), t.hoursPerDay(),
                t.maxValue(), t.cascadeResponseWorkingDays(), t.minTenderWorkingDays(), t.criteria(), List.of(lot), t.env79Mode(),
                t.env79Reason(), t.conversion(), identified);
    }

    @Test
    void aRunningCascadeKeepsTheRatesOfTheFrameworkVersionItWasMadeUnder() {
        CallOff c = create("100", null);
        assertThat(c.frameworkVersion(), is(1));
        mem.frameworks.put(FW, amended(mem.frameworks.get(FW), 2, "1300", Set.of(BUYER.orgNo())));
        var first = mem.offers.get(c.id()).get(0).offer();
        f.answering().respond(supplier(A), c.id(), first.id(), OfferResponse.ACCEPT, null);
        CallOff awarded = f.reading().one(BUYER, c.id()).callOff();
        assertThat(awarded.agreedValue().orElseThrow().compareTo(new BigDecimal("100000")), is(0));  // 100 h × 1 000, not × 1 300
        CallOff later = create("100", null);
        assertThat(later.frameworkVersion(), is(2));
    }

    @Test
    void anAgencyTheFrameworkDoesNotIdentifyCannotCallOffEvenWithAnAccession() {
        mem.frameworks.put(FW, amended(mem.frameworks.get(FW), 2, "1000", Set.of("974760673")));
        Refusal e = assertThrows(Refusal.class, () -> create("100", null));
        assertThat(e.type(), is("/problems/agency-not-eligible"));
        assertThat(e.fields().get(0).pointer(), is("/frameworkId"));
    }

    @Test
    void aLapsedOfferMovesOnWithoutAnyoneCalling() {
        CallOff c = create("100", null);
        mem.clock.advance(Duration.ofDays(10));
        f.deadlines().applyAll();
        assertThat(mem.offers.get(c.id()).get(0).offer().outcome(), is(OfferOutcome.LAPSED));
        assertThat(mem.offers.get(c.id()).get(1).offer().orgNo(), is(B));
        assertThat(mem.types(c.id()), hasItem("LAPSED"));
    }

    @Test
    void aboveTheThresholdADirectAwardIsRefusedAndNothingIsKept() {
        Refusal e = assertThrows(Refusal.class, () -> create("300", null));
        assertThat(e.type(), is("/problems/threshold-requires-mini-competition"));
        assertThat(e.fields().get(0).pointer(), is("/estimatedHours"));
        assertThat(mem.callOffs.isEmpty(), is(true));
    }

    @Test
    void theMaximumValueHoldsAndACancellationReleasesWhatItHeld() {
        mem.frameworks.put(FW, framework(new BigDecimal("7.5"), new BigDecimal("150000")));
        CallOff first = create("100", null);  // up to 100 h × 1 200
        Refusal e = assertThrows(Refusal.class, () -> create("100", null));
        assertThat(e.type(), is("/problems/max-value-exceeded"));
        f.cancelling().cancel(BUYER, first.id(), "behovet falt bort");
        assertThat(create("100", null).status(), is(CallOffStatus.OFFERED));
    }

    @Test
    void aMiniCompetitionFromPublicationToContract() {
        CallOff c = create("300", Route.MINI_COMPETITION);
        assertThat(c.status(), is(CallOffStatus.DRAFT));
        Instant deadline = mem.clock.instant().plus(Duration.ofDays(14));
        CallOff published = f.publishing().publish(BUYER, c.id(), publication(deadline));
        assertThat(published.status(), is(CallOffStatus.TENDERING));
        assertThat(published.competition().orElseThrow().terms().invited(), contains(A, B, C));
        var q = f.asking().ask(supplier(A), c.id(), "Hvor?", null, x -> "").value();
        assertThat(f.answeringQuestion().answer(BUYER, c.id(), q.id(), "Oslo").answered(), is(true));
        submit(c.id(), A, "900");
        submit(c.id(), B, "1000");
        Refusal sealed = assertThrows(Refusal.class, () -> f.readingCompetition().tender(BUYER, c.id(), A));
        assertThat(sealed.type(), is("/problems/tenders-sealed"));
        assertThat(mem.types(c.id()), hasItem("SEALED_TENDER_ACCESS_REFUSED"));
        mem.clock.set(deadline);
        EvaluationSheet sheet = f.evaluating().evaluate(BUYER, c.id(), new Evaluate(List.of(scored(A, "6"), scored(B, "5")), null, List.of()));
        assertThat(sheet.result().winner().orElseThrow(), is(A));
        CallOff awarded = f.awarding().award(BUYER, c.id(), new Awarding.Award("Best", true, null, null));
        assertThat(awarded.status(), is(CallOffStatus.AWARDED));
        assertThat(awarded.agreedValue().orElseThrow().compareTo(new BigDecimal("270000")), is(0));
        assertThat(f.readingCompetition().notices(BUYER, c.id()).items().size(), is(2));
        CallOff contracted = f.contracting().contract(BUYER, c.id(), mem.clock.instant(), mem.clock.instant());
        assertThat(contracted.status(), is(CallOffStatus.CONTRACTED));
        IllegalTransition late = assertThrows(IllegalTransition.class, () -> f.cancelling().cancel(BUYER, c.id(), "for sent"));
        assertThat(late.current(), is(CallOffStatus.CONTRACTED));
        assertThat(late.getMessage(), containsString("while the call-off is CONTRACTED"));
    }

    @Test
    void aTenderAboveTheFrameworkRateIsASubstantialDeviation() {
        CallOff c = create("300", Route.MINI_COMPETITION);
        f.publishing().publish(BUYER, c.id(), publication(mem.clock.instant().plus(Duration.ofDays(14))));
        Refusal e = assertThrows(Refusal.class, () -> submit(c.id(), A, "1000.01"));
        assertThat(e.type(), is("/problems/rate-above-framework"));
        assertThat(e.fields().get(0).pointer(), is("/rates/0/hourlyRate/amount"));
        assertThat(mem.tenders.containsKey(c.id()), is(false));
    }

    @Test
    void aDeclaredConflictNeedsItsDetail() {
        CallOff c = create("300", Route.MINI_COMPETITION);
        f.publishing().publish(BUYER, c.id(), publication(mem.clock.instant().plus(Duration.ofDays(14))));
        Refusal e = assertThrows(Refusal.class, () -> f.declaring().declare(BUYER, c.id(),
                new DeclaringConflicts.Declare("Kari", true, null, null), d -> ""));
        assertThat(e.fields().get(0).pointer(), is("/detail"));
        assertThat(f.declaring().declare(BUYER, c.id(), new DeclaringConflicts.Declare("Ola", false, null, null), d -> "").value().id(), is("d1"));
    }

    @Test
    void aCompetitionWithoutTendersClosesUnsuccessfulAtItsDeadline() {
        CallOff c = create("300", Route.MINI_COMPETITION);
        Instant deadline = mem.clock.instant().plus(Duration.ofDays(14));
        f.publishing().publish(BUYER, c.id(), publication(deadline));
        mem.clock.set(deadline);
        f.deadlines().applyAll();
        CallOff closed = f.reading().one(BUYER, c.id()).callOff();
        assertThat(closed.status(), is(CallOffStatus.UNSUCCESSFUL));
        assertThat(closed.unsuccessful().orElseThrow().reason(), is("NO_TENDERS"));
        assertThat(mem.types(c.id()), hasItems("TENDERS_OPENED", "NO_TENDERS_RECEIVED"));
    }

    @Test
    void suppliersSeeAnsweredQuestionsAndTheirOwnAndAStrangerSeesNothing() {
        CallOff c = create("300", Route.MINI_COMPETITION);
        f.publishing().publish(BUYER, c.id(), publication(mem.clock.instant().plus(Duration.ofDays(14))));
        Idempotency key = new Idempotency("k1", "hash-1");
        var first = f.asking().ask(supplier(A), c.id(), "Hvor?", key, q -> "{\"id\": \"" + q.id() + "\"}");
        var again = f.asking().ask(supplier(A), c.id(), "Hvor?", key, q -> "other");
        assertThat(again.replayedBody(), is("{\"id\": \"" + first.value().id() + "\"}"));
        f.asking().ask(supplier(B), c.id(), "Når?", null, q -> "");
        assertThat(f.readingCompetition().questions(supplier(A), c.id()).items().stream().map(q -> q.text()).toList(), contains("Hvor?"));
        assertThat(f.readingCompetition().questions(BUYER, c.id()).items().size(), is(2));
        Refusal stranger = assertThrows(Refusal.class, () -> f.reading().one(new Principal("974760673", Set.of(Role.BUYER), null), c.id()));
        assertThat(stranger.kind(), is(Refusal.Kind.NOT_FOUND));
    }

    @Test
    void aWithdrawnTenderIsNotOpenedAndAReplacedEvaluationNeedsItsVersion() {
        CallOff c = create("300", Route.MINI_COMPETITION);
        Instant deadline = mem.clock.instant().plus(Duration.ofDays(14));
        f.publishing().publish(BUYER, c.id(), publication(deadline));
        submit(c.id(), A, "900");
        submit(c.id(), B, "1000");
        TenderRead withdrawn = f.withdrawing().withdraw(supplier(B), c.id(), B);
        assertThat(withdrawn.tender().status(), is(SealedTender.WITHDRAWN));
        assertThat(withdrawn.sealed(), is(true));
        mem.clock.set(deadline);
        Refusal notOpened = assertThrows(Refusal.class, () -> f.evaluating().evaluate(BUYER, c.id(),
                new Evaluate(List.of(scored(A, "6"), scored(B, "5")), null, List.of())));
        assertThat(notOpened.fields().get(0).pointer(), is("/tenders/1/supplierOrgNo"));
        EvaluationSheet first = f.evaluating().evaluate(BUYER, c.id(), new Evaluate(List.of(scored(A, "6")), null, List.of()));
        Refusal required = assertThrows(Refusal.class, () -> f.evaluating().evaluate(BUYER, c.id(),
                new Evaluate(List.of(scored(A, "7")), null, List.of())));
        assertThat(required.kind(), is(Refusal.Kind.PRECONDITION_REQUIRED));
        Refusal stale = assertThrows(Refusal.class, () -> f.evaluating().evaluate(BUYER, c.id(),
                new Evaluate(List.of(scored(A, "7")), "\"e7\"", List.of())));
        assertThat(stale.kind(), is(Refusal.Kind.PRECONDITION_FAILED));
        // the first evaluation locked the quality scores: a replacement keeps them (it may add a rejection)
        Refusal locked = assertThrows(Refusal.class, () -> f.evaluating().evaluate(BUYER, c.id(),
                new Evaluate(List.of(scored(A, "7")), first.etag(), List.of())));
        assertThat(locked.type(), is("/problems/quality-locked"));
        assertThat(locked.fields().get(0).pointer(), is("/tenders/0/scores/0/score"));
        EvaluationSheet second = f.evaluating().evaluate(BUYER, c.id(), new Evaluate(List.of(scored(A, "6")), first.etag(), List.of()));
        assertThat(second.record().version(), is(2));
        assertThat(second.result().flags().stream().map(x -> x.code()).toList(), hasItem("SINGLE_TENDER"));
    }

    @Test
    void aCancellationNotifiesTheInvitedAndTheFileKeepsEverything() {
        CallOff c = create("300", Route.MINI_COMPETITION);
        f.publishing().publish(BUYER, c.id(), publication(mem.clock.instant().plus(Duration.ofDays(14))));
        submit(c.id(), A, "900");
        CallOff cancelled = f.cancelling().cancel(BUYER, c.id(), "Behovet falt bort");
        assertThat(cancelled.cancellation().orElseThrow().statusBefore(), is(CallOffStatus.TENDERING));
        var notices = f.readingCompetition().notices(supplier(C), c.id()).items();
        assertThat(notices.size(), is(1));
        assertThat(notices.get(0).kind(), is("CANCELLATION"));
        ProcurementFile file = f.readingCompetition().export(BUYER, c.id());
        assertThat(file.tenders().isEmpty(), is(true));  // cancelled before the deadline: never opened
        assertThat(file.notices().size(), is(3));
        assertThat(file.protocol().stream().map(e -> e.type()).toList(), hasItem("CALL_OFF_CANCELLED"));
    }

    private static Publish publication(Instant deadline) {
        return new Publish(deadline, List.of(new TermsCheck.Choice("price", new BigDecimal("0.6")),
                new TermsCheck.Choice("quality", new BigDecimal("0.4"))), PriceModel.LINEAR, Normalisation.NONE, TieBreakRule.DEFAULT_ORDER,
                null, 0, List.of(), null);
    }

    private void submit(String callOffId, String orgNo, String rate) {
        f.submitting().submit(supplier(orgNo), callOffId, orgNo, new SubmitTender(List.of(new SubmitTender.Rate("DEVELOPER",
                new BigDecimal(rate))), null, List.of(), null, List.of()));
    }

    private static Evaluate.Tender scored(String orgNo, String quality) {
        return new Evaluate.Tender(orgNo, List.of(new Evaluate.Score("quality", new BigDecimal(quality), "grunn")), null);
    }
}
