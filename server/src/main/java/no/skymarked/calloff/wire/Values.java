package no.skymarked.calloff.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import no.skymarked.calloff.application.Receipt;
import no.skymarked.calloff.domain.Money;
import no.skymarked.calloff.domain.WorkingDayCalendar;
import no.skymarked.shared.Json;

/** Plain values on the wire: money, instants, Oslo time, and protocol payloads built of maps, lists and records. */
public final class Values {
    private Values() {
    }

    public static ObjectNode money(BigDecimal amount) {
        return Json.MAPPER.createObjectNode().put("amount", amount.setScale(2, RoundingMode.HALF_UP).toPlainString()).put("currency", "NOK");
    }

    public static ObjectNode money(Money m) {
        return Json.MAPPER.createObjectNode().put("amount", m.rounded().toPlainString()).put("currency", m.currency());
    }

    public static Money money(JsonNode n) {
        return new Money(new BigDecimal(n.path("amount").asText()), n.path("currency").asText(Money.NOK));
    }

    public static String oslo(Instant i) {
        return WorkingDayCalendar.osloTime(i);
    }

    public static Instant instant(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : Instant.parse(n.asText());
    }

    public static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    /** A protocol payload as JSON: maps, lists, text, numbers, booleans, instants, money and the feature's records. */
    public static JsonNode tree(Object value) {
        return switch (value) {
            case null -> Json.MAPPER.nullNode();
            case JsonNode n -> n;
            case Map<?, ?> map -> {
                ObjectNode o = Json.MAPPER.createObjectNode();
                map.forEach((k, v) -> o.set(String.valueOf(k), tree(v)));
                yield o;
            }
            case Collection<?> list -> {
                ArrayNode a = Json.MAPPER.createArrayNode();
                list.forEach(v -> a.add(tree(v)));
                yield a;
            }
            case String s -> Json.MAPPER.getNodeFactory().textNode(s);
            case Boolean b -> Json.MAPPER.getNodeFactory().booleanNode(b);
            case Integer i -> Json.MAPPER.getNodeFactory().numberNode(i);
            case Long l -> Json.MAPPER.getNodeFactory().numberNode(l);
            case BigDecimal d -> Json.MAPPER.getNodeFactory().textNode(d.toPlainString());
            case Instant i -> Json.MAPPER.getNodeFactory().textNode(i.toString());
            case LocalDate d -> Json.MAPPER.getNodeFactory().textNode(d.toString());
            case Enum<?> e -> Json.MAPPER.getNodeFactory().textNode(e.name());
            case Money m -> money(m);
            case Receipt r -> receipt(r);
            default -> CallOffJson.payload(value);
        };
    }

    private static ObjectNode receipt(Receipt r) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("tenderRef", r.tenderRef()).put("supplierOrgNo", r.orgNo())
                .put("action", r.action()).put("version", r.version()).put("at", r.at().toString());
        if (r.sealedSha256() != null) {
            n.put("sealedContentSha256", r.sealedSha256());
        }
        return n;
    }
}
