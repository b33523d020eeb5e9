package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mini-competition (FOA § 26-3(4)) as published and decided: the terms fixed at publication with the invited and
 * excluded suppliers and the confidential rate ceilings, questions and answers, evaluators' declarations, the
 * opening, the evaluation and the award. Tenders are kept sealed beside it, not in it.
 */
public final class Competition {
    private final Terms terms;
    private final List<Question> questions;
    private final List<Declaration> declarations;
    private Opening opening;
    private EvaluationRecord evaluation;
    private Award award;

    public Competition(Terms terms, List<Question> questions, List<Declaration> declarations, Opening opening,
                       EvaluationRecord evaluation, Award award) {
        this.terms = terms;
        this.questions = new ArrayList<>(questions);
        this.declarations = new ArrayList<>(declarations);
        this.opening = opening;
        this.evaluation = evaluation;
        this.award = award;
    }

    public static Competition published(Terms terms) {
        return new Competition(terms, List.of(), List.of(), null, null, null);
    }

    /** Why a supplier of the lot is not invited (M1), or SUPPLIER_SUSPENDED / SUPPLIER_TERMINATED. */
    public record Exclusion(String orgNo, String reason, String detail) {
    }

    /**
     * The terms fixed at publication. {@code rateCeilings} are the framework's rates of each invited supplier at that
     * moment, by role: confidential, never shown, and what a tender may not exceed (E32).
     */
    public record Terms(Instant publishedAt, Instant tenderDeadline, List<WeightedCriterion> criteria, PriceModel priceModel,
                        Normalisation normalisation, List<TieBreakRule> tieBreak, Integer tiePrecisionDecimals,
                        int voluntaryStandstillDays, Money documentedBudget, List<String> invited, List<Exclusion> excluded,
                        Map<String, Map<String, BigDecimal>> rateCeilings, int frameworkVersion) {
        public Terms {
            criteria = List.copyOf(criteria);
            tieBreak = List.copyOf(tieBreak);
            invited = List.copyOf(invited);
            excluded = List.copyOf(excluded);
            rateCeilings = Map.copyOf(rateCeilings);
        }

        public CompetitionTerms scoring() {
            return new CompetitionTerms(criteria, priceModel, normalisation, tieBreak, tiePrecisionDecimals);
        }
    }

    /** A supplier's question and, once given, the buyer's answer (seen by every invited supplier). */
    public record Question(String id, String askedBy, String text, Instant askedAt, String answer, Instant answeredAt) {
        public boolean answered() {
            return answer != null;
        }

        public Question answeredWith(String text, Instant at) {
            return new Question(id, askedBy, this.text, askedAt, text, at);
        }
    }

    /** An evaluator's conflict-of-interest declaration (FOA § 7-5). */
    public record Declaration(String id, String evaluator, boolean hasConflict, String detail, Instant declaredAt, String recordedBy) {
    }

    /** The tenders were opened at the deadline; the seed of any drawing of lots was fixed then. */
    public record Opening(Instant openedAt, String drawSeed) {
    }

    /** A score with the evaluator's reason. */
    public record Score(String criterionId, BigDecimal score, String reason) {
    }

    /** A rejection with its ground (FOA §§ 24-2, 24-8, 24-9) and reason. */
    public record Rejection(String ground, String reason) {
    }

    /** The buyer's assessment of one opened tender: scores, or a rejection; the evaluated price is the tender's. */
    public record Assessment(String orgNo, BigDecimal evaluatedPrice, List<Score> scores, Rejection rejection) {
        public Assessment {
            scores = List.copyOf(scores);
        }

        public EvaluationInput input() {
            Map<String, BigDecimal> byCriterion = new java.util.HashMap<>();
            scores.forEach(s -> byCriterion.put(s.criterionId(), s.score()));
            return new EvaluationInput(orgNo, evaluatedPrice, byCriterion, rejection != null);
        }
    }

    /**
     * A recorded evaluation (replaced only with If-Match of its version). The computed result follows from the
     * assessments, the published terms and the draw seed, so it is computed, not stored.
     */
    public record EvaluationRecord(int version, Instant recordedAt, List<Assessment> assessments, boolean conflictDeclared) {
        public EvaluationRecord {
            assessments = List.copyOf(assessments);
        }

        public Optional<Assessment> of(String orgNo) {
            return assessments.stream().filter(a -> a.orgNo().equals(orgNo)).findFirst();
        }
    }

    /** The award decision (FOA § 25-1) with the standstill, if any. */
    public record Award(String winnerOrgNo, String winnerName, Instant decidedAt, String decidedBy, String reasons,
                        int standstillDays, Money agreedValue, Instant standstillEndsAt, String abnormallyLowClarification,
                        TieDecision tieDecision) {
    }

    /** How the buyer broke a tie for first place that the published rules left open. */
    public record TieDecision(String winnerOrgNo, String reason) {
    }

    public Terms terms() {
        return terms;
    }

    public List<Question> questions() {
        return List.copyOf(questions);
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public Question ask(String askedBy, String text, Instant at) {
        Question q = new Question("q" + (questions.size() + 1), askedBy, text, at, null, null);
        questions.add(q);
        return q;
    }

    public Question answer(Question q, String text, Instant at) {
        Question answered = q.answeredWith(text, at);
        questions.set(questions.indexOf(q), answered);
        return answered;
    }

    public List<Declaration> declarations() {
        return List.copyOf(declarations);
    }

    public Declaration declare(String evaluator, boolean hasConflict, String detail, Instant at, String recordedBy) {
        Declaration d = new Declaration("d" + (declarations.size() + 1), evaluator, hasConflict, detail, at, recordedBy);
        declarations.add(d);
        return d;
    }

    /** At least one evaluator declared freedom from conflicts of interest. */
    public boolean conflictFreedomDeclared() {
        return declarations.stream().anyMatch(d -> !d.hasConflict());
    }

    public Optional<Opening> opening() {
        return Optional.ofNullable(opening);
    }

    public void open(Opening opening) {
        this.opening = opening;
    }

    public Optional<EvaluationRecord> evaluation() {
        return Optional.ofNullable(evaluation);
    }

    public void record(EvaluationRecord evaluation) {
        this.evaluation = evaluation;
    }

    /** The result of the recorded evaluation under the published terms (empty before one is recorded). */
    public Optional<EvaluationResult> result(String fallbackSeed) {
        return evaluation().map(e -> Evaluation.evaluate(terms.scoring(), e.assessments().stream().map(Assessment::input).toList(),
                drawSeed(fallbackSeed)));
    }

    /** The seed fixed at the opening ({@code fallback}, the call-off id, for competitions opened before seeds were kept). */
    public String drawSeed(String fallback) {
        return opening == null || opening.drawSeed() == null ? fallback : opening.drawSeed();
    }

    public Optional<Award> award() {
        return Optional.ofNullable(award);
    }

    public void decide(Award award) {
        this.award = award;
    }

    /** The framework rates of one invited supplier as fixed at publication. */
    public Map<String, BigDecimal> ceilingOf(String orgNo) {
        return terms.rateCeilings().getOrDefault(orgNo, Map.of());
    }

    public boolean invited(String orgNo) {
        return terms.invited().contains(orgNo);
    }
}
