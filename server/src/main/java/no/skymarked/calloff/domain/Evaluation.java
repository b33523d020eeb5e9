package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Scores and ranks the compliant tenders of a mini-competition under its published terms (domain rules §3.2–§3.6):
 * price points from the evaluated price by the published model, non-price scores as given or normalised,
 * weighted totals in {@link BigDecimal} without intermediate rounding, and ties broken by the published rules.
 */
public final class Evaluation {
    /** Totals compare at this scale when the terms set no tie precision ("full precision"). */
    public static final int FULL_PRECISION_SCALE = 20;
    /**
     * A tender below this share of its reference is flagged for a written explanation (§3.7, E33): with three or more
     * compliant tenders the median evaluated price, with two the other tender's, and with a documented budget (any
     * number of tenders, one included) the budget.
     */
    public static final BigDecimal ABNORMALLY_LOW_SHARE = new BigDecimal("0.6");
    public static final String ABNORMALLY_LOW_SUSPECTED = "ABNORMALLY_LOW_SUSPECTED";

    private Evaluation() {
    }

    /**
     * @param drawSeed seeds {@link TieBreakRule#DRAWING_OF_LOTS} (random, fixed when the tenders were opened, only its
     *                 SHA-256 published until a draw decides), so the draw can be repeated and checked by anyone once
     *                 revealed but not foreseen while scoring
     */
    public static EvaluationResult evaluate(CompetitionTerms terms, List<EvaluationInput> tenders, String drawSeed) {
        return evaluate(terms, tenders, drawSeed, null);
    }

    /** @param documentedBudget the documented budget (NOK ex. VAT), or null: a further reference for abnormally low prices */
    public static EvaluationResult evaluate(CompetitionTerms terms, List<EvaluationInput> tenders, String drawSeed,
                                            BigDecimal documentedBudget) {
        List<EvaluationInput> compliant = tenders.stream().filter(t -> !t.rejected()).toList();
        for (EvaluationInput t : compliant) {
            for (WeightedCriterion c : terms.nonPrice()) {
                if (t.scores().get(c.id()) == null) {
                    throw new IllegalArgumentException("tender of " + t.orgNo() + " has no score for '" + c.id() + "'");
                }
            }
        }
        List<EvaluationResult.Flag> flags = new ArrayList<>();
        if (compliant.isEmpty()) {
            return new EvaluationResult(List.of(), List.of(), Optional.empty(), false, flags);
        }
        BigDecimal pb = compliant.stream().map(EvaluationInput::evaluatedPrice).min(Comparator.naturalOrder()).orElseThrow();
        Map<String, BigDecimal> best = new LinkedHashMap<>();
        for (WeightedCriterion c : terms.nonPrice()) {
            best.put(c.id(), compliant.stream().map(t -> t.scores().get(c.id())).max(Comparator.naturalOrder()).orElseThrow());
        }
        BigDecimal priceWeight = terms.price().map(WeightedCriterion::weight).orElse(BigDecimal.ZERO);
        List<EvaluationResult.Scored> scored = new ArrayList<>();
        for (EvaluationInput t : compliant) {
            BigDecimal priceScore = terms.price().isPresent() ? terms.priceModel().score(t.evaluatedPrice(), pb) : BigDecimal.ZERO;
            Map<String, BigDecimal> used = new LinkedHashMap<>();
            BigDecimal quality = BigDecimal.ZERO;
            BigDecimal environment = BigDecimal.ZERO;
            for (WeightedCriterion c : terms.nonPrice()) {
                BigDecimal raw = t.scores().get(c.id());
                BigDecimal s = terms.normalisation() == Normalisation.PROPORTIONAL_TO_BEST
                        ? (best.get(c.id()).signum() == 0 ? BigDecimal.ZERO
                                : raw.multiply(BigDecimal.TEN).divide(best.get(c.id()), PriceModel.PRECISION))
                        : raw;
                used.put(c.id(), s);
                quality = quality.add(c.weight().multiply(s));
                if (c.type() == CriterionType.ENVIRONMENT) {
                    environment = environment.add(s);
                }
            }
            BigDecimal total = priceWeight.multiply(priceScore).add(quality);
            scored.add(new EvaluationResult.Scored(t.orgNo(), t.evaluatedPrice(), priceScore, t.scores(), used, total,
                    quality, environment, 0));
            if (priceScore.signum() < 0) {
                flags.add(new EvaluationResult.Flag("NEGATIVE_PRICE_SCORE", t.orgNo(), "the evaluated price is more than"
                        + " twice the lowest; the negative price score is kept (KOFA 2015/60)"));
            }
        }
        flagAbnormallyLow(compliant, documentedBudget, flags);
        if (compliant.size() == 1) {
            flags.add(new EvaluationResult.Flag("SINGLE_TENDER", compliant.get(0).orgNo(), "only one compliant tender"));
        }
        return rank(terms, scored, drawSeed, flags);
    }

    private static EvaluationResult rank(CompetitionTerms terms, List<EvaluationResult.Scored> scored, String drawSeed,
                                         List<EvaluationResult.Flag> flags) {
        Function<EvaluationResult.Scored, BigDecimal> key = s -> terms.tiePrecisionDecimals() == null
                ? s.total().setScale(FULL_PRECISION_SCALE, RoundingMode.HALF_UP)
                : s.total().setScale(terms.tiePrecisionDecimals(), RoundingMode.HALF_UP);
        List<List<EvaluationResult.Scored>> groups = groupBy(scored, key, true);
        List<EvaluationResult.Tie> ties = new ArrayList<>();
        List<List<EvaluationResult.Scored>> resolved = new ArrayList<>();
        for (List<EvaluationResult.Scored> group : groups) {
            if (group.size() == 1) {
                resolved.add(group);
                continue;
            }
            List<List<EvaluationResult.Scored>> parts = List.of(group);
            TieBreakRule resolvedBy = null;
            for (TieBreakRule rule : terms.tieBreak()) {
                List<List<EvaluationResult.Scored>> next = new ArrayList<>();
                for (List<EvaluationResult.Scored> part : parts) {
                    next.addAll(part.size() == 1 ? List.of(part) : split(rule, part, drawSeed));
                }
                if (next.size() > parts.size() && next.stream().allMatch(p -> p.size() == 1)) {
                    resolvedBy = rule;
                }
                parts = next;
                if (parts.stream().allMatch(p -> p.size() == 1)) {
                    break;
                }
            }
            ties.add(new EvaluationResult.Tie(group.stream().map(EvaluationResult.Scored::orgNo).toList(),
                    group.get(0).total(), parts.stream().allMatch(p -> p.size() == 1) ? resolvedBy : null));
            resolved.addAll(parts);
        }
        List<EvaluationResult.Scored> ranking = new ArrayList<>();
        int position = 1;
        for (List<EvaluationResult.Scored> group : resolved) {
            for (EvaluationResult.Scored s : group) {
                ranking.add(new EvaluationResult.Scored(s.orgNo(), s.evaluatedPrice(), s.priceScore(), s.rawScores(),
                        s.usedScores(), s.total(), s.qualityPoints(), s.environmentScore(), position));
            }
            position += group.size();
        }
        boolean unresolvedTop = resolved.get(0).size() > 1;
        Optional<String> winner = unresolvedTop ? Optional.empty() : Optional.of(resolved.get(0).get(0).orgNo());
        return new EvaluationResult(ranking, ties, winner, unresolvedTop, flags);
    }

    private static List<List<EvaluationResult.Scored>> split(TieBreakRule rule, List<EvaluationResult.Scored> part, String seed) {
        return switch (rule) {
            case HIGHER_QUALITY_POINTS -> groupBy(part, s -> s.qualityPoints().setScale(FULL_PRECISION_SCALE, RoundingMode.HALF_UP), true);
            case LOWER_PRICE -> groupBy(part, EvaluationResult.Scored::evaluatedPrice, false);
            case HIGHER_ENVIRONMENT_SCORE -> groupBy(part, s -> s.environmentScore().setScale(FULL_PRECISION_SCALE, RoundingMode.HALF_UP), true);
            case DRAWING_OF_LOTS -> groupBy(part, s -> new BigDecimal(new java.math.BigInteger(1, sha256(seed + ":" + s.orgNo()))), true);
        };
    }

    /** Groups of equal key, ordered by key (descending when {@code highFirst}); stable by organisation number inside. */
    private static <K extends Comparable<K>> List<List<EvaluationResult.Scored>> groupBy(List<EvaluationResult.Scored> items,
            Function<EvaluationResult.Scored, K> key, boolean highFirst) {
        Comparator<K> order = highFirst ? Comparator.<K>reverseOrder() : Comparator.<K>naturalOrder();
        List<EvaluationResult.Scored> sorted = items.stream()
                .sorted(Comparator.comparing(key, order).thenComparing(EvaluationResult.Scored::orgNo)).toList();
        List<List<EvaluationResult.Scored>> groups = new ArrayList<>();
        K previous = null;
        for (EvaluationResult.Scored s : sorted) {
            K k = key.apply(s);
            if (previous == null || k.compareTo(previous) != 0) {
                groups.add(new ArrayList<>());
            }
            groups.getLast().add(s);
            previous = k;
        }
        return groups;
    }

    private static void flagAbnormallyLow(List<EvaluationInput> compliant, BigDecimal budget, List<EvaluationResult.Flag> flags) {
        List<BigDecimal> prices = compliant.stream().map(EvaluationInput::evaluatedPrice).sorted().toList();
        int n = prices.size();
        BigDecimal median = n < 3 ? null : n % 2 == 1 ? prices.get(n / 2)
                : prices.get(n / 2 - 1).add(prices.get(n / 2)).divide(BigDecimal.TWO, PriceModel.PRECISION);
        for (EvaluationInput t : compliant) {
            List<String> below = new ArrayList<>();
            if (median != null && isBelow(t.evaluatedPrice(), median)) {
                below.add("60 % of the median " + nok(median));
            }
            if (n == 2) {
                BigDecimal other = compliant.stream().filter(o -> o != t).findFirst().orElseThrow().evaluatedPrice();
                if (isBelow(t.evaluatedPrice(), other)) {
                    below.add("60 % of the other tender's " + nok(other));
                }
            }
            if (budget != null && isBelow(t.evaluatedPrice(), budget)) {
                below.add("60 % of the documented budget " + nok(budget));
            }
            if (!below.isEmpty()) {
                flags.add(new EvaluationResult.Flag(ABNORMALLY_LOW_SUSPECTED, t.orgNo(), "evaluated price " + nok(t.evaluatedPrice())
                        + " below " + String.join(" and ", below) + ": request a written explanation with a deadline"
                        + " (FOA § 24-9); it is never rejected automatically"));
            }
        }
    }

    private static boolean isBelow(BigDecimal price, BigDecimal reference) {
        return price.compareTo(reference.multiply(ABNORMALLY_LOW_SHARE)) < 0;
    }

    private static String nok(BigDecimal amount) {
        return "NOK " + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The commitment to a draw seed: SHA-256 of its UTF-8 text, in hex; published before the seed is revealed. */
    public static String commitment(String seed) {
        return HexFormat.of().formatHex(sha256(seed));
    }

    /** Hex of the draw key of {@code orgNo}, for the protocol. */
    public static String drawKey(String seed, String orgNo) {
        return HexFormat.of().formatHex(sha256(seed + ":" + orgNo));
    }
}
