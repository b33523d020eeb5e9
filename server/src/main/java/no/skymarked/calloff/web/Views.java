package no.skymarked.calloff.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import no.skymarked.calloff.application.OfferRecord;
import no.skymarked.calloff.domain.ChainVerification;
import no.skymarked.calloff.domain.ProtocolChain;
import no.skymarked.calloff.domain.ProtocolEvent;
import no.skymarked.calloff.wire.Values;
import no.skymarked.shared.Json;

/** The JSON shapes of offers, protocols and listings. */
final class Views {
    private Views() {
    }

    static ObjectNode offer(String callOffId, OfferRecord s) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("id", s.offer().id()).put("callOffId", callOffId)
                .put("supplierOrgNo", s.offer().orgNo()).put("rank", s.offer().rank())
                .put("sentAt", s.offer().sentAt().toString()).put("deadline", s.offer().deadline().toString())
                .put("deadlineLocal", Values.oslo(s.offer().deadline())).put("status", s.offer().outcome().name());
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

    static ObjectNode items(List<? extends JsonNode> items) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.putArray("items").addAll(items);
        return out;
    }
}
