package no.skymarked.spec;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** House rules of the API contract, checked on the document itself. */
class SpecRulesTest {
    private static JsonNode spec;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = SpecRulesTest.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            spec = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private interface OperationCheck {
        void check(String path, String method, JsonNode op, List<String> problems);
    }

    private static List<String> eachOperation(OperationCheck check) {
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                check.check(path.getKey(), op.getKey(), op.getValue(), problems);
            }
        }
        return problems;
    }

    @Test
    void pathsAreVersionedKebabCaseWithoutTrailingSlash() {
        // the API is versioned; development-only operations (never in production) live under /dev instead
        List<String> problems = new ArrayList<>();
        spec.path("paths").fieldNames().forEachRemaining(p -> {
            if (!p.matches("/(v1|dev)(/([a-z0-9]+(-[a-z0-9]+)*|\\{[a-zA-Z]+}))+")
                    || p.startsWith("/dev/") && !spec.path("paths").path(p).toString().contains("\"development\"")) {
                problems.add(p);
            }
        });
        assertThat(problems, is(empty()));
    }

    @Test
    void everyOperationHasAUniqueIdTagAndSummary() {
        Set<String> ids = new HashSet<>();
        List<String> problems = eachOperation((path, method, op, out) -> {
            if (!op.hasNonNull("operationId") || !ids.add(op.path("operationId").asText())) {
                out.add(method + " " + path + ": missing or duplicate operationId");
            }
            if (op.path("tags").isEmpty() || !op.hasNonNull("summary")) {
                out.add(method + " " + path + ": needs a tag and a summary");
            }
        });
        assertThat(problems, is(empty()));
    }

    @Test
    void everyErrorResponseIsProblemJson() {
        JsonNode shared = spec.path("components").path("responses");
        List<String> problems = eachOperation((path, method, op, out) -> {
            for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> response = it.next();
                if (!response.getKey().startsWith("4") && !response.getKey().startsWith("5")) {
                    continue;
                }
                JsonNode body = response.getValue();
                if (body.has("$ref")) {
                    body = shared.path(body.path("$ref").asText().replace("#/components/responses/", ""));
                }
                if (!body.path("content").has("application/problem+json")) {
                    out.add(method + " " + path + " " + response.getKey() + " is not application/problem+json");
                }
            }
            if (!op.path("responses").has("500")) {
                out.add(method + " " + path + " documents no 500");
            }
        });
        assertThat(problems, is(empty()));
    }

    @Test
    void everyIntegerHasAFormat() {
        List<String> problems = new ArrayList<>();
        walk(spec, "", problems);
        assertThat(problems, is(empty()));
    }

    private static void walk(JsonNode node, String at, List<String> problems) {
        if (node.isObject()) {
            if ("integer".equals(node.path("type").asText()) && !node.has("format")) {
                problems.add(at);
            }
            node.fields().forEachRemaining(e -> walk(e.getValue(), at + "/" + e.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, problems);
            }
        }
    }
}
