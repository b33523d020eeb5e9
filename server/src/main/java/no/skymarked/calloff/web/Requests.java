package no.skymarked.calloff.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import no.skymarked.calloff.application.Idempotency;
import no.skymarked.shared.Bodies;
import no.skymarked.shared.Cursor;
import no.skymarked.shared.Json;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.RequestSchemas;

/**
 * A request body read against the OpenAPI document: the schema of the operation's request body decides what is
 * well-formed (every field problem is one 422 with its pointer); the mapping to commands below only converts.
 */
final class Requests {
    private Requests() {
    }

    /** The body of {@code operationId}, refused with {@code problemType} unless the spec's schema accepts it. */
    static JsonNode body(ServerRequest req, String operationId, String problemType) {
        return RequestSchemas.validate(operationId, Bodies.object(req), problemType);
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText().strip();
    }

    /** A decimal given as a string or a number (the schema has checked its form). */
    static BigDecimal decimal(JsonNode v) {
        return v == null || v.isNull() ? null : v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText());
    }

    /** Text if the member is a string, else null (for bodies mapped although the schema refused them). */
    static String textOrNull(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v != null && v.isTextual() ? v.asText().strip() : null;
    }

    /** A decimal if the member reads as one, else null (for bodies mapped although the schema refused them). */
    static BigDecimal decimalOrNull(JsonNode v) {
        try {
            return v == null || !(v.isNumber() || v.isTextual()) ? null : decimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The schema's violations as the use cases' field refusals. */
    static List<no.skymarked.calloff.application.Refusal.Field> problems(String operationId, JsonNode body) {
        return RequestSchemas.problems(operationId, body).stream()
                .map(e -> new no.skymarked.calloff.application.Refusal.Field(e.pointer(), e.detail())).toList();
    }

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> each) {
        List<T> out = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> out.add(each.apply(item)));
        }
        return out;
    }

    /** The Idempotency-Key header with the hash of what it is sent with; null without the header. */
    static Idempotency idempotency(ServerRequest req, String request) {
        String key = req.headers().first(HeaderNames.create("Idempotency-Key")).orElse(null);
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200) {
            throw new ProblemException(400, "/problems/invalid-parameter", "Invalid parameter",
                    "header 'Idempotency-Key' must be 1 to 200 characters", List.of());
        }
        return new Idempotency(key, Cursor.hash(request));
    }

    /** The key of a creating step under a call-off, bound to its path and body. */
    static Idempotency idempotency(ServerRequest req, JsonNode body) {
        return idempotency(req, req.path().path() + "\n" + Json.text(body));
    }
}
