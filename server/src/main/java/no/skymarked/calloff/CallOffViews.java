package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import no.skymarked.calloff.domain.ChainVerification;
import no.skymarked.calloff.domain.ProtocolChain;
import no.skymarked.calloff.domain.ProtocolEvent;
import no.skymarked.shared.Json;

/** The JSON shapes of call-offs, offers and protocols. */
final class CallOffViews {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private CallOffViews() {
    }

    static ObjectNode callOff(CallOffStore.Row r) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("id", r.id()).put("buyerOrgNo", r.buyerOrgNo())
                .put("frameworkId", r.frameworkId()).put("lotId", r.lotId());
        n.setAll((ObjectNode) r.document().deepCopy());
        n.remove("accessionId");
        n.put("totalHours", r.totalHours().stripTrailingZeros().toPlainString())
                .put("route", r.route()).put("status", r.status());
        n.set("estimatedValue", money(r.estimatedValue()));
        if (r.awardedOrgNo() != null) {
            n.put("awardedSupplierOrgNo", r.awardedOrgNo());
            n.set("agreedValue", money(r.agreedValue()));
        }
        CompetitionViews.addTo(n, r.competition());
        return n.put("createdAt", r.createdAt().toString()).put("version", r.version());
    }

    static ObjectNode offer(String callOffId, CallOffStore.StoredOffer s) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("id", s.offer().id()).put("callOffId", callOffId)
                .put("supplierOrgNo", s.offer().orgNo()).put("rank", s.offer().rank())
                .put("sentAt", s.offer().sentAt().toString()).put("deadline", s.offer().deadline().toString())
                .put("deadlineLocal", oslo(s.offer().deadline())).put("status", s.offer().outcome().name());
        if (s.respondedAt() != null) {
            n.put("respondedAt", s.respondedAt().toString());
        }
        if (s.reason() != null) {
            n.put("declineReason", s.reason());
        }
        return n;
    }

    static ObjectNode protocol(String callOffId, List<ProtocolEvent> events) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("callOffId", callOffId);
        ArrayNode list = n.putArray("events");
        for (ProtocolEvent e : events) {
            ObjectNode item = list.addObject().put("seq", e.seq()).put("at", e.at().toString()).put("actor", e.actor())
                    .put("type", e.type());
            item.set("payload", parse(e.payloadJson()));
            item.put("previousHash", e.previousHash()).put("hash", e.hash());
        }
        ChainVerification v = ProtocolChain.verify(events);
        ObjectNode verification = n.putObject("verification").put("intact", v.intact());
        if (v instanceof ChainVerification.Broken broken) {
            verification.put("brokenAtSeq", broken.seq()).put("problem", broken.problem().name()).put("detail", broken.message());
        }
        return n;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.tree(json);
        } catch (RuntimeException e) {
            return Json.MAPPER.getNodeFactory().textNode(json);
        }
    }

    static ObjectNode money(BigDecimal amount) {
        return Json.MAPPER.createObjectNode().put("amount", amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                .put("currency", "NOK");
    }

    static String oslo(Instant i) {
        return LOCAL.format(i.atZone(OSLO));
    }
}
