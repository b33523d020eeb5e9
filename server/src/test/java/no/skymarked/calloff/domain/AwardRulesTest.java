package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** E37 (evidence), E35 (documented tie decision), E33 (explanation of abnormally low tenders), E34 (documented budget), E38 (two signatures). */
class AwardRulesTest {
    private static String code(AwardRules.Decision d) {
        return ((AwardRules.Refused) d).violation().code();
    }

    @Test
    void theBestTenderWinsOnceTheEvidenceIsIn() {
        assertThat(code(AwardRules.award(false, "C", List.of(), null, Set.of(), Set.of(), Set.of())), is(AwardRules.EVIDENCE_PENDING));
        assertThat(AwardRules.award(true, "C", List.of(), null, Set.of(), Set.of(), Set.of()), is(new AwardRules.Winner("C")));
        assertThat(code(AwardRules.award(true, "C", List.of(), "A", Set.of(), Set.of(), Set.of())), is(AwardRules.INVALID_AWARD));
    }

    @Test
    void aTieForFirstNeedsADocumentedChoiceAmongTheTied() {
        assertThat(code(AwardRules.award(true, null, List.of("A", "B"), null, Set.of(), Set.of(), Set.of())), is(AwardRules.TIE_UNRESOLVED));
        assertThat(code(AwardRules.award(true, null, List.of("A", "B"), "C", Set.of(), Set.of(), Set.of())), is(AwardRules.TIE_UNRESOLVED));
        assertThat(AwardRules.award(true, null, List.of("A", "B"), "B", Set.of(), Set.of(), Set.of()), is(new AwardRules.Winner("B")));
    }

    @Test
    void anAbnormallyLowWinnerNeedsARequestedExplanationFoundSufficientButIsNotRejected() {
        assertThat(code(AwardRules.award(true, "C", List.of(), null, Set.of("C"), Set.of(), Set.of())), is(AwardRules.CLARIFICATION_REQUIRED));
        // asked, but the explanation is not (yet) found sufficient
        assertThat(code(AwardRules.award(true, "C", List.of(), null, Set.of("C"), Set.of("C"), Set.of())), is(AwardRules.CLARIFICATION_REQUIRED));
        assertThat(AwardRules.award(true, "C", List.of(), null, Set.of("C"), Set.of("C"), Set.of("C")), instanceOf(AwardRules.Winner.class));
    }

    @Test
    void everyFlaggedTenderMustHaveBeenAskedToExplainBeforeTheAward() {
        assertThat(code(AwardRules.award(true, "C", List.of(), null, Set.of("A"), Set.of(), Set.of())), is(AwardRules.EXPLANATION_NOT_REQUESTED));
        assertThat(AwardRules.award(true, "C", List.of(), null, Set.of("A"), Set.of("A"), Set.of()), instanceOf(AwardRules.Winner.class));
    }

    @Test
    void aRejectionAsAbnormallyLowNeedsARequestWhoseDeadlinePassedOrAnInsufficientAssessment() {
        Instant asked = Instant.parse("2026-12-15T09:00:00Z");
        Instant deadline = Instant.parse("2026-12-18T11:00:00Z");
        var request = new Competition.ExplanationRequest("x1", "C", "Forklar timeprisen", deadline, asked, "buyer", null);
        assertThat(AwardRules.abnormallyLowRejection("/p", "C", null, deadline.plusSeconds(1)).map(Violation::code),
                is(Optional.of(AwardRules.EXPLANATION_NOT_REQUESTED)));
        assertThat(AwardRules.abnormallyLowRejection("/p", "C", request, deadline.minusSeconds(1)).map(Violation::code),
                is(Optional.of(AwardRules.EXPLANATION_PENDING)));
        assertThat(AwardRules.abnormallyLowRejection("/p", "C", request, deadline), is(Optional.empty()));
        var insufficient = request.assessedWith(new Competition.ExplanationAssessment("INSUFFICIENT", "Dekker ikke lønnskostnadene",
                asked.plusSeconds(3600), asked.plusSeconds(7200), "buyer"));
        assertThat(AwardRules.abnormallyLowRejection("/p", "C", insufficient, asked.plusSeconds(7200)), is(Optional.empty()));
        var sufficient = request.assessedWith(new Competition.ExplanationAssessment("SUFFICIENT", "Godt dokumentert",
                asked.plusSeconds(3600), asked.plusSeconds(7200), "buyer"));
        assertThat(AwardRules.abnormallyLowRejection("/p", "C", sufficient, deadline.plusSeconds(1)).map(Violation::code),
                is(Optional.of(AwardRules.EXPLANATION_SUFFICIENT)));
    }

    @Test
    void aRejectionAboveTheBudgetNeedsABudgetDocumentedNoLaterThanTheInvitationAndExceeded() {
        Instant invited = Instant.parse("2026-12-01T08:00:00Z");
        var budget = new Competition.DocumentedBudget(Money.nok(new BigDecimal("1300000")), invited);
        assertThat(AwardRules.aboveBudgetRejection("/p", new BigDecimal("1500000"), null, invited).map(Violation::code),
                is(Optional.of(AwardRules.NO_DOCUMENTED_BUDGET)));
        assertThat(AwardRules.aboveBudgetRejection("/p", new BigDecimal("1500000"), budget, invited), is(Optional.empty()));
        assertThat(AwardRules.aboveBudgetRejection("/p", new BigDecimal("1300000"), budget, invited).map(Violation::code),
                is(Optional.of(AwardRules.WITHIN_DOCUMENTED_BUDGET)));
        var late = new Competition.DocumentedBudget(budget.amount(), invited.plusSeconds(1));
        assertThat(AwardRules.aboveBudgetRejection("/p", new BigDecimal("1500000"), late, invited).map(Violation::code),
                is(Optional.of(AwardRules.NO_DOCUMENTED_BUDGET)));
    }

    @Test
    void aContractNeedsBothSignaturesAfterTheAwardAndTheStandstill() {
        Instant decided = Instant.parse("2026-12-16T09:00:00Z");
        Instant end = Instant.parse("2026-12-21T23:00:00Z");
        Instant now = Instant.parse("2026-12-23T09:00:00Z");
        Instant signed = Instant.parse("2026-12-22T10:00:00Z");
        assertThat(AwardRules.contract(signed, null, now, decided, end).map(Violation::code), is(Optional.of(AwardRules.SIGNATURE_MISSING)));
        assertThat(AwardRules.contract(signed, now.plusSeconds(1), now, decided, end).map(Violation::code),
                is(Optional.of(AwardRules.INVALID_CONTRACT)));
        assertThat(AwardRules.contract(decided.minusSeconds(1), signed, now, decided, end).map(Violation::pointer),
                is(Optional.of("/buyerSignedAt")));
        assertThat(AwardRules.contract(decided, end.minusSeconds(1), now, decided, end).map(Violation::code),
                is(Optional.of(AwardRules.STANDSTILL_RUNNING)));
        assertThat(AwardRules.contract(decided, end, now, decided, end), is(Optional.empty()));
        assertThat(AwardRules.contract(decided, decided, now, decided, null), is(Optional.empty()));
    }
}
