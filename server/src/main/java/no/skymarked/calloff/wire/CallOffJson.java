package no.skymarked.calloff.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import no.skymarked.calloff.application.EvaluationSheet;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.CallOffDetails;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.EstimateLine;
import no.skymarked.calloff.domain.Route;
import no.skymarked.calloff.domain.RouteException;
import no.skymarked.calloff.domain.ServiceVersion;
import no.skymarked.calloff.domain.SplittingJustification;
import no.skymarked.shared.Json;

/** The JSON of a call-off: the request as accepted (its stored document), the view, and the typed protocol payloads. */
public final class CallOffJson {
    private CallOffJson() {
    }

    public static ObjectNode details(CallOffDetails d) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("title", d.title()).put("needDescription", d.needDescription());
        ArrayNode hours = n.putArray("estimatedHours");
        for (EstimateLine line : d.lines()) {
            ObjectNode l = hours.addObject().put("roleId", line.roleId()).put("hours", line.hours().stripTrailingZeros().toPlainString());
            if (line.days() != null) {
                l.put("days", line.days().toPlainString());
            }
        }
        if (d.requestedRoute() != null) {
            n.put("requestedRoute", d.requestedRoute().name());
        }
        if (d.exception() != null) {
            n.set("exception", exception(d.exception()));
        }
        putIf(n, "miniCompetitionReason", d.miniCompetitionReason());
        putIf(n, "buyerReference", d.buyerReference());
        putIf(n, "projectReference", d.projectReference());
        if (d.splitting() != null) {
            ObjectNode s = n.putObject("splitting");
            putIf(s, "justification", d.splitting().justification());
            putIf(s, "approvedBy", d.splitting().approvedBy());
        }
        n.put("routeReason", d.routeReason()).put("accessionId", d.accessionId());
        n.set("flags", Values.tree(d.flags()));
        if (!d.serviceVersions().isEmpty()) {
            ArrayNode refs = n.putArray("serviceVersions");
            d.serviceVersions().forEach(v -> refs.addObject().put("serviceId", v.serviceId()).put("version", v.version()));
        }
        return n;
    }

    public static CallOffDetails details(JsonNode d) {
        List<EstimateLine> lines = new ArrayList<>();
        d.path("estimatedHours").forEach(h -> lines.add(new EstimateLine(h.path("roleId").asText(), new BigDecimal(h.path("hours").asText()),
                h.hasNonNull("days") ? new BigDecimal(h.path("days").asText()) : null)));
        RouteException exception = exception(d.path("exception"));
        JsonNode s = d.path("splitting");
        SplittingJustification splitting = s.isObject()
                ? new SplittingJustification(Values.text(s.get("justification")), Values.text(s.get("approvedBy"))) : null;
        List<String> flags = new ArrayList<>();
        d.path("flags").forEach(f -> flags.add(f.asText()));
        List<ServiceVersion> versions = new ArrayList<>();
        d.path("serviceVersions").forEach(v -> versions.add(new ServiceVersion(v.path("serviceId").asText(), v.path("version").asInt())));
        return new CallOffDetails(d.path("title").asText(), d.path("needDescription").asText(), lines,
                d.hasNonNull("requestedRoute") ? Route.valueOf(d.path("requestedRoute").asText()) : null, exception,
                Values.text(d.get("miniCompetitionReason")), Values.text(d.get("buyerReference")), Values.text(d.get("routeReason")),
                Values.text(d.get("accessionId")), flags, versions, Values.text(d.get("projectReference")), splitting);
    }

    /** An exception as requested or kept; left-out conditions and confirmations are false. */
    public static RouteException exception(JsonNode ex) {
        return ex == null || !ex.isObject() ? null : new RouteException(ex.path("unforeseeable").asBoolean(false),
                ex.path("security").asBoolean(false), ex.path("criticalLifeOrHealth").asBoolean(false), Values.text(ex.get("justification")),
                Values.text(ex.get("approvedBy")), Values.text(ex.get("followUpPlan")), ex.path("causedByAgency").asBoolean(false),
                ex.path("approverConfirmsUnforeseeable").asBoolean(false));
    }

    static ObjectNode exception(RouteException e) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("unforeseeable", e.unforeseeable()).put("security", e.security())
                .put("criticalLifeOrHealth", e.criticalLifeOrHealth());
        putIf(n, "justification", e.justification());
        putIf(n, "approvedBy", e.approvedBy());
        putIf(n, "followUpPlan", e.followUpPlan());
        n.put("causedByAgency", e.causedByAgency()).put("approverConfirmsUnforeseeable", e.approverConfirmsUnforeseeable());
        return n;
    }

    /** The call-off as the API shows it (spec: CallOff). */
    public static ObjectNode view(CallOff c) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("id", c.id()).put("buyerOrgNo", c.buyerOrgNo())
                .put("frameworkId", c.frameworkId()).put("lotId", c.lotId());
        n.setAll(details(c.details()));
        n.remove("accessionId");
        n.put("totalHours", c.totalHours().setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()).put("route", c.route().name())
                .put("status", c.status().name());
        n.set("estimatedValue", Values.money(c.estimatedValue()));
        c.awardedOrgNo().ifPresent(org -> {
            n.put("awardedSupplierOrgNo", org);
            n.set("agreedValue", Values.money(c.agreedValue().orElseThrow()));
        });
        c.competition().ifPresent(comp -> {
            ObjectNode terms = CompetitionJson.terms(comp.terms(), false);
            comp.opening().ifPresent(o -> terms.put("openedAt", o.openedAt().toString()));
            n.set("competition", terms);
            comp.award().ifPresent(a -> n.set("award", CompetitionJson.award(a)));
        });
        c.contract().ifPresent(x -> n.set("contract", payload(x)));
        c.cancellation().ifPresent(x -> n.set("cancellation", payload(x)));
        c.unsuccessful().ifPresent(x -> n.set("unsuccessful", payload(x)));
        return n.put("createdAt", c.createdAt().toString()).put("version", c.version());
    }

    /** The feature's records as protocol payloads (and parts of views). */
    static JsonNode payload(Object value) {
        return switch (value) {
            case CallOffDetails d -> details(d);
            case RouteException e -> exception(e);
            case Competition.Terms t -> CompetitionJson.terms(t, true);
            case Competition.Question q -> CompetitionJson.question(q);
            case Competition.Declaration d -> CompetitionJson.declaration(d);
            case Competition.Award a -> CompetitionJson.award(a);
            case Competition.EvaluatorScores e -> EvaluatingJson.evaluatorScores(e);
            case Competition.ExplanationRequest r -> EvaluatingJson.explanationRequest(r);
            case EvaluationSheet s -> EvaluationJson.view(s);
            case CallOff.Contract x -> Json.MAPPER.createObjectNode().put("concludedAt", x.concludedAt().toString())
                    .put("buyerSignedAt", x.buyerSignedAt().toString()).put("supplierSignedAt", x.supplierSignedAt().toString());
            case CallOff.Cancellation x -> Json.MAPPER.createObjectNode().put("reason", x.reason()).put("cancelledAt", x.cancelledAt().toString())
                    .put("cancelledBy", x.cancelledBy()).put("statusBefore", x.statusBefore().name());
            case CallOff.Unsuccessful x -> Json.MAPPER.createObjectNode().put("reason", x.reason()).put("at", x.at().toString());
            default -> throw new IllegalArgumentException("no JSON for " + value.getClass().getName());
        };
    }

    static void putIf(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }
}
