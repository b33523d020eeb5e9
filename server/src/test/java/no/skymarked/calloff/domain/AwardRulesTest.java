package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** E37 (evidence), E35 (documented tie decision), E33 (clarification of an abnormally low winner), E38 (two signatures). */
class AwardRulesTest {
    private static String code(AwardRules.Decision d) {
        return ((AwardRules.Refused) d).violation().code();
    }

    @Test
    void theBestTenderWinsOnceTheEvidenceIsIn() {
        assertThat(code(AwardRules.award(false, "C", List.of(), null, Set.of(), false)), is(AwardRules.EVIDENCE_PENDING));
        assertThat(AwardRules.award(true, "C", List.of(), null, Set.of(), false), is(new AwardRules.Winner("C")));
        assertThat(code(AwardRules.award(true, "C", List.of(), "A", Set.of(), false)), is(AwardRules.INVALID_AWARD));
    }

    @Test
    void aTieForFirstNeedsADocumentedChoiceAmongTheTied() {
        assertThat(code(AwardRules.award(true, null, List.of("A", "B"), null, Set.of(), false)), is(AwardRules.TIE_UNRESOLVED));
        assertThat(code(AwardRules.award(true, null, List.of("A", "B"), "C", Set.of(), false)), is(AwardRules.TIE_UNRESOLVED));
        assertThat(AwardRules.award(true, null, List.of("A", "B"), "B", Set.of(), false), is(new AwardRules.Winner("B")));
    }

    @Test
    void anAbnormallyLowWinnerNeedsAClarificationButIsNotRejected() {
        assertThat(code(AwardRules.award(true, "C", List.of(), null, Set.of("C"), false)), is(AwardRules.CLARIFICATION_REQUIRED));
        assertThat(AwardRules.award(true, "C", List.of(), null, Set.of("C"), true), instanceOf(AwardRules.Winner.class));
        assertThat(AwardRules.award(true, "C", List.of(), null, Set.of("A"), false), instanceOf(AwardRules.Winner.class));
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
