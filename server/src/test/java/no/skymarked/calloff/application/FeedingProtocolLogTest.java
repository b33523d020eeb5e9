package no.skymarked.calloff.application;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.calloff.CallOffFeature;
import no.skymarked.calloff.domain.AwardCriterion;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.CriterionType;
import no.skymarked.calloff.domain.DeclineReason;
import no.skymarked.calloff.domain.EstimateLine;
import no.skymarked.calloff.domain.FrameworkTerms;
import no.skymarked.calloff.domain.MemberStatus;
import no.skymarked.calloff.domain.Money;
import no.skymarked.calloff.domain.Normalisation;
import no.skymarked.calloff.domain.OfferResponse;
import no.skymarked.calloff.domain.PriceModel;
import no.skymarked.calloff.domain.Route;
import no.skymarked.calloff.domain.TermsCheck;
import no.skymarked.calloff.domain.TieBreakRule;
import no.skymarked.events.FeedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The changes the protocol publishes to the feed, over in-memory ports: which events, of which type, and who may see
 * each (the buyer always; a supplier only the offers it got and what all invited suppliers are told).
 */
class FeedingProtocolLogTest {
    private static final String FW = "fw";
    private static final String A = "911111111";
    private static final String B = "922222222";
    private static final String C = "933333333";
    private static final Principal BUYER = new Principal("991825827", Set.of(Role.BUYER), null);
    private final List<FeedEvent> published = new ArrayList<>();
    private InMemoryPorts mem;
    private CallOffFeature f;

    @BeforeEach
    void setUp() {
        mem = new InMemoryPorts(Instant.parse("2026-12-01T08:00:00Z"));
        mem.frameworks.put(FW, new FrameworkTerms(FW, 1, "ACTIVE", LocalDate.parse("2026-01-01"), LocalDate.parse("2028-12-31"),
                new BigDecimal("250"), new BigDecimal("7.5"), Money.nok(new BigDecimal("1000000")), 2, 5,
                List.of(new AwardCriterion("price", CriterionType.PRICE, new BigDecimal("0.3"), new BigDecimal("0.7")),
                        new AwardCriterion("quality", CriterionType.QUALITY, new BigDecimal("0.2"), new BigDecimal("0.5"))),
                List.of(new FrameworkTerms.Lot("dev", List.of(member(A, 1), member(B, 2), member(C, 3)))),
                no.skymarked.calloff.domain.Env79Mode.REQUIREMENTS_CLEARLY_BETTER, "Miljøkrav i kravspesifikasjonen", null,
                Set.of(BUYER.orgNo())));
        mem.accessions.add(FW + "/" + BUYER.orgNo() + "/dev");
        Ports p = mem.ports();
        f = CallOffFeature.of(new Ports(p.transactions(), p.callOffs(), p.competitions(),
                new FeedingProtocolLog(p.protocol(), p.callOffs(), p.competitions(), published::addAll), p.responses(), p.ledger(),
                p.catalogue(), p.accessions(), p.seal(), p.clock()));
    }

    private static FrameworkTerms.Member member(String orgNo, int rank) {
        return new FrameworkTerms.Member(orgNo, rank, MemberStatus.ACTIVE, Map.of("DEVELOPER", Money.nok(new BigDecimal("1000"))));
    }

    private CallOff create(String hours, Route route) {
        var command = new CreateCallOff(FW, "dev", "Skjema", "Nytt skjema", List.of(new EstimateLine("DEVELOPER", new BigDecimal(hours), null)),
                route, null, route == Route.MINI_COMPETITION ? "kvalitet" : null, null, List.of(), null, null, null);
        return f.creating().create(BUYER, command, c -> c.id()).value();
    }

    private List<String> types() {
        return published.stream().map(FeedEvent::type).toList();
    }

    private FeedEvent first(String type) {
        return published.stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void aDirectAwardPublishesItsOffersEachToTheSupplierConcernedOnly() {
        CallOff c = create("100", null);
        var offerToA = mem.offers.get(c.id()).get(0).offer();
        f.answering().respond(new Principal(A, Set.of(Role.SUPPLIER), null), c.id(), offerToA.id(), OfferResponse.DECLINE, DeclineReason.NO_CAPACITY);
        var offerToB = mem.offers.get(c.id()).get(1).offer();
        f.answering().respond(new Principal(B, Set.of(Role.SUPPLIER), null), c.id(), offerToB.id(), OfferResponse.ACCEPT, null);

        assertThat(types(), contains("no.skymarked.call-off.created", "no.skymarked.call-off.offer.made",
                "no.skymarked.call-off.offer.answered", "no.skymarked.call-off.offer.made", "no.skymarked.call-off.offer.answered",
                "no.skymarked.call-off.awarded"));
        for (FeedEvent e : published) {
            assertThat(e.source(), is("/v1/call-offs"));
            assertThat(e.subject(), is(c.id()));
            assertThat(e.audience().isPublic(), is(false));
            assertThat(e.audience().buyerOrgNo(), is(BUYER.orgNo()));
            assertThat(e.data(), hasEntry("callOffId", c.id()));
        }
        assertThat("the call-off's creation is the buyer's", published.get(0).audience().suppliers(), is(empty()));
        assertThat(published.get(1).audience().suppliers(), contains(A));
        assertThat(published.get(1).data(), hasEntry("rank", 1));
        assertThat(published.get(2).audience().suppliers(), contains(A));
        assertThat(published.get(2).data(), hasEntry("decision", "DECLINE"));
        assertThat("rank 2's offer is not shown to rank 1", published.get(3).audience().suppliers(), contains(B));
        assertThat(published.get(4).data(), hasEntry("decision", "ACCEPT"));
        assertThat(published.get(5).audience().suppliers(), contains(B));
        assertThat(published.get(5).data(), hasEntry("status", "AWARDED"));
    }

    @Test
    void aMiniCompetitionTellsTheInvitedSuppliersWhatItTellsAllOfThemAndNothingSealed() {
        CallOff c = create("300", Route.MINI_COMPETITION);
        Instant deadline = mem.clock.instant().plus(Duration.ofDays(14));
        f.publishing().publish(BUYER, c.id(), new Publish(deadline, List.of(new TermsCheck.Choice("price", new BigDecimal("0.6")),
                new TermsCheck.Choice("quality", new BigDecimal("0.4"))), PriceModel.LINEAR, Normalisation.NONE, TieBreakRule.DEFAULT_ORDER,
                null, 0, List.of(), null));
        var q = f.asking().ask(new Principal(A, Set.of(Role.SUPPLIER), null), c.id(), "Hvor?", null, x -> "").value();
        f.answeringQuestion().answer(BUYER, c.id(), q.id(), "Oslo");
        f.submitting().submit(new Principal(A, Set.of(Role.SUPPLIER), null), c.id(), A, new SubmitTender(List.of(
                new SubmitTender.Rate("DEVELOPER", new BigDecimal("900"))), null, List.of(), null, List.of()));
        int beforeDeadline = published.size();
        assertThat("a tender is not a change anyone else may see", types(), not(org.hamcrest.Matchers.hasItem(
                org.hamcrest.Matchers.containsString("tender"))));
        f.cancelling().cancel(BUYER, c.id(), "behovet falt bort");

        assertThat(types().subList(0, beforeDeadline), contains("no.skymarked.call-off.created",
                "no.skymarked.call-off.competition.published", "no.skymarked.call-off.question.answered"));
        assertThat(first("no.skymarked.call-off.competition.published").audience().suppliers(), containsInAnyOrder(A, B, C));
        assertThat(first("no.skymarked.call-off.competition.published").data(), hasEntry("tenderDeadline", deadline.toString()));
        assertThat(first("no.skymarked.call-off.question.answered").audience().suppliers(), containsInAnyOrder(A, B, C));
        assertThat(first("no.skymarked.call-off.question.answered").data(), hasEntry("questionId", q.id()));
        assertThat("the answer's text stays in the API", first("no.skymarked.call-off.question.answered").data().values(),
                not(org.hamcrest.Matchers.hasItem("Oslo")));
        assertThat(first("no.skymarked.call-off.cancelled").audience().suppliers(), containsInAnyOrder(A, B, C));
        assertThat(first("no.skymarked.call-off.cancelled").data(), hasEntry("status", "CANCELLED"));
    }

    @Test
    void aLapsedOfferIsPublishedWithoutAnyoneCallingToTheSupplierWhoseOfferLapsed() {
        CallOff c = create("100", null);
        mem.clock.advance(Duration.ofDays(10));
        f.deadlines().applyAll();
        FeedEvent lapsed = first("no.skymarked.call-off.offer.lapsed");
        assertThat(lapsed.audience().suppliers(), contains(A));
        assertThat(lapsed.time(), is(mem.clock.instant()));
        assertThat(types(), org.hamcrest.Matchers.hasItem("no.skymarked.call-off.offer.made"));
        assertThat(published.stream().filter(e -> e.type().endsWith("offer.made")).map(e -> e.audience().suppliers()).toList(),
                contains(Set.of(A), Set.of(B)));
    }

    @Test
    void theOpeningTheAwardAndTheContractArePublished() {
        CallOff c = create("300", Route.MINI_COMPETITION);
        Instant deadline = mem.clock.instant().plus(Duration.ofDays(14));
        f.publishing().publish(BUYER, c.id(), new Publish(deadline, List.of(new TermsCheck.Choice("price", new BigDecimal("0.6")),
                new TermsCheck.Choice("quality", new BigDecimal("0.4"))), PriceModel.LINEAR, Normalisation.NONE, TieBreakRule.DEFAULT_ORDER,
                null, 0, List.of(), null));
        for (String orgNo : List.of(A, B)) {
            f.submitting().submit(new Principal(orgNo, Set.of(Role.SUPPLIER), null), c.id(), orgNo, new SubmitTender(List.of(
                    new SubmitTender.Rate("DEVELOPER", new BigDecimal(orgNo.equals(A) ? "900" : "1000"))), null, List.of(), null, List.of()));
        }
        mem.clock.set(deadline);
        f.evaluating().evaluate(BUYER, c.id(), new Evaluate(List.of(
                new Evaluate.Tender(A, List.of(new Evaluate.Score("quality", new BigDecimal("6"), "grunn")), null),
                new Evaluate.Tender(B, List.of(new Evaluate.Score("quality", new BigDecimal("5"), "grunn")), null)), null, List.of()));
        f.awarding().award(BUYER, c.id(), new Awarding.Award("Best", true, null, null));
        f.contracting().contract(BUYER, c.id(), mem.clock.instant(), mem.clock.instant());

        assertThat(first("no.skymarked.call-off.tenders.opened").audience().suppliers(), containsInAnyOrder(A, B, C));
        FeedEvent awarded = first("no.skymarked.call-off.awarded");
        assertThat(awarded.data(), hasEntry("supplierOrgNo", A));
        assertThat(awarded.audience().suppliers(), containsInAnyOrder(A, B, C));
        FeedEvent contract = first("no.skymarked.call-off.contract.concluded");
        assertThat("the contract is the buyer's and the winner's", contract.audience().suppliers(), contains(A));
        assertThat(contract.data(), hasEntry("status", "CONTRACTED"));
        assertThat("no tender price reaches the feed", published.stream().flatMap(e -> e.data().values().stream()).map(String::valueOf)
                .toList(), not(org.hamcrest.Matchers.hasItem("900")));
    }
}
