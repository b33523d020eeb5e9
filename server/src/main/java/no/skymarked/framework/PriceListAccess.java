package no.skymarked.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.shared.Json;

/**
 * Who sees a framework's price lists (hourly rates, confidential): editors and auditors all of them; buyers of
 * agencies eligible for the framework all of them; a supplier only its own. Anyone else: none.
 */
public final class PriceListAccess {
    private PriceListAccess() {
    }

    public static boolean eligibleBuyer(JsonNode framework, Principal p) {
        return p.has(Role.BUYER) && identifiedAgency(framework, p.orgNo());
    }

    /** An agency identified in the framework's notice: listed, or a member of a group it names; nobody when it names none. */
    public static boolean identifiedAgency(JsonNode framework, String orgNo) {
        return Eligibility.identifies(framework, orgNo);
    }

    /** The price lists {@code p} may read, or empty when it may read none. */
    public static Optional<JsonNode> visibleTo(JsonNode framework, Principal p) {
        boolean all = p.has(Role.EDITOR) || p.has(Role.AUDITOR) || eligibleBuyer(framework, p);
        boolean own = !all && p.has(Role.SUPPLIER);
        if (!all && !own) {
            return Optional.empty();
        }
        ObjectNode out = Json.MAPPER.createObjectNode().put("frameworkId", framework.path("id").asText());
        ArrayNode lots = out.putArray("lots");
        for (JsonNode lot : framework.path("lots")) {
            ArrayNode suppliers = Json.MAPPER.createArrayNode();
            for (JsonNode s : lot.path("suppliers")) {
                if (all || s.path("orgNo").asText().equals(p.orgNo())) {
                    suppliers.addObject()
                            .put("orgNo", s.path("orgNo").asText())
                            .put("rank", s.path("rank").asInt())
                            .set("rates", s.path("rates").isMissingNode() ? Json.MAPPER.createArrayNode() : s.path("rates"));
                }
            }
            if (!suppliers.isEmpty()) {
                lots.addObject().put("lotId", lot.path("id").asText()).set("suppliers", suppliers);
            }
        }
        if (own && lots.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(out);
    }
}
