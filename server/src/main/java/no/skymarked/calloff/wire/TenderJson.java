package no.skymarked.calloff.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.skymarked.calloff.application.SealedTender;
import no.skymarked.calloff.application.TenderContent;
import no.skymarked.calloff.application.TenderRead;
import no.skymarked.shared.Json;

/** The JSON of tenders: the sealed content, the receipt anyone entitled may see before the opening, the opened tender. */
public final class TenderJson {
    private TenderJson() {
    }

    public static ObjectNode content(TenderContent c) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        ArrayNode rates = n.putArray("rates");
        c.rates().forEach(r -> rates.addObject().put("roleId", r.roleId()).set("hourlyRate", Values.money(r.hourlyRate())));
        CallOffJson.putIf(n, "solutionDescription", c.solutionDescription());
        ArrayNode subs = n.putArray("subcontractors");
        c.subcontractors().forEach(s -> {
            ObjectNode sub = subs.addObject().put("name", s.name());
            CallOffJson.putIf(sub, "orgNo", s.orgNo());
        });
        if (c.validUntil() != null) {
            n.put("validUntil", c.validUntil().toString());
        }
        n.set("evaluatedPrice", Values.money(c.evaluatedPrice()));
        return n;
    }

    public static TenderContent content(JsonNode n) {
        List<TenderContent.Rate> rates = new ArrayList<>();
        n.path("rates").forEach(r -> rates.add(new TenderContent.Rate(r.path("roleId").asText(), Values.money(r.path("hourlyRate")))));
        List<TenderContent.Subcontractor> subs = new ArrayList<>();
        n.path("subcontractors").forEach(s -> subs.add(new TenderContent.Subcontractor(s.path("name").asText(), Values.text(s.get("orgNo")))));
        return new TenderContent(rates, Values.text(n.get("solutionDescription")), subs,
                n.hasNonNull("validUntil") ? LocalDate.parse(n.path("validUntil").asText()) : null, Values.money(n.path("evaluatedPrice")));
    }

    /**
     * A tender as read: the receipt while sealed, the receipt fields and the content once opened; without rates and
     * evaluated price ({@code pricesHidden}) for the buyer's side until the quality scores are locked.
     */
    public static ObjectNode view(TenderRead read) {
        SealedTender t = read.tender();
        ObjectNode n = Json.MAPPER.createObjectNode().put("callOffId", read.callOffId()).put("supplierOrgNo", t.orgNo())
                .put("status", t.status()).put("version", t.version()).put("submittedAt", t.submittedAt().toString())
                .put("sealed", read.sealed());
        if (read.sealed()) {
            n.put("sealedUntil", read.sealedUntil().toString()).put("sealedUntilLocal", Values.oslo(read.sealedUntil()));
        }
        CallOffJson.putIf(n, "sealedContentSha256", t.sealedSha256());
        if (read.content() != null) {
            n.setAll(content(read.content()));
        }
        if (read.pricesHidden()) {
            n.remove(List.of("rates", "evaluatedPrice"));
            n.put("pricesHidden", true);
        }
        return n;
    }
}
