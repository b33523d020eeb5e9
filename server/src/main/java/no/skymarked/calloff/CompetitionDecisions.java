package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.AwardRules;
import no.skymarked.calloff.domain.Sealing;
import no.skymarked.shared.Bodies;
import no.skymarked.shared.Json;
import no.skymarked.shared.ProblemException;

/**
 * After the deadline: the evaluation (scores with reasons, rejections with grounds; the server computes price
 * points, totals, ranking and ties by the published terms), the award with notices to every tenderer, the
 * contract, and cancellation at any time before the contract.
 */
final class CompetitionDecisions {

    private final MiniCompetitions competitions;

    CompetitionDecisions(MiniCompetitions competitions) {
        this.competitions = competitions;
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
            List<String> tied = new ArrayList<>();
            view.path("tieForFirst").forEach(o -> tied.add(o.asText()));
            Set<String> suspectedLow = new java.util.HashSet<>();
            for (JsonNode f : view.path("flags")) {
                if ("ABNORMALLY_LOW_SUSPECTED".equals(f.path("code").asText())) {
                    suspectedLow.add(f.path("supplierOrgNo").asText());
                }
            }
            AwardRules.Decision decision = AwardRules.award(Boolean.TRUE.equals(evidence), view.path("proposedWinnerOrgNo")
                    .asText(null), tied, decidedWinner, suspectedLow, clarification != null);
            if (decision instanceof AwardRules.Refused refused) {
                throw refusal(refused.violation());
            }
            String winner = ((AwardRules.Winner) decision).orgNo();
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
            AwardRules.contract(buyerSigned, supplierSigned, l.now(), decided == null ? null : Instant.parse(decided.asText()),
                    end == null ? null : Instant.parse(end.asText())).ifPresent(v -> {
                        throw refusal(v);
                    });
            ObjectNode c = s.copyOfCompetition();
            ObjectNode contract = c.putObject("contract").put("concludedAt", l.now().toString())
                    .put("buyerSignedAt", buyerSigned.toString()).put("supplierSignedAt", supplierSigned.toString());
            competitions.store().update(l.tx(), callOffId, "CONTRACTED", c, s.deadline(), s.row().awardedOrgNo(), s.row().agreedValue());
            competitions.record(l.tx(), callOffId, l.now(), CallOffs.actor(buyer), "CONTRACT_CONCLUDED", contract);
            return MiniCompetitions.Outcome.<JsonNode>of(CallOffViews.callOff(competitions.rowOf(l.tx(), callOffId)));
        }).get();
    }

    /** A refusal of the award rules as a 422 problem whose type is the rule's code. */
    private static ProblemException refusal(no.skymarked.calloff.domain.Violation v) {
        return Bodies.invalid("/problems/" + CallOffs.kebab(v.code()), v.pointer(), v.message());
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

}
