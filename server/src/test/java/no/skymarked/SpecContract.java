package no.skymarked;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.skymarked.shared.RequestSchemas;

/**
 * Checks a response body against the OpenAPI document: the schema of the operation's documented response for that
 * status (application/json or application/problem+json), with the spec's components and catalogue schemas. The
 * document and the schema compilation are those the server checks request bodies with ({@link RequestSchemas}).
 */
public final class SpecContract {
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private SpecContract() {
    }

    /** The problems of {@code body} as the response {@code status} of {@code operationId}; empty when it conforms. */
    public static List<String> problems(String operationId, int status, String body) {
        JsonNode responses = RequestSchemas.operation(operationId).path("responses");
        JsonNode response = responses.has(String.valueOf(status)) ? responses.path(String.valueOf(status)) : responses.path("default");
        if (response.isMissingNode()) {
            return List.of("status " + status + " is not documented for " + operationId);
        }
        if (response.has("$ref")) {
            response = RequestSchemas.spec().at(response.path("$ref").asText().substring(1));
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return List.of();
        }
        if (!content.has("application/json") && !content.has("application/problem+json")) {
            return List.of();  // not JSON (e.g. text/markdown): nothing to check it against
        }
        JsonNode schema = content.has("application/json") ? content.path("application/json").path("schema")
                : content.path("application/problem+json").path("schema");
        Schema compiled = CACHE.computeIfAbsent(operationId + " " + status,
                k -> RequestSchemas.compile("contract-" + operationId + "-" + status, schema));
        return compiled.validate(body, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
