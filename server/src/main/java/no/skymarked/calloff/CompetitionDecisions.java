package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
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
import no.skymarked.calloff.domain.Sealing;
import no.skymarked.calloff.domain.WeightedCriterion;
import no.skymarked.shared.Bodies;
import no.skymarked.shared.Json;
import no.skymarked.shared.ProblemException;

/**
 * After the deadline: the evaluation (scores with reasons, rejections with grounds; the server computes price
 * points, totals, ranking and ties by the published terms), the award with notices to every tenderer, the
 * contract, and cancellation at any time before the contract.
 */
final class CompetitionDecisions {
    /** Grounds for rejecting a tender (FOA §§ 24-2, 24-8, 24-9). */
    enum RejectionGround { NOT_BINDING, SUBSTANTIAL_DEVIATION, NOT_INSIGNIFICANT_DEVIATION, ABNORMALLY_LOW_EXPLANATION_INSUFFICIENT,
        ABOVE_DOCUMENTED_BUDGET, SUPPLIER_EXCLUSION_GROUND }

    private final MiniCompetitions competitions;

    CompetitionDecisions(MiniCompetitions competitions) {
        this.competitions = competitions;
    }

    // ---- evaluation ----------------------------------------------------------------------------------------

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

    // ---- award, contract, cancellation ----------------------------------------------------------------------

    JsonNode award(Principal buyer, String callOffId, JsonNode body) {
        BodyReader r = new BodyReader();
        r.only(body, "", Set.of("reasons", "evidenceReceived", "tieDecision", "abnormallyLowClarification"));
        String reasons = r.text(body, "", "reasons", 10_000, true);
        String clarification = r.text(body, "", "abnormallyLowClarification", 10_000, false);
        Boolean evidence = r.bool(body, "", "evidenceReceived", false);
        JsonNode tie = body.path("tieDecision");
        String tieWinner = null;
        String tieReason = null;
        if (!tie.isMissingNode() && !tie.isNull()) {
            r.only(tie, "/tieDecision", Set.of("winnerOrgNo", "reason"));
            tieWinner = r.text(tie, "/tieDecision", "winnerOrgNo", 20, true);
            tieReason = r.text(tie, "/tieDecision", "reason", 10_000, true);
        }
        r.failIfAny("/problems/invalid-award", "Invalid award");
        String decidedWinner = tieWinner;
        String decidedReason = tieReason;
        return competitions.locked(callOffId, l -> {
            CompetitionState s = l.state();
            s.requireBuyer(buyer, "award");
            s.requireMiniCompetition();
            s.requireStatus("award", "EVALUATION");
            JsonNode view = s.competition().path("evaluation").path("view");
            if (view.isMissingNode()) {
                throw new ProblemException(409, "/problems/evaluation-missing", "No evaluation", "record the evaluation before the award", List.of());
            }
            if (!Boolean.TRUE.equals(evidence)) {
                throw Bodies.invalid("/problems/evidence-pending", "/evidenceReceived", "updated documentation evidence (tax"
                        + " certificate and the like) from the selected supplier is required before the award (FOA § 17-1(5));"
                        + " send evidenceReceived: true once it is in");
            }
            List<String> tied = new ArrayList<>();
            view.path("tieForFirst").forEach(o -> tied.add(o.asText()));
            String winner;
            if (!tied.isEmpty()) {
                if (decidedWinner == null || !tied.contains(decidedWinner)) {
                    throw Bodies.invalid("/problems/tie-unresolved", "/tieDecision", "the published tie-break rules leave " + tied
                            + " tied for first place; give tieDecision {winnerOrgNo, reason} naming one of them (documented decision, E35)");
                }
                winner = decidedWinner;
            } else {
                if (decidedWinner != null) {
                    throw Bodies.invalid("/problems/invalid-award", "/tieDecision", "there is no tie for first place to decide");
                }
                winner = view.path("proposedWinnerOrgNo").asText();
            }
            boolean suspectedLow = false;
            for (JsonNode f : view.path("flags")) {
                suspectedLow |= "ABNORMALLY_LOW_SUSPECTED".equals(f.path("code").asText()) && winner.equals(f.path("supplierOrgNo").asText());
            }
            if (suspectedLow && clarification == null) {
                throw Bodies.invalid("/problems/clarification-required", "/abnormallyLowClarification", "the tender of " + winner
                        + " seems abnormally low: ask for a written explanation of its price and record your assessment of it"
                        + " before the award (FOA § 24-9)");
            }
            ObjectNode winnerTender = EvaluationViews.tenderOf(view, winner);
            BigDecimal value = new BigDecimal(winnerTender.path("evaluatedPrice").path("amount").asText());
            int standstillDays = s.competition().path("voluntaryStandstillDays").asInt(0);
            Instant standstillEnd = Sealing.standstillEnd(l.now(), standstillDays, MiniCompetitions.CALENDAR);
            ObjectNode c = s.copyOfCompetition();
            ObjectNode award = c.putObject("award").put("winnerOrgNo", winner)
                    .put("winnerName", competitions.store().supplierName(l.tx(), winner)).put("decidedAt", l.now().toString())
                    .put("decidedBy", CallOffs.actor(buyer)).put("reasons", reasons).put("standstillDays", standstillDays);
            award.set("agreedValue", CallOffViews.money(value));
            if (standstillEnd != null) {
                award.put("standstillEndsAt", standstillEnd.toString()).put("standstillEndsAtLocal", CallOffViews.oslo(standstillEnd));
            }
            if (clarification != null) {
                award.put("abnormallyLowClarification", clarification);
            }
            if (decidedWinner != null) {
                award.putObject("tieDecision").put("winnerOrgNo", decidedWinner).put("reason", decidedReason);
            }
            ArrayNode notices = c.putArray("notices");
            for (JsonNode t : view.path("tenders")) {
                notices.add(EvaluationViews.awardNotice(callOffId, t, winnerTender, award, l.now()));
            }
            competitions.store().update(l.tx(), callOffId, "AWARDED", c, s.deadline(), winner, value);
            competitions.record(l.tx(), callOffId, l.now(), CallOffs.actor(buyer), "AWARD_DECIDED", award);
            ObjectNode sent = Json.MAPPER.createObjectNode().put("sentAt", l.now().toString());
            sent.set("recipients", Json.MAPPER.valueToTree(notices.findValuesAsText("recipientOrgNo")));
            competitions.record(l.tx(), callOffId, l.now(), "system", "AWARD_NOTICES_SENT", sent);
            return MiniCompetitions.Outcome.<JsonNode>of(CallOffViews.callOff(competitions.rowOf(l.tx(), callOffId)));
        }).get();
    }

    /** Concludes the contract once both parties have signed (FOA § 25-1(5); E38) and any standstill has ended. */
    JsonNode contract(Principal buyer, String callOffId, JsonNode body) {
        BodyReader r = new BodyReader();
        r.only(body, "", Set.of("buyerSignedAt", "supplierSignedAt"));
        Instant buyerSigned = r.instant(body, "", "buyerSignedAt", false);
        Instant supplierSigned = r.instant(body, "", "supplierSignedAt", false);
        r.failIfAny("/problems/invalid-contract", "Invalid contract");
        return competitions.locked(callOffId, l -> {
            CompetitionState s = l.state();
            s.requireBuyer(buyer, "conclude the contract");
            s.requireStatus("conclude the contract", "AWARDED");
            JsonNode end = s.competition() == null ? null : s.competition().path("award").get("standstillEndsAt");
            if (end != null && l.now().isBefore(Instant.parse(end.asText()))) {
                throw new ProblemException(409, "/problems/standstill-running", "Standstill running", "the standstill period runs until "
                        + CallOffViews.oslo(Instant.parse(end.asText())) + " Europe/Oslo", List.of());
            }
            JsonNode decided = s.competition() == null ? null : s.competition().path("award").get("decidedAt");
            for (var signed : List.of(Map.entry("/buyerSignedAt", java.util.Optional.ofNullable(buyerSigned)),
                    Map.entry("/supplierSignedAt", java.util.Optional.ofNullable(supplierSigned)))) {
                if (signed.getValue().isEmpty()) {
                    throw Bodies.invalid("/problems/signature-missing", signed.getKey(), "the contract is concluded when both parties"
                            + " have signed (FOA § 25-1(5)); the call-off stays AWARDED");
                }
                if (signed.getValue().get().isAfter(l.now())) {
                    throw Bodies.invalid("/problems/invalid-contract", signed.getKey(), "a signature cannot be in the future");
                }
                if (decided != null && signed.getValue().get().isBefore(Instant.parse(decided.asText()))) {
                    throw Bodies.invalid("/problems/invalid-contract", signed.getKey(), "a signature cannot precede the award decision "
                            + decided.asText());
                }
            }
            Instant concluded = buyerSigned.isAfter(supplierSigned) ? buyerSigned : supplierSigned;
            if (end != null && concluded.isBefore(Instant.parse(end.asText()))) {
                throw Bodies.invalid("/problems/standstill-running", buyerSigned.isAfter(supplierSigned) ? "/buyerSignedAt"
                        : "/supplierSignedAt", "the contract would be concluded during the standstill, which runs until "
                        + CallOffViews.oslo(Instant.parse(end.asText())) + " Europe/Oslo");
            }
            ObjectNode c = s.copyOfCompetition();
            ObjectNode contract = c.putObject("contract").put("concludedAt", l.now().toString())
                    .put("buyerSignedAt", buyerSigned.toString()).put("supplierSignedAt", supplierSigned.toString());
            competitions.store().update(l.tx(), callOffId, "CONTRACTED", c, s.deadline(), s.row().awardedOrgNo(), s.row().agreedValue());
            competitions.record(l.tx(), callOffId, l.now(), CallOffs.actor(buyer), "CONTRACT_CONCLUDED", contract);
            return MiniCompetitions.Outcome.<JsonNode>of(CallOffViews.callOff(competitions.rowOf(l.tx(), callOffId)));
        }).get();
    }

    /** Cancels with an objective reason (FOA § 25-4) at any time before the contract; invited suppliers get a notice. */
    JsonNode cancel(Principal buyer, String callOffId, String reason) {
        return competitions.locked(callOffId, l -> {
            CompetitionState s = l.state();
            s.requireBuyer(buyer, "cancel");
            s.requireStatus("cancel", "DRAFT", "OFFERED", "TENDERING", "EVALUATION", "AWARDED", "UNSUCCESSFUL", "CASCADE_EXHAUSTED");
            ObjectNode c = s.copyOfCompetition();
            ObjectNode cancellation = c.putObject("cancellation").put("reason", reason).put("cancelledAt", l.now().toString())
                    .put("cancelledBy", CallOffs.actor(buyer)).put("statusBefore", s.status());
            ArrayNode notices = c.withArray("notices");
            for (String org : s.invitedOrgNos()) {
                notices.addObject().put("id", callOffId + "-cancellation-" + org).put("kind", "CANCELLATION")
                        .put("callOffId", callOffId).put("recipientOrgNo", org).put("sentAt", l.now().toString()).put("reasons", reason);
            }
            competitions.store().update(l.tx(), callOffId, "CANCELLED", c, s.deadline(), null, null);
            competitions.record(l.tx(), callOffId, l.now(), CallOffs.actor(buyer), "CALL_OFF_CANCELLED", cancellation);
            return MiniCompetitions.Outcome.<JsonNode>of(CallOffViews.callOff(competitions.rowOf(l.tx(), callOffId)));
        }).get();
    }

    static String display(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String full(BigDecimal v) {
        return v.setScale(Evaluation.FULL_PRECISION_SCALE, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static List<String> ids(List<WeightedCriterion> criteria) {
        return criteria.stream().map(WeightedCriterion::id).toList();
    }
}
