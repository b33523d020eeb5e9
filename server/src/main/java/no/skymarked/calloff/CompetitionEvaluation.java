package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.CompetitionTerms;
import no.skymarked.calloff.domain.Evaluation;
import no.skymarked.calloff.domain.EvaluationInput;
import no.skymarked.calloff.domain.EvaluationResult;
import no.skymarked.shared.Json;
import no.skymarked.shared.ProblemException;

/**
 * The evaluation after the deadline (domain rules §3): scores with reasons, rejections with grounds; the server
 * computes evaluated prices, price points, totals, ranking and ties by the published terms. Also the evaluators'
 * conflict-of-interest declarations (FOA § 7-5).
 */
final class CompetitionEvaluation {
    /** Grounds for rejecting a tender (FOA §§ 24-2, 24-8, 24-9). */
    enum RejectionGround { NOT_BINDING, SUBSTANTIAL_DEVIATION, NOT_INSIGNIFICANT_DEVIATION, ABNORMALLY_LOW_EXPLANATION_INSUFFICIENT,
        ABOVE_DOCUMENTED_BUDGET, SUPPLIER_EXCLUSION_GROUND }

    private final MiniCompetitions competitions;

    CompetitionEvaluation(MiniCompetitions competitions) {
        this.competitions = competitions;
    }

    /** Records (or, with If-Match, replaces) the evaluation; answers the computed result and its ETag version. */
    JsonNode evaluate(Principal buyer, String callOffId, JsonNode body, String ifMatch) {
        return competitions.locked(callOffId, l -> {
            CompetitionState s = l.state();
            s.requireBuyer(buyer, "evaluate tenders");
            s.requireMiniCompetition();
            if ("TENDERING".equals(s.status()) || "DRAFT".equals(s.status())) {
                throw new ProblemException(409, "/problems/tenders-sealed", "Tenders sealed", "evaluation starts when the tender"
                        + " deadline has passed" + (s.deadline() == null ? "" : " (" + CallOffViews.oslo(s.deadline()) + " Europe/Oslo)"), List.of());
            }
            s.requireStatus("evaluate", "EVALUATION");
            JsonNode previous = s.competition().path("evaluation");
            int version = previous.path("version").asInt(0) + 1;
            if (version > 1) {
                if (ifMatch == null) {
                    throw new ProblemException(428, "/problems/precondition-required", "Precondition required",
                            "an evaluation exists; send If-Match with its ETag (\"e" + (version - 1) + "\") to replace it", List.of());
                }
                if (!ifMatch.equals("\"e" + (version - 1) + "\"")) {
                    throw new ProblemException(412, "/problems/precondition-failed", "Precondition failed",
                            "the evaluation is now \"e" + (version - 1) + "\"; read it again", List.of());
                }
            }
            Map<String, ObjectNode> opened = new HashMap<>();
            for (CompetitionStore.StoredTender t : competitions.store().tenders(l.tx(), callOffId)) {
                if (t.submitted()) {
                    opened.put(t.orgNo(), competitions.open(s, t, l.now()));
                }
            }
            CompetitionTerms terms = s.terms();
            List<EvaluationInput> inputs = readEvaluation(body, terms, opened, s.competition().path("documentedBudget"));
            String drawSeed = s.competition().path("drawSeed").asText(callOffId);
            EvaluationResult result = Evaluation.evaluate(terms, inputs, drawSeed);
            ObjectNode view = EvaluationViews.view(callOffId, version, l.now(), terms, body, inputs, result, drawSeed);
            boolean declared = false;
            for (JsonNode d : s.competition().path("declarations")) {
                declared |= !d.path("hasConflict").asBoolean();
            }
            if (!declared) {
                view.withArray("flags").addObject().put("code", "NO_CONFLICT_DECLARATION").put("detail", "no evaluator declared"
                        + " freedom from conflicts of interest before the evaluation (FOA § 7-5)");
            }
            ObjectNode c = s.copyOfCompetition();
            c.putObject("evaluation").put("version", version).set("view", view);
            boolean allRejected = result.ranking().isEmpty();
            if (allRejected) {
                c.putObject("unsuccessful").put("reason", "ALL_REJECTED").put("at", l.now().toString());
            }
            competitions.store().update(l.tx(), callOffId, allRejected ? "UNSUCCESSFUL" : "EVALUATION", c, s.deadline(), null, null);
            competitions.record(l.tx(), callOffId, l.now(), CallOffs.actor(buyer), "EVALUATION_RECORDED", view);
            if (allRejected) {
                competitions.record(l.tx(), callOffId, l.now(), "system", "ALL_TENDERS_REJECTED", Json.MAPPER.createObjectNode()
                        .put("detail", "every tender was rejected; the call-off is UNSUCCESSFUL"));
            }
            return MiniCompetitions.Outcome.<JsonNode>of(view);
        }).get();
    }

    JsonNode evaluation(Principal caller, String callOffId) {
        return competitions.locked(callOffId, l -> {
            CompetitionState s = l.state();
            s.requireBuyerOrAuditor(caller, "Evaluation of call-off");
            JsonNode view = s.competition() == null ? null : s.competition().path("evaluation").path("view");
            if (view == null || view.isMissingNode()) {
                throw ProblemException.notFound("Evaluation of call-off", callOffId);
            }
            return MiniCompetitions.Outcome.of(view);
        }).get();
    }

    private static List<EvaluationInput> readEvaluation(JsonNode body, CompetitionTerms terms, Map<String, ObjectNode> opened,
                                                        JsonNode budget) {
        BodyReader r = new BodyReader();
        r.only(body, "", Set.of("tenders"));
        JsonNode list = r.array(body, "", "tenders", true);
        List<EvaluationInput> inputs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> criteria = new HashSet<>();
        terms.nonPrice().forEach(c -> criteria.add(c.id()));
        for (int i = 0; list != null && i < list.size(); i++) {
            String at = "/tenders/" + i;
            JsonNode t = list.get(i);
            r.only(t, at, Set.of("supplierOrgNo", "scores", "rejection"));
            String org = r.text(t, at, "supplierOrgNo", 20, true);
            if (org == null) {
                continue;
            }
            if (!opened.containsKey(org)) {
                r.add(at + "/supplierOrgNo", "no tender from " + org + " was opened; tenders: " + opened.keySet().stream().sorted().toList());
                continue;
            }
            if (!seen.add(org)) {
                r.add(at + "/supplierOrgNo", org + " is evaluated twice");
                continue;
            }
            BigDecimal price = new BigDecimal(opened.get(org).path("evaluatedPrice").path("amount").asText());
            if (t.hasNonNull("rejection")) {
                JsonNode rej = t.path("rejection");
                r.only(rej, at + "/rejection", Set.of("ground", "reason"));
                RejectionGround ground = r.enumOf(RejectionGround.class, rej, at + "/rejection", "ground", true);
                r.text(rej, at + "/rejection", "reason", 10_000, true);
                if (ground == RejectionGround.ABOVE_DOCUMENTED_BUDGET && (budget.isMissingNode()
                        || price.compareTo(new BigDecimal(budget.path("amount").asText())) <= 0)) {
                    r.add(at + "/rejection/ground", budget.isMissingNode() ? "no budget was documented before the invitation (FOA § 24-8(2)d)"
                            : "the evaluated price NOK " + price.toPlainString() + " is within the documented budget");
                }
                inputs.add(new EvaluationInput(org, price, Map.of(), true));
                continue;
            }
            Map<String, BigDecimal> scores = new HashMap<>();
            JsonNode given = r.array(t, at, "scores", true);
            for (int j = 0; given != null && j < given.size(); j++) {
                String sat = at + "/scores/" + j;
                r.only(given.get(j), sat, Set.of("criterionId", "score", "reason"));
                String id = r.text(given.get(j), sat, "criterionId", 60, true);
                BigDecimal score = r.decimal(given.get(j), sat, "score", 2, true);
                r.text(given.get(j), sat, "reason", 10_000, true);
                if (id != null && !criteria.contains(id)) {
                    r.add(sat + "/criterionId", "'" + id + "' is not a published non-price criterion " + criteria.stream().sorted().toList()
                            + " (price points are computed from the evaluated price)");
                } else if (id != null && scores.containsKey(id)) {
                    r.add(sat + "/criterionId", "'" + id + "' is scored twice");
                } else if (id != null && score != null) {
                    if (score.signum() < 0 || score.compareTo(BigDecimal.TEN) > 0) {
                        r.add(sat + "/score", "must be from 0 to 10");
                    }
                    scores.put(id, score);
                }
            }
            if (given != null) {
                criteria.stream().filter(c -> !scores.containsKey(c)).sorted()
                        .forEach(c -> r.add(at + "/scores", "no score for '" + c + "'"));
            }
            inputs.add(new EvaluationInput(org, price, scores, false));
        }
        opened.keySet().stream().filter(o -> !seen.contains(o)).sorted()
                .forEach(o -> r.add("/tenders", "the tender of " + o + " is not evaluated (score it or reject it with grounds)"));
        r.failIfAny("/problems/invalid-evaluation", "Invalid evaluation");
        return inputs;
    }

    // ---- conflict-of-interest declarations (FOA § 7-5; M9) ----------------------------------------------------

    /** Records an evaluator's declaration; made before the evaluation, so the protocol shows who evaluated impartially. */
    JsonNode declare(Principal buyer, String callOffId, JsonNode body, CallOffs.IdempotencyKey idempotency) {
        BodyReader r = new BodyReader();
        r.only(body, "", Set.of("evaluator", "hasConflict", "detail"));
        String evaluator = r.text(body, "", "evaluator", 200, true);
        Boolean conflict = r.bool(body, "", "hasConflict", true);
        String detail = r.text(body, "", "detail", 10_000, Boolean.TRUE.equals(conflict));
        r.failIfAny("/problems/invalid-declaration", "Invalid declaration");
        return competitions.locked(callOffId, l -> MiniCompetitions.Outcome.of(competitions.once(l, buyer, idempotency, () -> {
            CompetitionState s = l.state();
            s.requireBuyer(buyer, "record conflict-of-interest declarations");
            s.requireMiniCompetition();
            s.requireStatus("record a declaration", "TENDERING", "EVALUATION");
            ObjectNode c = s.copyOfCompetition();
            ArrayNode declarations = c.withArray("declarations");
            String id = "d" + (declarations.size() + 1);
            ObjectNode d = declarations.addObject().put("id", id).put("evaluator", evaluator)
                    .put("hasConflict", conflict).put("declaredAt", l.now().toString()).put("recordedBy", CallOffs.actor(buyer));
            if (detail != null) {
                d.put("detail", detail);
            }
            competitions.store().update(l.tx(), callOffId, s.status(), c, s.deadline(), null, null);
            competitions.record(l.tx(), callOffId, l.now(), CallOffs.actor(buyer), "CONFLICT_OF_INTEREST_DECLARED", d);
            return (JsonNode) d;
        }))).get();
    }

    JsonNode declarations(Principal caller, String callOffId) {
        return competitions.locked(callOffId, l -> {
            CompetitionState s = l.state();
            s.requireBuyerOrAuditor(caller, "Call-off");
            return MiniCompetitions.Outcome.<JsonNode>of(CompetitionViews.items(s.competition() == null
                    ? Json.MAPPER.createArrayNode() : s.competition().withArray("declarations").deepCopy()));
        }).get();
    }
}
