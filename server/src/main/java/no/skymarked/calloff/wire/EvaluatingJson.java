package no.skymarked.calloff.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.shared.Json;

/**
 * The JSON of the evaluation's parts beside the consensus: each evaluator's own scores, the quality lock and the
 * requests for explanation of abnormally low tenders; as shown, and as the competition column keeps them.
 */
public final class EvaluatingJson {
    private EvaluatingJson() {
    }

    public static ObjectNode evaluatorScores(Competition.EvaluatorScores e) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("id", e.id()).put("evaluator", e.evaluator())
                .put("recordedAt", e.recordedAt().toString()).put("recordedBy", e.recordedBy());
        ArrayNode tenders = n.putArray("tenders");
        e.tenders().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(t -> {
            ObjectNode tender = tenders.addObject().put("supplierOrgNo", t.getKey());
            tender.set("scores", scores(t.getValue()));
        });
        return n;
    }

    static Competition.EvaluatorScores evaluatorScores(JsonNode n) {
        Map<String, List<Competition.Score>> tenders = new LinkedHashMap<>();
        n.path("tenders").forEach(t -> tenders.put(t.path("supplierOrgNo").asText(), scores(t.path("scores"))));
        return new Competition.EvaluatorScores(n.path("id").asText(), n.path("evaluator").asText(), Values.instant(n.get("recordedAt")),
                n.path("recordedBy").asText(), tenders);
    }

    public static ObjectNode explanationRequest(Competition.ExplanationRequest r) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("id", r.id()).put("supplierOrgNo", r.supplierOrgNo()).put("request", r.request())
                .put("deadline", r.deadline().toString()).put("deadlineLocal", Values.oslo(r.deadline()))
                .put("requestedAt", r.requestedAt().toString()).put("requestedBy", r.requestedBy());
        if (r.assessed()) {
            Competition.ExplanationAssessment a = r.assessment();
            ObjectNode x = n.putObject("assessment").put("verdict", a.verdict()).put("reason", a.reason())
                    .put("assessedAt", a.assessedAt().toString()).put("assessedBy", a.assessedBy());
            if (a.explanationReceivedAt() != null) {
                x.put("explanationReceivedAt", a.explanationReceivedAt().toString());
            }
        }
        return n;
    }

    static Competition.ExplanationRequest explanationRequest(JsonNode n) {
        JsonNode a = n.path("assessment");
        return new Competition.ExplanationRequest(n.path("id").asText(), n.path("supplierOrgNo").asText(), n.path("request").asText(),
                Values.instant(n.get("deadline")), Values.instant(n.get("requestedAt")), n.path("requestedBy").asText(),
                a.isObject() ? new Competition.ExplanationAssessment(a.path("verdict").asText(), a.path("reason").asText(),
                        Values.instant(a.get("explanationReceivedAt")), Values.instant(a.get("assessedAt")), a.path("assessedBy").asText())
                        : null);
    }

    /** The quality lock as shown: when the consensus locked the scores, and any tender locked later (after a rejection was lifted). */
    static ObjectNode lock(Competition.QualityLock lock) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("lockedAt", lock.lockedAt().toString());
        ObjectNode tenders = n.putObject("tenders");
        lock.tenders().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode t = tenders.putObject(e.getKey()).put("lockedAt", e.getValue().lockedAt().toString());
            t.set("scores", scores(e.getValue().scores()));
        });
        return n;
    }

    static Competition.QualityLock lock(JsonNode n) {
        Map<String, Competition.QualityLock.Locked> tenders = new LinkedHashMap<>();
        n.path("tenders").fields().forEachRemaining(e -> tenders.put(e.getKey(),
                new Competition.QualityLock.Locked(Values.instant(e.getValue().get("lockedAt")), scores(e.getValue().path("scores")))));
        return new Competition.QualityLock(Values.instant(n.get("lockedAt")), tenders);
    }

    /** Writes the parts into the competition's column node. */
    static void write(Competition.EvaluationParts e, ObjectNode into) {
        ArrayNode scores = into.putArray("evaluatorScores");
        e.evaluatorScores().forEach(s -> scores.add(evaluatorScores(s)));
        if (e.qualityLock() != null) {
            into.set("qualityLock", lock(e.qualityLock()));
        }
        ArrayNode requests = into.putArray("explanationRequests");
        e.explanationRequests().forEach(r -> requests.add(explanationRequest(r)));
    }

    static Competition.EvaluationParts read(JsonNode n) {
        List<Competition.EvaluatorScores> scores = new ArrayList<>();
        n.path("evaluatorScores").forEach(s -> scores.add(evaluatorScores(s)));
        List<Competition.ExplanationRequest> requests = new ArrayList<>();
        n.path("explanationRequests").forEach(r -> requests.add(explanationRequest(r)));
        return new Competition.EvaluationParts(scores, n.has("qualityLock") ? lock(n.path("qualityLock")) : null, requests);
    }

    private static ArrayNode scores(List<Competition.Score> scores) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        scores.forEach(s -> out.addObject().put("criterionId", s.criterionId()).put("score", s.score().toPlainString()).put("reason", s.reason()));
        return out;
    }

    private static List<Competition.Score> scores(JsonNode n) {
        List<Competition.Score> out = new ArrayList<>();
        n.forEach(s -> out.add(new Competition.Score(s.path("criterionId").asText(), new BigDecimal(s.path("score").asText()),
                Values.text(s.get("reason")))));
        return out;
    }
}
