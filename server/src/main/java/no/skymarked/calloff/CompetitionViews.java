package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import no.skymarked.shared.Json;

/** The JSON shapes of the mini-competition: its terms on the call-off, questions, tender receipts and opened tenders. */
final class CompetitionViews {
    private static final List<String> TERMS = List.of("publishedAt", "tenderDeadline", "criteria", "priceModel", "normalisation",
            "tieBreak", "tiePrecisionDecimals", "voluntaryStandstillDays", "documentedBudget", "invitedSuppliers",
            "excludedSuppliers", "openedAt");

    private CompetitionViews() {
    }

    /** Adds the competition's terms, award, contract and cancellation to a call-off view. */
    static void addTo(ObjectNode view, JsonNode competition) {
        if (competition == null) {
            return;
        }
        if (competition.has("publishedAt")) {
            ObjectNode terms = view.putObject("competition");
            for (String field : TERMS) {
                if (competition.has(field)) {
                    terms.set(field, competition.get(field).deepCopy());
                }
            }
            terms.put("tenderDeadlineLocal", CallOffViews.oslo(Instant.parse(competition.path("tenderDeadline").asText())));
        }
        for (String field : List.of("award", "contract", "cancellation", "unsuccessful")) {
            if (competition.has(field)) {
                view.set(field, competition.get(field).deepCopy());
            }
        }
    }

    /** A listing: {@code {"items": [...]}}. */
    static ObjectNode items(com.fasterxml.jackson.databind.node.ArrayNode items) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("items", items);
        return out;
    }

    static ObjectNode question(JsonNode q, CompetitionState.Viewer viewer, String callerOrgNo) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("id", q.path("id").asText()).put("question", q.path("question").asText())
                .put("askedAt", q.path("askedAt").asText());
        if (viewer == CompetitionState.Viewer.BUYER || viewer == CompetitionState.Viewer.AUDITOR) {
            n.put("askedBy", q.path("askedBy").asText());
        } else {
            n.put("askedByYou", q.path("askedBy").asText().equals(callerOrgNo));
        }
        if (q.has("answer")) {
            n.put("answer", q.path("answer").asText()).put("answeredAt", q.path("answeredAt").asText());
        }
        return n;
    }

    /** What anyone entitled may know of a tender before it is opened: who, when, which version, the receipt hash. */
    static ObjectNode receipt(String callOffId, CompetitionStore.StoredTender t, Instant deadline) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("callOffId", callOffId).put("supplierOrgNo", t.orgNo())
                .put("status", t.status()).put("version", t.version()).put("submittedAt", t.submittedAt().toString())
                .put("sealed", true).put("sealedUntil", deadline.toString()).put("sealedUntilLocal", CallOffViews.oslo(deadline));
        if (t.sealedSha256() != null) {
            n.put("sealedContentSha256", t.sealedSha256());
        }
        return n;
    }

    /** An opened tender: the receipt fields and the content. */
    static ObjectNode opened(String callOffId, CompetitionStore.StoredTender t, ObjectNode content) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("callOffId", callOffId).put("supplierOrgNo", t.orgNo())
                .put("status", t.status()).put("version", t.version()).put("submittedAt", t.submittedAt().toString())
                .put("sealed", false);
        if (t.sealedSha256() != null) {
            n.put("sealedContentSha256", t.sealedSha256());
        }
        if (content != null) {
            n.setAll(content);
        }
        return n;
    }
}
