package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.skymarked.calloff.domain.CallOffEstimate;
import no.skymarked.calloff.domain.RoleHours;
import no.skymarked.calloff.domain.Route;
import no.skymarked.calloff.domain.RouteException;
import no.skymarked.shared.Problem;
import no.skymarked.shared.ProblemException;

/** The body of {@code POST /v1/call-offs}, read strictly: every field problem is reported with its pointer. */
record CallOffRequest(String frameworkId, String lotId, String title, String needDescription, List<Line> lines,
                      CallOffEstimate estimate, Optional<Route> requestedRoute, Optional<RouteException> exception,
                      String miniCompetitionReason, String buyerReference) {

    /** One estimate line as given: hours, or days converted with the framework's hours per day (E4). */
    record Line(String roleId, BigDecimal hours, BigDecimal days) {
    }

    /** The estimate in hours; lines given in days are converted with {@code hoursPerDay} (null: not configured). */
    CallOffRequest resolve(BigDecimal hoursPerDay) {
        List<RoleHours> hours = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.days() != null && hoursPerDay == null) {
                throw no.skymarked.shared.Bodies.invalid("/problems/hours-per-day-not-configured", "/estimatedHours/" + i + "/days",
                        "the framework sets no hours per day, so the estimate must be given in hours");
            }
            hours.add(new RoleHours(line.roleId(), line.days() != null ? line.days().multiply(hoursPerDay) : line.hours()));
        }
        return new CallOffRequest(frameworkId, lotId, title, needDescription, lines, new CallOffEstimate(hours),
                requestedRoute, exception, miniCompetitionReason, buyerReference);
    }
    private static final int MAX_TEXT = 10_000;

    private static final java.util.Set<String> FIELDS = java.util.Set.of("frameworkId", "lotId", "title", "needDescription",
            "estimatedHours", "requestedRoute", "miniCompetitionReason", "exception", "buyerReference", "buyerOrgNo",
            "serviceVersions");

    static CallOffRequest read(JsonNode body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                errors.add(Problem.FieldError.pointer("/" + f, "unknown field; expected one of " + new java.util.TreeSet<>(FIELDS)));
            }
        });
        String frameworkId = text(body, "frameworkId", 80, true, errors);
        String lotId = text(body, "lotId", 80, true, errors);
        String title = text(body, "title", 300, true, errors);
        String need = text(body, "needDescription", MAX_TEXT, true, errors);
        List<Line> lines = new ArrayList<>();
        JsonNode estimated = body.path("estimatedHours");
        if (!estimated.isArray() || estimated.isEmpty()) {
            errors.add(Problem.FieldError.pointer("/estimatedHours", "give estimated hours per role: [{\"roleId\": \"DEVELOPER\", \"hours\": \"120\"}]"));
        } else {
            for (int i = 0; i < estimated.size(); i++) {
                JsonNode line = estimated.get(i);
                String at = "/estimatedHours/" + i;
                String roleId = text(line, "roleId", 60, true, errors, at);
                boolean inDays = line.has("days") && !line.has("hours");
                BigDecimal amount = decimal(line.path(inDays ? "days" : "hours"), at + (inDays ? "/days" : "/hours"), errors);
                lines.add(new Line(roleId, inDays ? null : amount, inDays ? amount : null));
            }
        }
        Optional<Route> route = Optional.empty();
        if (body.hasNonNull("requestedRoute")) {
            try {
                route = Optional.of(Route.valueOf(body.path("requestedRoute").asText()));
            } catch (IllegalArgumentException e) {
                errors.add(Problem.FieldError.pointer("/requestedRoute", "must be DIRECT_AWARD or MINI_COMPETITION"));
            }
        }
        Optional<RouteException> exception = Optional.empty();
        JsonNode ex = body.path("exception");
        if (!ex.isMissingNode() && !ex.isNull()) {
            if (!ex.isObject()) {
                errors.add(Problem.FieldError.pointer("/exception", "must be an object"));
            } else {
                exception = Optional.of(new RouteException(bool(ex, "unforeseeable", errors), bool(ex, "security", errors),
                        bool(ex, "criticalLifeOrHealth", errors), text(ex, "justification", MAX_TEXT, false, errors, "/exception")));
            }
        }
        String reason = text(body, "miniCompetitionReason", MAX_TEXT, false, errors);
        String reference = text(body, "buyerReference", 100, false, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "/problems/invalid-call-off", "Invalid call-off",
                    errors.size() + " field(s) are invalid: " + errors.get(0).pointer() + " " + errors.get(0).detail(), errors);
        }
        return new CallOffRequest(frameworkId, lotId, title, need, lines, null, route, exception, reason, reference)
                .resolveHoursOnly();
    }

    private CallOffRequest resolveHoursOnly() {
        return lines.stream().anyMatch(l -> l.days() != null) ? this : resolve(null);
    }

    private static String text(JsonNode node, String field, int max, boolean required, List<Problem.FieldError> errors) {
        return text(node, field, max, required, errors, "");
    }

    private static String text(JsonNode node, String field, int max, boolean required, List<Problem.FieldError> errors, String at) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            if (required) {
                errors.add(Problem.FieldError.pointer(at + "/" + field, "is required"));
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            errors.add(Problem.FieldError.pointer(at + "/" + field, "must be a non-empty string"));
            return null;
        }
        if (v.asText().length() > max) {
            errors.add(Problem.FieldError.pointer(at + "/" + field, "is longer than " + max + " characters"));
            return null;
        }
        return v.asText().strip();
    }

    private static BigDecimal decimal(JsonNode v, String pointer, List<Problem.FieldError> errors) {
        boolean sane = v.isNumber() && v.decimalValue().scale() <= 2 && v.decimalValue().precision() - v.decimalValue().scale() <= 9;
        if (sane || (v.isTextual() && v.asText().matches("-?[0-9]{1,9}(\\.[0-9]{1,2})?"))) {
            return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText());
        }
        errors.add(Problem.FieldError.pointer(pointer, "must be a decimal number of hours, e.g. \"120\" or \"37.5\""));
        return null;
    }

    private static boolean bool(JsonNode ex, String field, List<Problem.FieldError> errors) {
        JsonNode v = ex.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            errors.add(Problem.FieldError.pointer("/exception/" + field, "must be true or false"));
            return false;
        }
        return v.asBoolean();
    }
}
