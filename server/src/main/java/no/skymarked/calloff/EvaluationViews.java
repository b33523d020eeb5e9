package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.skymarked.calloff.domain.CompetitionTerms;
import no.skymarked.calloff.domain.EvaluationInput;
import no.skymarked.calloff.domain.EvaluationResult;
import no.skymarked.calloff.domain.WeightedCriterion;
import no.skymarked.shared.Json;

/**
 * The evaluation as recorded and shown: per tender its evaluated price, price points, the evaluators' scores with
 * reasons, the weighted total at full precision and rounded for display, its rank or its rejection; ties and
 * warnings. The award notices are cut from it.
 */
final class EvaluationViews {
    private EvaluationViews() {
    }

    static ObjectNode view(String callOffId, int version, Instant at, CompetitionTerms terms, JsonNode body,
                           List<EvaluationInput> inputs, EvaluationResult result, String drawSeed) {
        Map<String, JsonNode> given = new HashMap<>();
        body.path("tenders").forEach(t -> given.put(t.path("supplierOrgNo").asText(), t));
        ObjectNode v = Json.MAPPER.createObjectNode().put("callOffId", callOffId).put("version", version).put("recordedAt", at.toString())
                .put("priceModel", terms.priceModel().name()).put("normalisation", terms.normalisation().name());
        ArrayNode criteria = v.putArray("criteria");
        terms.criteria().forEach(c -> criteria.addObject().put("criterionId", c.id()).put("type", c.type().name())
                .put("weight", c.weight().toPlainString()));
        v.set("tieBreak", Json.MAPPER.valueToTree(terms.tieBreak()));
        ArrayNode tenders = v.putArray("tenders");
        for (EvaluationResult.Scored s : result.ranking()) {
            ObjectNode t = tenders.addObject().put("supplierOrgNo", s.orgNo()).put("rejected", false).put("rank", s.rank());
            t.set("evaluatedPrice", CallOffViews.money(s.evaluatedPrice()));
            t.put("priceScore", full(s.priceScore())).put("priceScoreDisplay", display(s.priceScore()));
            ArrayNode scores = t.putArray("scores");
            Map<String, String> reasons = new HashMap<>();
            given.get(s.orgNo()).path("scores").forEach(x -> reasons.put(x.path("criterionId").asText(), x.path("reason").asText()));
            for (WeightedCriterion c : terms.nonPrice()) {
                scores.addObject().put("criterionId", c.id()).put("score", s.rawScores().get(c.id()).toPlainString())
                        .put("usedScore", full(s.usedScores().get(c.id()))).put("reason", reasons.get(c.id()));
            }
            t.put("qualityPoints", full(s.qualityPoints()))
                    .put("total", full(s.total())).put("totalDisplay", display(s.total()));
        }
        for (EvaluationInput in : inputs) {
            if (in.rejected()) {
                ObjectNode t = tenders.addObject().put("supplierOrgNo", in.orgNo()).put("rejected", true);
                t.set("evaluatedPrice", CallOffViews.money(in.evaluatedPrice()));
                JsonNode rej = given.get(in.orgNo()).path("rejection");
                t.putObject("rejection").put("ground", rej.path("ground").asText()).put("reason", rej.path("reason").asText());
            }
        }
        v.set("ranking", Json.MAPPER.valueToTree(result.ranking().stream().map(EvaluationResult.Scored::orgNo).toList()));
        ArrayNode ties = v.putArray("ties");
        for (EvaluationResult.Tie tie : result.ties()) {
            ObjectNode t = ties.addObject();
            t.set("supplierOrgNos", Json.MAPPER.valueToTree(tie.orgNos()));
            t.put("total", full(tie.total())).put("totalDisplay", display(tie.total()))
                    .put("resolvedBy", tie.resolvedBy() == null ? "UNRESOLVED" : tie.resolvedBy().name());
            if (tie.resolvedBy() == no.skymarked.calloff.domain.TieBreakRule.DRAWING_OF_LOTS) {
                ObjectNode keys = t.put("drawSeed", drawSeed).putObject("drawKeys");
                tie.orgNos().forEach(o -> keys.put(o, no.skymarked.calloff.domain.Evaluation.drawKey(drawSeed, o)));
            }
        }
        result.winner().ifPresent(w -> v.put("proposedWinnerOrgNo", w));
        List<String> tiedTop = new ArrayList<>();
        if (result.tieUnresolvedAtTop()) {
            result.ranking().stream().filter(s -> s.rank() == 1).forEach(s -> tiedTop.add(s.orgNo()));
        }
        v.set("tieForFirst", Json.MAPPER.valueToTree(tiedTop));
        ArrayNode flags = v.putArray("flags");
        result.flags().forEach(f -> flags.addObject().put("code", f.code()).put("supplierOrgNo", f.orgNo()).put("detail", f.detail()));
        return v;
    }

    static ObjectNode tenderOf(JsonNode view, String orgNo) {
        for (JsonNode t : view.path("tenders")) {
            if (t.path("supplierOrgNo").asText().equals(orgNo)) {
                return (ObjectNode) t;
            }
        }
        throw new IllegalStateException("no evaluated tender of " + orgNo);
    }

    /**
     * A tenderer's notice (FOA § 25-1(2) form): the winner, its scores, the reader's own scores and rank (or its
     * rejection with grounds), the reasons and any standstill.
     */
    static ObjectNode awardNotice(String callOffId, JsonNode own, JsonNode winner, JsonNode award, Instant sentAt) {
        String org = own.path("supplierOrgNo").asText();
        ObjectNode n = Json.MAPPER.createObjectNode().put("id", callOffId + "-award-" + org).put("kind", "AWARD")
                .put("callOffId", callOffId).put("recipientOrgNo", org).put("sentAt", sentAt.toString())
                .put("awarded", org.equals(award.path("winnerOrgNo").asText()));
        ObjectNode w = n.putObject("winner").put("supplierOrgNo", award.path("winnerOrgNo").asText())
                .put("name", award.path("winnerName").asText());
        copy(winner, w);
        copy(own, n.putObject("yours"));
        n.put("reasons", award.path("reasons").asText());
        if (award.has("standstillEndsAt")) {
            n.put("standstillEndsAt", award.path("standstillEndsAt").asText())
                    .put("standstillEndsAtLocal", award.path("standstillEndsAtLocal").asText());
        }
        return n;
    }

    private static void copy(JsonNode tender, ObjectNode into) {
        for (String f : List.of("rank", "evaluatedPrice", "priceScore", "priceScoreDisplay", "scores", "total", "totalDisplay",
                "rejected", "rejection")) {
            if (tender.has(f)) {
                into.set(f, tender.get(f).deepCopy());
            }
        }
    }

    static String display(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String full(BigDecimal v) {
        return v.setScale(no.skymarked.calloff.domain.Evaluation.FULL_PRECISION_SCALE, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
