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
    public static final String QUALITY_LOCKED = "QUALITY_LOCKED";
    private final Terms terms;
    private final List<Question> questions;
    private final List<Declaration> declarations;
    private final List<EvaluatorScores> evaluatorScores;
    private final List<ExplanationRequest> explanationRequests;
    private Opening opening;
    private QualityLock qualityLock;
    private EvaluationRecord evaluation;
    private Award award;

    public Competition(Terms terms, List<Question> questions, List<Declaration> declarations, Opening opening,
                       EvaluationRecord evaluation, Award award) {
        this(terms, questions, declarations, opening, new EvaluationParts(List.of(), null, List.of()), evaluation, award);
    }

    /** The evaluation's parts besides the consensus: evaluators' own scores, the quality lock, explanation requests. */
    public record EvaluationParts(List<EvaluatorScores> evaluatorScores, QualityLock qualityLock, List<ExplanationRequest> explanationRequests) {
        public EvaluationParts {
            evaluatorScores = List.copyOf(evaluatorScores);
            explanationRequests = List.copyOf(explanationRequests);
        }
    }

    public Competition(Terms terms, List<Question> questions, List<Declaration> declarations, Opening opening,
                       EvaluationParts evaluating, EvaluationRecord evaluation, Award award) {
        this.terms = terms;
        this.questions = new ArrayList<>(questions);
        this.declarations = new ArrayList<>(declarations);
        this.opening = opening;
        this.evaluatorScores = new ArrayList<>(evaluating.evaluatorScores());
        this.explanationRequests = new ArrayList<>(evaluating.explanationRequests());
        this.evaluation = evaluation;
        this.award = award;
        // an evaluation recorded before quality locks were kept locked the quality it holds when it was recorded
        this.qualityLock = evaluating.qualityLock() != null || evaluation == null ? evaluating.qualityLock()
                : QualityLock.of(evaluation.recordedAt(), evaluation.assessments());
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
                        int voluntaryStandstillDays, DocumentedBudget documentedBudget, List<String> invited, List<Exclusion> excluded,
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

    /**
     * The buyer's budget for the call-off (NOK ex. VAT) and the instant it was documented, read from the clock when it
     * was given; a tender above it may be rejected only when it was documented no later than the invitations
     * (FOA § 24-8(2)d, E34).
     */
    public record DocumentedBudget(Money amount, Instant documentedAt) {
        /** Documented when the suppliers were invited, or before. */
        public boolean precedes(Instant invitedAt) {
            return !documentedAt.isAfter(invitedAt);
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

    /**
     * The tenders were opened at the deadline; the seed of any drawing of lots was fixed then and only its SHA-256
     * ({@code drawSeedSha256}, the commitment) is published. The seed itself is revealed only when a draw decides a
     * tie, so nobody can foresee a draw while scoring, and anyone can check SHA-256(seed) against the commitment.
     */
    public record Opening(Instant openedAt, String drawSeed, String drawSeedSha256) {
        /** An opening committing to {@code drawSeed} (null for competitions opened before seeds were kept). */
        public Opening(Instant openedAt, String drawSeed) {
            this(openedAt, drawSeed, drawSeed == null ? null : Evaluation.commitment(drawSeed));
        }
    }

    /**
     * One evaluator's own quality scores with reasons (domain rules §3.2), recorded before the consensus locks the
     * quality scores; {@code tenders} maps each scored supplier to its scores.
     */
    public record EvaluatorScores(String id, String evaluator, Instant recordedAt, String recordedBy, Map<String, List<Score>> tenders) {
        public EvaluatorScores {
            tenders = Map.copyOf(tenders);
        }
    }

    /**
     * The quality scores as locked when the consensus was first recorded; prices are shown only from then on, and a
     * locked score never changes. {@code tenders} maps a supplier to its locked scores and when they were locked (a
     * tender first scored in a later version, after an earlier rejection, is locked then).
     */
    public record QualityLock(Instant lockedAt, Map<String, Locked> tenders) {
        public QualityLock {
            tenders = Map.copyOf(tenders);
        }

        public record Locked(Instant lockedAt, List<Score> scores) {
            public Locked {
                scores = List.copyOf(scores);
            }
        }

        static QualityLock of(Instant at, List<Assessment> assessments) {
            return new QualityLock(at, Map.of()).with(at, assessments);
        }

        /** Scores of {@code next} (in its order) that differ from locked ones; locked scores never change (domain rules §3.2). */
        public List<Violation> changedIn(List<Assessment> next) {
            List<Violation> out = new ArrayList<>();
            for (int i = 0; i < next.size(); i++) {
                Assessment a = next.get(i);
                Locked locked = tenders.get(a.orgNo());
                if (a.rejection() != null || locked == null) {
                    continue;
                }
                for (int j = 0; j < a.scores().size(); j++) {
                    Score s = a.scores().get(j);
                    BigDecimal was = locked.scores().stream().filter(l -> l.criterionId().equals(s.criterionId())).map(Score::score)
                            .findFirst().orElse(null);
                    if (was != null && was.compareTo(s.score()) != 0) {
                        out.add(new Violation("/tenders/" + i + "/scores/" + j + "/score", QUALITY_LOCKED, "the quality scores were"
                                + " locked at " + locked.lockedAt() + ", before the prices were shown; '" + s.criterionId() + "' of "
                                + a.orgNo() + " stays " + was.toPlainString() + " (reject the tender with a ground instead, if one applies)"));
                    }
                }
            }
            return out;
        }

        /** The lock with the scores of tenders not locked before added, as of {@code at}. */
        public QualityLock with(Instant at, List<Assessment> assessments) {
            Map<String, Locked> out = new java.util.HashMap<>(tenders);
            assessments.stream().filter(a -> a.rejection() == null && !out.containsKey(a.orgNo()))
                    .forEach(a -> out.put(a.orgNo(), new Locked(at, a.scores())));
            return new QualityLock(lockedAt, out);
        }
    }

    /** A written request to explain an abnormally low tender, with its deadline (FOA § 24-9), and the buyer's assessment. */
    public record ExplanationRequest(String id, String supplierOrgNo, String request, Instant deadline, Instant requestedAt,
                                     String requestedBy, ExplanationAssessment assessment) {
        public boolean assessed() {
            return assessment != null;
        }

        public ExplanationRequest assessedWith(ExplanationAssessment a) {
            return new ExplanationRequest(id, supplierOrgNo, request, deadline, requestedAt, requestedBy, a);
        }
    }

    /** The buyer's assessment of the explanation: SUFFICIENT or INSUFFICIENT, why, and when the explanation came. */
    public record ExplanationAssessment(String verdict, String reason, Instant explanationReceivedAt, Instant assessedAt, String assessedBy) {
        public static final String SUFFICIENT = "SUFFICIENT";
        public static final String INSUFFICIENT = "INSUFFICIENT";

        public boolean sufficient() {
            return SUFFICIENT.equals(verdict);
        }
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

    /** Records the consensus; the first one locks the quality scores, later ones lock those of tenders scored the first time. */
    public void record(EvaluationRecord evaluation) {
        this.evaluation = evaluation;
        this.qualityLock = qualityLock == null ? QualityLock.of(evaluation.recordedAt(), evaluation.assessments())
                : qualityLock.with(evaluation.recordedAt(), evaluation.assessments());
    }

    /** The quality lock; empty while evaluators still score without seeing prices. */
    public Optional<QualityLock> qualityLock() {
        return Optional.ofNullable(qualityLock);
    }

    /** Prices are shown to the buyer's side once the quality scores are locked (domain rules §3.2). */
    public boolean pricesRevealed() {
        return qualityLock != null;
    }

    public List<EvaluatorScores> evaluatorScores() {
        return List.copyOf(evaluatorScores);
    }

    /** Records an evaluator's own scores; the same evaluator's earlier ones are replaced (and keep their id). */
    public EvaluatorScores scoreBy(String evaluator, Map<String, List<Score>> tenders, Instant at, String recordedBy) {
        for (int i = 0; i < evaluatorScores.size(); i++) {
            if (evaluatorScores.get(i).evaluator().equals(evaluator)) {
                EvaluatorScores replaced = new EvaluatorScores(evaluatorScores.get(i).id(), evaluator, at, recordedBy, tenders);
                evaluatorScores.set(i, replaced);
                return replaced;
            }
        }
        EvaluatorScores made = new EvaluatorScores("s" + (evaluatorScores.size() + 1), evaluator, at, recordedBy, tenders);
        evaluatorScores.add(made);
        return made;
    }

    public List<ExplanationRequest> explanationRequests() {
        return List.copyOf(explanationRequests);
    }

    public Optional<ExplanationRequest> explanationRequest(String id) {
        return explanationRequests.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The latest request for an explanation of the tender of {@code orgNo}. */
    public Optional<ExplanationRequest> latestExplanationRequest(String orgNo) {
        return explanationRequests.stream().filter(r -> r.supplierOrgNo().equals(orgNo)).reduce((a, b) -> b);
    }

    public ExplanationRequest requestExplanation(String orgNo, String request, Instant deadline, Instant at, String by) {
        ExplanationRequest r = new ExplanationRequest("x" + (explanationRequests.size() + 1), orgNo, request, deadline, at, by, null);
        explanationRequests.add(r);
        return r;
    }

    public ExplanationRequest assess(ExplanationRequest r, ExplanationAssessment a) {
        ExplanationRequest assessed = r.assessedWith(a);
        explanationRequests.set(explanationRequests.indexOf(r), assessed);
        return assessed;
    }

    /** The result of the recorded evaluation under the published terms (empty before one is recorded). */
    public Optional<EvaluationResult> result(String fallbackSeed) {
        return evaluation().map(e -> Evaluation.evaluate(terms.scoring(), e.assessments().stream().map(Assessment::input).toList(),
                drawSeed(fallbackSeed), terms.documentedBudget() == null ? null : terms.documentedBudget().amount().amount()));
    }

    /** What the column keeps of the evaluation besides the consensus. */
    public EvaluationParts evaluating() {
        return new EvaluationParts(evaluatorScores, qualityLock, explanationRequests);
    }

    /** The commitment to the seed: SHA-256 of it in hex, published at the opening. */
    public String drawSeedSha256(String fallback) {
        return opening != null && opening.drawSeedSha256() != null ? opening.drawSeedSha256() : Evaluation.commitment(drawSeed(fallback));
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
