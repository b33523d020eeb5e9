package no.skymarked;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.skymarked.shared.Json;

/**
 * Checks a response body against the OpenAPI document: the schema of the operation's documented response for that
 * status (application/json or application/problem+json), with the spec's components and catalogue schemas.
 */
public final class SpecContract {
    private static final JsonNode SPEC = load();
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));

    private SpecContract() {
    }

    /** The problems of {@code body} as the response {@code status} of {@code operationId}; empty when it conforms. */
    public static List<String> problems(String operationId, int status, String body) {
        JsonNode responses = operation(operationId).path("responses");
        JsonNode response = responses.has(String.valueOf(status)) ? responses.path(String.valueOf(status)) : responses.path("default");
        if (response.isMissingNode()) {
            return List.of("status " + status + " is not documented for " + operationId);
        }
        if (response.has("$ref")) {
            response = SPEC.at(response.path("$ref").asText().substring(1));
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return List.of();
        }
        JsonNode schema = content.has("application/json") ? content.path("application/json").path("schema")
                : content.path("application/problem+json").path("schema");
        String key = operationId + " " + status;
        Schema compiled = CACHE.computeIfAbsent(key, k -> compile(schema));
        return compiled.validate(body, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static Schema compile(JsonNode schema) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.setAll((ObjectNode) rewrite(schema.deepCopy()));
        ObjectNode definitions = doc.putObject("definitions");
        SPEC.path("components").path("schemas").fields()
                .forEachRemaining(e -> definitions.set(e.getKey(), rewrite(e.getValue().deepCopy())));
        return REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/contract-" + Math.abs(doc.hashCode()) + ".json"),
                Json.text(doc), InputFormat.JSON);
    }

    /** Points component refs at the definitions and file refs at the catalogue schemas on the classpath. */
    private static JsonNode rewrite(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            if (o.has("$ref")) {
                String ref = o.path("$ref").asText();
                o.put("$ref", ref.startsWith("#/components/schemas/") ? ref.replace("#/components/schemas/", "#/definitions/")
                        : ref.replace("../schemas/", "classpath:schemas/"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                rewrite(it.next().getValue());
            }
        } else if (node.isArray()) {
            node.forEach(SpecContract::rewrite);
        }
        return node;
    }

    private static JsonNode operation(String operationId) {
        for (JsonNode path : SPEC.path("paths")) {
            for (JsonNode op : path) {
                if (operationId.equals(op.path("operationId").asText())) {
                    return op;
                }
            }
        }
        throw new IllegalArgumentException("no operation " + operationId);
    }

    private static JsonNode load() {
        try (InputStream in = SpecContract.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
