package no.skymarked.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;

/** Reads request bodies: malformed or oversized JSON is a 400 problem, never a 500. */
public final class Bodies {
    public static final int MAX_BYTES = 1_000_000;

    private Bodies() {
    }

    public static JsonNode object(ServerRequest req) {
        return object(req, MAX_BYTES);
    }

    public static JsonNode object(ServerRequest req, int maxBytes) {
        if (req.headers().contentLength().orElse(0) > maxBytes) {
            throw new ProblemException(413, "/problems/body-too-large", "Body too large",
                    "the request body is larger than " + maxBytes + " bytes", List.of());
        }
        byte[] bytes = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
        if (bytes.length > maxBytes) {
            throw new ProblemException(413, "/problems/body-too-large", "Body too large",
                    "the request body is larger than " + maxBytes + " bytes", List.of());
        }
        if (bytes.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node == null || node.isNull()) {
                return Json.MAPPER.createObjectNode();  // an optional body sent as JSON null
            }
            if (!node.isObject()) {
                throw malformed("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw malformed("the body could not be read");
        }
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(400, "/problems/malformed-body", "Malformed body", detail, List.of());
    }

    /** A 422 refusal for one field, titled by its type. */
    public static ProblemException invalid(String type, String pointer, String detail) {
        return new ProblemException(422, type, ProblemTitles.of(type), detail,
                pointer == null ? List.of() : List.of(Problem.FieldError.pointer(pointer, detail)));
    }
}
