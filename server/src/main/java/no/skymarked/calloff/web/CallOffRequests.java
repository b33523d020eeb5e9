package no.skymarked.calloff.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import no.skymarked.calloff.application.CreateCallOff;
import no.skymarked.calloff.application.Idempotency;
import no.skymarked.calloff.domain.EstimateLine;
import no.skymarked.calloff.domain.Route;
import no.skymarked.calloff.domain.RouteException;
import no.skymarked.calloff.domain.ServiceVersion;
import no.skymarked.calloff.domain.SplittingJustification;

/** {@code POST /v1/call-offs} (spec: CallOffRequest, validated before) as the command to call off. */
final class CallOffRequests {
    private CallOffRequests() {
    }

    static CreateCallOff command(JsonNode body, Idempotency idempotency) {
        List<EstimateLine> lines = Requests.list(body.get("estimatedHours"), l -> l.hasNonNull("days") && !l.hasNonNull("hours")
                ? new EstimateLine(Requests.text(l, "roleId"), null, Requests.decimal(l.get("days")))
                : new EstimateLine(Requests.text(l, "roleId"), Requests.decimal(l.get("hours")), null));
        JsonNode ex = body.get("exception");
        RouteException exception = ex == null || !ex.isObject() ? null : new RouteException(ex.path("unforeseeable").asBoolean(false),
                ex.path("security").asBoolean(false), ex.path("criticalLifeOrHealth").asBoolean(false), Requests.text(ex, "justification"),
                Requests.text(ex, "approvedBy"), Requests.text(ex, "followUpPlan"), ex.path("causedByAgency").asBoolean(false),
                ex.path("approverConfirmsUnforeseeable").asBoolean(false));
        JsonNode s = body.get("splitting");
        SplittingJustification splitting = s == null || !s.isObject() ? null
                : new SplittingJustification(Requests.text(s, "justification"), Requests.text(s, "approvedBy"));
        return new CreateCallOff(Requests.text(body, "frameworkId"), Requests.text(body, "lotId"), Requests.text(body, "title"),
                Requests.text(body, "needDescription"), lines,
                body.hasNonNull("requestedRoute") ? Route.valueOf(body.get("requestedRoute").asText()) : null, exception,
                Requests.text(body, "miniCompetitionReason"), Requests.text(body, "buyerReference"),
                Requests.list(body.get("serviceVersions"), v -> new ServiceVersion(v.path("serviceId").asText(), v.path("version").asInt())),
                Requests.text(body, "projectReference"), splitting, idempotency);
    }
}
