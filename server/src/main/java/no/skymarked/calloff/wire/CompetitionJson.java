package no.skymarked.calloff.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.skymarked.calloff.application.Viewer;
import no.skymarked.calloff.domain.CriterionType;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.Normalisation;
import no.skymarked.calloff.domain.PriceModel;
import no.skymarked.calloff.domain.TieBreakRule;
import no.skymarked.calloff.domain.WeightedCriterion;
import no.skymarked.shared.Json;

/** The JSON of a mini-competition's parts: terms (never the rate ceilings in a view), questions, declarations, award. */
public final class CompetitionJson {
    private CompetitionJson() {
    }

    /** The published terms; {@code published} adds what the protocol keeps (the framework version). */
    public static ObjectNode terms(Competition.Terms t, boolean published) {
        ObjectNode c = Json.MAPPER.createObjectNode().put("publishedAt", t.publishedAt().toString())
                .put("tenderDeadline", t.tenderDeadline().toString());
        ArrayNode criteria = c.putArray("criteria");
        t.criteria().forEach(w -> criteria.addObject().put("criterionId", w.id()).put("type", w.type().name())
                .put("weight", w.weight().toPlainString()));
        c.put("priceModel", t.priceModel().name()).put("normalisation", t.normalisation().name());
        c.set("tieBreak", Values.tree(t.tieBreak()));
        if (t.tiePrecisionDecimals() != null) {
            c.put("tiePrecisionDecimals", t.tiePrecisionDecimals());
        }
        c.put("voluntaryStandstillDays", t.voluntaryStandstillDays());
        if (t.documentedBudget() != null) {
            c.set("documentedBudget", Values.money(t.documentedBudget().amount()).put("documentedAt",
                    t.documentedBudget().documentedAt().toString()));
        }
        c.set("invitedSuppliers", Values.tree(t.invited()));
        ArrayNode excluded = c.putArray("excludedSuppliers");
        t.excluded().forEach(x -> excluded.addObject().put("orgNo", x.orgNo()).put("reason", x.reason()));
        if (published) {
            c.put("frameworkVersion", t.frameworkVersion());
        }
        return c.put("tenderDeadlineLocal", Values.oslo(t.tenderDeadline()));
    }

    /** The terms as stored, with the confidential rate ceilings. */
    static ObjectNode storedTerms(Competition.Terms t) {
        ObjectNode c = terms(t, true);
        c.remove("tenderDeadlineLocal");
        ObjectNode ceilings = c.putObject("rateCeilings");
        t.rateCeilings().forEach((org, byRole) -> {
            ObjectNode r = ceilings.putObject(org);
            byRole.forEach((role, rate) -> r.put(role, rate.toPlainString()));
        });
        return c;
    }

    static Competition.Terms terms(JsonNode c) {
        List<WeightedCriterion> criteria = new ArrayList<>();
        c.path("criteria").forEach(x -> criteria.add(new WeightedCriterion(x.path("criterionId").asText(),
                CriterionType.valueOf(x.path("type").asText()), new BigDecimal(x.path("weight").asText()))));
        List<TieBreakRule> tieBreak = new ArrayList<>();
        c.path("tieBreak").forEach(x -> tieBreak.add(TieBreakRule.valueOf(x.asText())));
        List<String> invited = new ArrayList<>();
        c.path("invitedSuppliers").forEach(x -> invited.add(x.asText()));
        List<Competition.Exclusion> excluded = new ArrayList<>();
        c.path("excludedSuppliers").forEach(x -> excluded.add(new Competition.Exclusion(x.path("orgNo").asText(), x.path("reason").asText(), null)));
        Map<String, Map<String, BigDecimal>> ceilings = new LinkedHashMap<>();
        c.path("rateCeilings").fields().forEachRemaining(e -> {
            Map<String, BigDecimal> byRole = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(r -> byRole.put(r.getKey(), new BigDecimal(r.getValue().asText())));
            ceilings.put(e.getKey(), byRole);
        });
        return new Competition.Terms(Values.instant(c.get("publishedAt")), Values.instant(c.get("tenderDeadline")), criteria,
                PriceModel.valueOf(c.path("priceModel").asText()), Normalisation.valueOf(c.path("normalisation").asText("NONE")),
                tieBreak, c.hasNonNull("tiePrecisionDecimals") ? c.path("tiePrecisionDecimals").asInt() : null,
                c.path("voluntaryStandstillDays").asInt(0), budget(c),
                invited, excluded, ceilings, c.path("frameworkVersion").asInt(0));
    }

    static ObjectNode question(Competition.Question q) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("id", q.id()).put("askedBy", q.askedBy()).put("question", q.text())
                .put("askedAt", q.askedAt().toString());
        if (q.answered()) {
            n.put("answer", q.answer()).put("answeredAt", q.answeredAt().toString());
        }
        return n;
    }

    static Competition.Question question(JsonNode q) {
        return new Competition.Question(q.path("id").asText(), q.path("askedBy").asText(), q.path("question").asText(),
                Values.instant(q.get("askedAt")), Values.text(q.get("answer")), Values.instant(q.get("answeredAt")));
    }

    /** A question as the viewer may see it: the asker only for the buyer and auditors, else whether it was the caller. */
    public static ObjectNode question(Competition.Question q, Viewer viewer, String callerOrgNo) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("id", q.id()).put("question", q.text()).put("askedAt", q.askedAt().toString());
        if (viewer.buyerOrAuditor()) {
            n.put("askedBy", q.askedBy());
        } else {
            n.put("askedByYou", q.askedBy().equals(callerOrgNo));
        }
        if (q.answered()) {
            n.put("answer", q.answer()).put("answeredAt", q.answeredAt().toString());
        }
        return n;
    }

    public static ObjectNode declaration(Competition.Declaration d) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("id", d.id()).put("evaluator", d.evaluator()).put("hasConflict", d.hasConflict())
                .put("declaredAt", d.declaredAt().toString()).put("recordedBy", d.recordedBy());
        CallOffJson.putIf(n, "detail", d.detail());
        return n;
    }

    static Competition.Declaration declaration(JsonNode d) {
        return new Competition.Declaration(d.path("id").asText(), d.path("evaluator").asText(), d.path("hasConflict").asBoolean(),
                Values.text(d.get("detail")), Values.instant(d.get("declaredAt")), d.path("recordedBy").asText());
    }

    public static ObjectNode award(Competition.Award a) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("winnerOrgNo", a.winnerOrgNo()).put("winnerName", a.winnerName())
                .put("decidedAt", a.decidedAt().toString()).put("decidedBy", a.decidedBy()).put("reasons", a.reasons())
                .put("standstillDays", a.standstillDays());
        n.set("agreedValue", Values.money(a.agreedValue()));
        if (a.standstillEndsAt() != null) {
            n.put("standstillEndsAt", a.standstillEndsAt().toString()).put("standstillEndsAtLocal", Values.oslo(a.standstillEndsAt()));
        }
        CallOffJson.putIf(n, "abnormallyLowClarification", a.abnormallyLowClarification());
        if (a.tieDecision() != null) {
            n.putObject("tieDecision").put("winnerOrgNo", a.tieDecision().winnerOrgNo()).put("reason", a.tieDecision().reason());
        }
        return n;
    }

    static Competition.Award award(JsonNode a) {
        JsonNode tie = a.path("tieDecision");
        return new Competition.Award(a.path("winnerOrgNo").asText(), a.path("winnerName").asText(), Values.instant(a.get("decidedAt")),
                a.path("decidedBy").asText(), a.path("reasons").asText(), a.path("standstillDays").asInt(0), Values.money(a.path("agreedValue")),
                Values.instant(a.get("standstillEndsAt")), Values.text(a.get("abnormallyLowClarification")),
                tie.isObject() ? new Competition.TieDecision(tie.path("winnerOrgNo").asText(), tie.path("reason").asText()) : null);
    }

    /** The documented budget; one stored before its instant was kept was documented at the publication. */
    static Competition.DocumentedBudget budget(JsonNode c) {
        JsonNode b = c.path("documentedBudget");
        if (!b.isObject()) {
            return null;
        }
        Instant at = Values.instant(b.get("documentedAt"));
        return new Competition.DocumentedBudget(Values.money(b), at != null ? at : Values.instant(c.get("publishedAt")));
    }
}
