package no.skymarked.calloff.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import no.skymarked.calloff.application.EvaluationSheet;
import no.skymarked.calloff.application.Notice;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.Evaluation;
import no.skymarked.calloff.domain.EvaluationResult;
import no.skymarked.calloff.domain.TieBreakRule;
import no.skymarked.calloff.domain.WeightedCriterion;
import no.skymarked.shared.Json;

/**
 * The evaluation as recorded and shown: per tender its evaluated price, price points, the evaluators' scores with
 * reasons, the weighted total at full precision and rounded for display, its rank or its rejection; ties and
 * warnings. The award notices are cut from it.
 */
public final class EvaluationJson {
    private EvaluationJson() {
    }

    public static ObjectNode view(EvaluationSheet s) {
        var terms = s.terms().scoring();
        ObjectNode v = Json.MAPPER.createObjectNode().put("callOffId", s.callOffId()).put("version", s.record().version())
                .put("recordedAt", s.record().recordedAt().toString()).put("priceModel", terms.priceModel().name())
                .put("normalisation", terms.normalisation().name());
        ArrayNode criteria = v.putArray("criteria");
        terms.criteria().forEach(c -> criteria.addObject().put("criterionId", c.id()).put("type", c.type().name())
                .put("weight", c.weight().toPlainString()));
        v.set("tieBreak", Values.tree(terms.tieBreak()));
        ArrayNode tenders = v.putArray("tenders");
        tendersOf(s).forEach(tenders::add);
        v.set("ranking", Values.tree(s.result().ranking().stream().map(EvaluationResult.Scored::orgNo).toList()));
        v.set("ties", ties(s));
        s.result().winner().ifPresent(w -> v.put("proposedWinnerOrgNo", w));
        List<String> tiedTop = new ArrayList<>();
        if (s.result().tieUnresolvedAtTop()) {
            s.result().ranking().stream().filter(x -> x.rank() == 1).forEach(x -> tiedTop.add(x.orgNo()));
        }
        v.set("tieForFirst", Values.tree(tiedTop));
        if (s.evaluating().qualityLock() != null) {
            v.set("qualityLock", EvaluatingJson.lock(s.evaluating().qualityLock()));
        }
        ArrayNode evaluators = v.putArray("evaluatorScores");
        s.evaluating().evaluatorScores().forEach(e -> evaluators.add(EvaluatingJson.evaluatorScores(e)));
        ArrayNode requests = v.putArray("explanationRequests");
        s.evaluating().explanationRequests().forEach(r -> requests.add(EvaluatingJson.explanationRequest(r)));
        ArrayNode flags = v.putArray("flags");
        s.result().flags().forEach(f -> flags.addObject().put("code", f.code()).put("supplierOrgNo", f.orgNo()).put("detail", f.detail()));
        lateScored(s).forEach(o -> flags.addObject().put("code", "SCORED_AFTER_PRICES_SHOWN").put("supplierOrgNo", o).put("detail",
                "first scored after the prices were shown (its earlier rejection was lifted); its scores are locked since"));
        if (!s.record().conflictDeclared()) {
            flags.addObject().put("code", "NO_CONFLICT_DECLARATION").put("detail", "no evaluator declared"
                    + " freedom from conflicts of interest before the evaluation (FOA § 7-5)");
        }
        return v;
    }

    private static List<String> lateScored(EvaluationSheet s) {
        var lock = s.evaluating().qualityLock();
        return lock == null ? List.of() : lock.tenders().entrySet().stream().filter(e -> e.getValue().lockedAt().isAfter(lock.lockedAt()))
                .map(java.util.Map.Entry::getKey).sorted().toList();
    }

    /** Ranked tenders first, then the rejected ones in the order given. */
    private static List<ObjectNode> tendersOf(EvaluationSheet s) {
        List<ObjectNode> out = new ArrayList<>();
        for (EvaluationResult.Scored x : s.result().ranking()) {
            Competition.Assessment a = s.record().of(x.orgNo()).orElseThrow();
            ObjectNode t = Json.MAPPER.createObjectNode().put("supplierOrgNo", x.orgNo()).put("rejected", false).put("rank", x.rank());
            t.set("evaluatedPrice", Values.money(x.evaluatedPrice()));
            t.put("priceScore", full(x.priceScore())).put("priceScoreDisplay", display(x.priceScore()));
            ArrayNode scores = t.putArray("scores");
            for (WeightedCriterion c : s.terms().scoring().nonPrice()) {
                String reason = a.scores().stream().filter(sc -> sc.criterionId().equals(c.id())).map(Competition.Score::reason)
                        .findFirst().orElse(null);
                scores.addObject().put("criterionId", c.id()).put("score", x.rawScores().get(c.id()).toPlainString())
                        .put("usedScore", full(x.usedScores().get(c.id()))).put("reason", reason);
            }
            t.put("qualityPoints", full(x.qualityPoints())).put("total", full(x.total())).put("totalDisplay", display(x.total()));
            out.add(t);
        }
        for (Competition.Assessment a : s.record().assessments()) {
            if (a.rejection() != null) {
                ObjectNode t = Json.MAPPER.createObjectNode().put("supplierOrgNo", a.orgNo()).put("rejected", true);
                t.set("evaluatedPrice", Values.money(a.evaluatedPrice()));
                t.putObject("rejection").put("ground", a.rejection().ground()).put("reason", a.rejection().reason());
                out.add(t);
            }
        }
        return out;
    }

    private static ArrayNode ties(EvaluationSheet s) {
        ArrayNode ties = Json.MAPPER.createArrayNode();
        for (EvaluationResult.Tie tie : s.result().ties()) {
            ObjectNode t = ties.addObject();
            t.set("supplierOrgNos", Values.tree(tie.orgNos()));
            t.put("total", full(tie.total())).put("totalDisplay", display(tie.total()))
                    .put("resolvedBy", tie.resolvedBy() == null ? "UNRESOLVED" : tie.resolvedBy().name());
            if (tie.resolvedBy() == TieBreakRule.DRAWING_OF_LOTS) {
                ObjectNode keys = t.put("drawSeed", s.drawSeed()).put("drawSeedSha256", s.drawSeedSha256()).putObject("drawKeys");
                tie.orgNos().forEach(o -> keys.put(o, Evaluation.drawKey(s.drawSeed(), o)));
            }
        }
        return ties;
    }

    /**
     * A notice (FOA § 25-1(2) form): for the award the winner, its scores, the reader's own scores and rank (or its
     * rejection with grounds), the reasons and any standstill; for a cancellation the reasons.
     */
    public static ObjectNode notice(Notice notice, EvaluationSheet sheet) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("id", notice.id()).put("kind", notice.kind()).put("callOffId", notice.callOffId())
                .put("recipientOrgNo", notice.recipientOrgNo()).put("sentAt", notice.sentAt().toString());
        Competition.Award award = notice.award();
        if (award == null) {
            return n.put("reasons", notice.reasons());
        }
        n.put("awarded", notice.recipientOrgNo().equals(award.winnerOrgNo()));
        List<ObjectNode> tenders = tendersOf(sheet);
        ObjectNode w = n.putObject("winner").put("supplierOrgNo", award.winnerOrgNo()).put("name", award.winnerName());
        copy(tenderOf(tenders, award.winnerOrgNo()), w);
        copy(tenderOf(tenders, notice.recipientOrgNo()), n.putObject("yours"));
        n.put("reasons", notice.reasons());
        if (award.standstillEndsAt() != null) {
            n.put("standstillEndsAt", award.standstillEndsAt().toString()).put("standstillEndsAtLocal", Values.oslo(award.standstillEndsAt()));
        }
        return n;
    }

    private static ObjectNode tenderOf(List<ObjectNode> tenders, String orgNo) {
        return tenders.stream().filter(t -> t.path("supplierOrgNo").asText().equals(orgNo)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no evaluated tender of " + orgNo));
    }

    private static void copy(JsonNode tender, ObjectNode into) {
        for (String f : List.of("rank", "evaluatedPrice", "priceScore", "priceScoreDisplay", "scores", "total", "totalDisplay",
                "rejected", "rejection")) {
            if (tender.has(f)) {
                into.set(f, tender.get(f).deepCopy());
            }
        }
    }

    /** The recorded evaluation as stored: the assessments, not what follows from them. */
    static ObjectNode stored(Competition.EvaluationRecord r) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("version", r.version()).put("recordedAt", r.recordedAt().toString())
                .put("conflictDeclared", r.conflictDeclared());
        ArrayNode tenders = n.putArray("tenders");
        for (Competition.Assessment a : r.assessments()) {
            ObjectNode t = tenders.addObject().put("supplierOrgNo", a.orgNo());
            t.set("evaluatedPrice", Values.money(a.evaluatedPrice()));
            ArrayNode scores = t.putArray("scores");
            a.scores().forEach(s -> scores.addObject().put("criterionId", s.criterionId()).put("score", s.score().toPlainString())
                    .put("reason", s.reason()));
            if (a.rejection() != null) {
                t.putObject("rejection").put("ground", a.rejection().ground()).put("reason", a.rejection().reason());
            }
        }
        return n;
    }

    /** Reads a stored evaluation; one stored before assessments were kept carries its view, which holds the same. */
    static Competition.EvaluationRecord stored(JsonNode n) {
        JsonNode from = n.has("view") ? n.path("view") : n;
        List<Competition.Assessment> assessments = new ArrayList<>();
        for (JsonNode t : from.path("tenders")) {
            List<Competition.Score> scores = new ArrayList<>();
            t.path("scores").forEach(s -> scores.add(new Competition.Score(s.path("criterionId").asText(),
                    new BigDecimal(s.path("score").asText()), Values.text(s.get("reason")))));
            JsonNode rej = t.path("rejection");
            assessments.add(new Competition.Assessment(t.path("supplierOrgNo").asText(), new BigDecimal(t.path("evaluatedPrice").path("amount").asText()),
                    scores, rej.isObject() ? new Competition.Rejection(rej.path("ground").asText(), rej.path("reason").asText()) : null));
        }
        boolean declared = n.has("view") ? from.path("flags").findValuesAsText("code").stream().noneMatch("NO_CONFLICT_DECLARATION"::equals)
                : n.path("conflictDeclared").asBoolean();
        return new Competition.EvaluationRecord(n.path("version").asInt(1), Values.instant(from.get("recordedAt")), assessments, declared);
    }

    static String display(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String full(BigDecimal v) {
        return v.setScale(Evaluation.FULL_PRECISION_SCALE, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
