package no.skymarked.calloff.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import no.skymarked.calloff.application.OfferRecord;
import no.skymarked.calloff.domain.ChainFormat;
import no.skymarked.calloff.domain.ChainRecord;
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

    static ObjectNode protocol(ChainRecord chain) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("callOffId", chain.callOffId())
                .put("chainFormat", chain.format() == ChainFormat.BOUND ? "BOUND" : "UNBOUND");
        if (chain.format() == ChainFormat.BOUND) {
            n.put("genesisHash", ProtocolChain.genesis(chain.callOffId()));
        }
        if (chain.head() != null) {
            n.putObject("head").put("seq", chain.head().seq()).put("hash", chain.head().hash());
        }
        ArrayNode list = n.putArray("events");
        for (ProtocolEvent e : chain.events()) {
            ObjectNode item = list.addObject().put("seq", e.seq()).put("at", e.at().toString()).put("actor", e.actor())
                    .put("type", e.type());
            item.set("payload", parse(e.payloadJson()));
            if (e.state() != null) {
                item.put("state", e.state());
            }
            item.put("previousHash", e.previousHash()).put("hash", e.hash());
            if (e.logIndex() != null) {
                item.put("logIndex", e.logIndex());
            }
        }
        ChainVerification v = chain.verify();
        ObjectNode verification = n.putObject("verification").put("intact", v.intact());
        if (v instanceof ChainVerification.Broken broken) {
            verification.put("brokenAtSeq", broken.seq()).put("problem", broken.problem().name()).put("detail", broken.message());
        }
        ArrayNode findings = verification.putArray("findings");
        v.findings().forEach(f -> findings.addObject().put("seq", f.seq()).put("problem", f.problem().name())
                .put("damage", f.problem().damage()).put("detail", f.detail()));
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
