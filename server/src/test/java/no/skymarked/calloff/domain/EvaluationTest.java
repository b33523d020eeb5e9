package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked test vectors of domain rules §3.4, ties (§3.5, E35) and the warnings of §3.7 / E36. */
class EvaluationTest {
    private static final List<EvaluationInput> ABC = List.of(
            tender("A", "1200000", "7", "6"),
            tender("B", "1000000", "5", "8"),
            tender("C", "1500000", "9", "9"));

    private static EvaluationInput tender(String org, String price, String quality, String environment) {
        return new EvaluationInput(org, new BigDecimal(price), Map.of("quality", new BigDecimal(quality),
                "environment", new BigDecimal(environment)), false);
    }

    private static CompetitionTerms terms(String p, String q, String e, PriceModel model, List<TieBreakRule> tieBreak) {
        return new CompetitionTerms(List.of(new WeightedCriterion("price", CriterionType.PRICE, new BigDecimal(p)),
                new WeightedCriterion("quality", CriterionType.QUALITY, new BigDecimal(q)),
                new WeightedCriterion("environment", CriterionType.ENVIRONMENT, new BigDecimal(e))),
                model, Normalisation.NONE, tieBreak, null);
    }

    private static String twoDp(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    @ParameterizedTest(name = "{0}/{1}/{2} {3}: A {4}, B {5}, C {6}, winner {7}")
    @CsvSource({
            "0.35, 0.35, 0.30, LINEAR,       7.05, 7.65, 7.60, B",
            "0.35, 0.35, 0.30, PROPORTIONAL, 7.17, 7.65, 8.18, C",
            "0.20, 0.50, 0.30, LINEAR,       6.90, 6.90, 8.20, C",
            "0.20, 0.50, 0.30, PROPORTIONAL, 6.97, 6.90, 8.53, C"})
    void theWorkedVectorsOfSection34(String p, String q, String e, PriceModel model, String a, String b, String c, String winner) {
        EvaluationResult r = Evaluation.evaluate(terms(p, q, e, model, TieBreakRule.DEFAULT_ORDER), ABC, "seed");
        assertThat(twoDp(r.of("A").orElseThrow().total()), is(a));
        assertThat(twoDp(r.of("B").orElseThrow().total()), is(b));
        assertThat(twoDp(r.of("C").orElseThrow().total()), is(c));
        assertThat(r.winner(), is(Optional.of(winner)));
        assertThat(r.ranking().get(0).rank(), is(1));
    }

    @Test
    void priceScoresOfSection34() {
        EvaluationResult linear = Evaluation.evaluate(terms("0.35", "0.35", "0.30", PriceModel.LINEAR, List.of()), ABC, "s");
        assertThat(linear.of("A").orElseThrow().priceScore().compareTo(new BigDecimal("8")), is(0));
        assertThat(linear.of("B").orElseThrow().priceScore().compareTo(BigDecimal.TEN), is(0));
        assertThat(linear.of("C").orElseThrow().priceScore().compareTo(new BigDecimal("5")), is(0));
        EvaluationResult proportional = Evaluation.evaluate(terms("0.35", "0.35", "0.30", PriceModel.PROPORTIONAL, List.of()), ABC, "s");
        assertThat(proportional.of("A").orElseThrow().priceScore().setScale(3, RoundingMode.HALF_UP).toPlainString(), is("8.333"));
        assertThat(proportional.of("C").orElseThrow().priceScore().setScale(3, RoundingMode.HALF_UP).toPlainString(), is("6.667"));
    }

    @Test
    void theLinearTwentyFiftyThirtyTieIsExactAndBrokenByQualityPoints() {
        EvaluationResult r = Evaluation.evaluate(terms("0.20", "0.50", "0.30", PriceModel.LINEAR, TieBreakRule.DEFAULT_ORDER), ABC, "seed");
        assertThat(r.of("A").orElseThrow().total().compareTo(r.of("B").orElseThrow().total()), is(0));
        assertThat(r.ties().size(), is(1));
        assertThat(r.ties().get(0).orgNos(), contains("A", "B"));
        assertThat(r.ties().get(0).resolvedBy(), is(TieBreakRule.HIGHER_QUALITY_POINTS));
        // quality points: A 0.5×7 + 0.3×6 = 5.3, B 0.5×5 + 0.3×8 = 4.9
        assertThat(r.ranking().stream().map(EvaluationResult.Scored::orgNo).toList(), contains("C", "A", "B"));
        assertThat(r.ranking().stream().map(EvaluationResult.Scored::rank).toList(), contains(1, 2, 3));
    }

    @Test
    void withoutTieBreakRulesTiedTendersShareTheirRankButTheWinnerStands() {
        EvaluationResult r = Evaluation.evaluate(terms("0.20", "0.50", "0.30", PriceModel.LINEAR, List.of()), ABC, "seed");
        assertThat(r.of("A").orElseThrow().rank(), is(2));
        assertThat(r.of("B").orElseThrow().rank(), is(2));
        assertThat(r.ties().get(0).resolvedBy(), nullValue());
        assertThat(r.winner(), is(Optional.of("C")));
        assertThat(r.tieUnresolvedAtTop(), is(false));
    }

    @Test
    void anUnresolvedTieForFirstPlaceLeavesNoWinner() {
        List<EvaluationInput> twins = List.of(tender("X", "1000000", "6", "6"), tender("Y", "1000000", "6", "6"));
        EvaluationResult none = Evaluation.evaluate(terms("0.35", "0.35", "0.30", PriceModel.LINEAR,
                List.of(TieBreakRule.HIGHER_QUALITY_POINTS, TieBreakRule.LOWER_PRICE)), twins, "call-off-1");
        assertThat(none.winner(), is(Optional.empty()));
        assertThat(none.tieUnresolvedAtTop(), is(true));
        EvaluationResult drawn = Evaluation.evaluate(terms("0.35", "0.35", "0.30", PriceModel.LINEAR,
                TieBreakRule.DEFAULT_ORDER), twins, "call-off-1");
        assertThat(drawn.ties().get(0).resolvedBy(), is(TieBreakRule.DRAWING_OF_LOTS));
        String expected = Evaluation.drawKey("call-off-1", "X").compareTo(Evaluation.drawKey("call-off-1", "Y")) > 0 ? "X" : "Y";
        assertThat(drawn.winner(), is(Optional.of(expected)));
        assertThat(Evaluation.evaluate(terms("0.35", "0.35", "0.30", PriceModel.LINEAR, TieBreakRule.DEFAULT_ORDER), twins,
                "call-off-1").winner(), is(drawn.winner()));
    }

    @Test
    void lowerPriceBreaksATieWhenQualityPointsAreEqual() {
        // Equal totals, equal quality: price weight 0 makes the price irrelevant to the total
        List<EvaluationInput> two = List.of(tender("P", "900000", "6", "6"), tender("Q", "800000", "6", "6"));
        CompetitionTerms noPriceWeight = new CompetitionTerms(List.of(
                new WeightedCriterion("quality", CriterionType.QUALITY, new BigDecimal("0.5")),
                new WeightedCriterion("environment", CriterionType.ENVIRONMENT, new BigDecimal("0.5"))),
                PriceModel.LINEAR, Normalisation.NONE, TieBreakRule.DEFAULT_ORDER, null);
        EvaluationResult r = Evaluation.evaluate(noPriceWeight, two, "s");
        assertThat(r.winner(), is(Optional.of("Q")));
        assertThat(r.ties().get(0).resolvedBy(), is(TieBreakRule.LOWER_PRICE));
    }

    @Test
    void tiePrecisionMakesTotalsEqualAtTheDisplayedDecimals() {
        List<EvaluationInput> near = List.of(tender("A", "1000000", "7.001", "6"), tender("B", "1000000", "7", "6"));
        CompetitionTerms full = terms("0.35", "0.35", "0.30", PriceModel.LINEAR, List.of());
        assertThat(Evaluation.evaluate(full, near, "s").winner(), is(Optional.of("A")));
        CompetitionTerms twoDecimals = new CompetitionTerms(full.criteria(), PriceModel.LINEAR, Normalisation.NONE, List.of(), 2);
        assertThat(Evaluation.evaluate(twoDecimals, near, "s").tieUnresolvedAtTop(), is(true));
    }

    @Test
    void rejectedTendersAreLeftOutAndTheBestPriceIsAmongTheCompliant() {
        List<EvaluationInput> withRejected = List.of(new EvaluationInput("B", new BigDecimal("1000000"), Map.of(), true),
                ABC.get(0), ABC.get(2));
        EvaluationResult r = Evaluation.evaluate(terms("0.35", "0.35", "0.30", PriceModel.LINEAR, List.of()), withRejected, "s");
        assertThat(r.of("B"), is(Optional.empty()));
        assertThat(r.of("A").orElseThrow().priceScore().compareTo(BigDecimal.TEN), is(0));
        assertThat(Evaluation.evaluate(terms("0.35", "0.35", "0.30", PriceModel.LINEAR, List.of()),
                List.of(new EvaluationInput("B", BigDecimal.ONE, Map.of(), true)), "s").ranking(), is(empty()));
    }

    @Test
    void aPriceMoreThanTwiceTheLowestKeepsItsNegativeLinearScore() {
        List<EvaluationInput> two = List.of(tender("LOW", "1000000", "5", "5"), tender("HIGH", "2500000", "5", "5"));
        EvaluationResult r = Evaluation.evaluate(terms("0.35", "0.35", "0.30", PriceModel.LINEAR, List.of()), two, "s");
        assertThat(r.of("HIGH").orElseThrow().priceScore().compareTo(new BigDecimal("-5")), is(0));
        assertThat(r.flags().stream().map(EvaluationResult.Flag::code).toList(), hasItem("NEGATIVE_PRICE_SCORE"));
    }

    @Test
    void normalisationGivesTheBestTenderTenOnEachCriterion() {
        CompetitionTerms normalised = new CompetitionTerms(terms("0.35", "0.35", "0.30", PriceModel.LINEAR, List.of()).criteria(),
                PriceModel.LINEAR, Normalisation.PROPORTIONAL_TO_BEST, List.of(), null);
        EvaluationResult r = Evaluation.evaluate(normalised, ABC, "s");
        assertThat(r.of("C").orElseThrow().usedScores().get("quality").compareTo(BigDecimal.TEN), is(0));
        assertThat(twoDp(r.of("A").orElseThrow().usedScores().get("quality")), is("7.78"));
        assertThat(r.of("A").orElseThrow().rawScores().get("quality").compareTo(new BigDecimal("7")), is(0));
    }

    @Test
    void singleAndAbnormallyLowTendersAreFlaggedNotRejected() {
        EvaluationResult single = Evaluation.evaluate(terms("0.35", "0.35", "0.30", PriceModel.LINEAR, List.of()), List.of(ABC.get(0)), "s");
        assertThat(single.flags().get(0).code(), is("SINGLE_TENDER"));
        assertThat(single.winner(), is(Optional.of("A")));
        List<EvaluationInput> low = List.of(tender("A", "1000000", "5", "5"), tender("B", "1100000", "5", "5"),
                tender("CHEAP", "500000", "5", "5"));
        EvaluationResult r = Evaluation.evaluate(terms("0.35", "0.35", "0.30", PriceModel.LINEAR, List.of()), low, "s");
        assertThat(r.flags().stream().filter(f -> f.code().equals("ABNORMALLY_LOW_SUSPECTED")).map(EvaluationResult.Flag::orgNo).toList(),
                contains("CHEAP"));
        assertThat(r.winner(), is(Optional.of("CHEAP")));
    }

    private static List<String> flaggedLow(EvaluationResult r) {
        return r.flags().stream().filter(f -> f.code().equals(Evaluation.ABNORMALLY_LOW_SUSPECTED)).map(EvaluationResult.Flag::orgNo).toList();
    }

    @Test
    void withTwoTendersTheLowerIsFlaggedBelowSixtyPercentOfTheOther() {
        CompetitionTerms t = terms("0.35", "0.35", "0.30", PriceModel.LINEAR, List.of());
        EvaluationResult r = Evaluation.evaluate(t, List.of(tender("DEAR", "1000000", "5", "5"), tender("CHEAP", "300000", "5", "5")), "s");
        assertThat(flaggedLow(r), contains("CHEAP"));
        assertThat(r.winner(), is(Optional.of("CHEAP")));
        // 600 000 is exactly 60 %: not below
        assertThat(flaggedLow(Evaluation.evaluate(t, List.of(tender("DEAR", "1000000", "5", "5"), tender("LOW", "600000", "5", "5")), "s")),
                is(empty()));
        assertThat(flaggedLow(Evaluation.evaluate(t, List.of(tender("DEAR", "1000000", "5", "5"), tender("LOW", "599999.99", "5", "5")), "s")),
                contains("LOW"));
    }

    @Test
    void theDocumentedBudgetIsAReferenceForOneTenderAndForMany() {
        CompetitionTerms t = terms("0.35", "0.35", "0.30", PriceModel.LINEAR, List.of());
        List<EvaluationInput> one = List.of(tender("ONLY", "500000", "5", "5"));
        assertThat(flaggedLow(Evaluation.evaluate(t, one, "s")), is(empty()));
        EvaluationResult withBudget = Evaluation.evaluate(t, one, "s", new BigDecimal("1000000"));
        assertThat(flaggedLow(withBudget), contains("ONLY"));
        assertThat(withBudget.flags().stream().map(EvaluationResult.Flag::code).toList(), hasItem("SINGLE_TENDER"));
        assertThat(flaggedLow(Evaluation.evaluate(t, one, "s", new BigDecimal("800000"))), is(empty()));
        // three close tenders, all far below the budget: each is flagged by the budget although none is by the median
        List<EvaluationInput> three = List.of(tender("A", "500000", "5", "5"), tender("B", "520000", "5", "5"), tender("C", "510000", "5", "5"));
        assertThat(flaggedLow(Evaluation.evaluate(t, three, "s")), is(empty()));
        assertThat(flaggedLow(Evaluation.evaluate(t, three, "s", new BigDecimal("1000000"))), contains("A", "B", "C"));
    }

    @Test
    void theCommitmentIsTheSha256OfTheSeedAndTheDrawKeysFollowTheSeed() {
        assertThat(Evaluation.commitment("abc"), is("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertThat(Evaluation.drawKey("abc", "X").equals(Evaluation.drawKey("abd", "X")), is(false));
    }
}
