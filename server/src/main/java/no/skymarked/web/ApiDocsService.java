package no.skymarked.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import no.skymarked.shared.Json;
import no.skymarked.shared.ProblemException;

/**
 * Serves the OpenAPI document from api-spec as written (YAML, or JSON when the client asks for it) at
 * {@code /openapi}, and the catalogue JSON Schemas it references at {@code /schemas/*}.
 */
public final class ApiDocsService implements HttpService {
    static final String SPEC = "META-INF/openapi.yaml";
    private static final Set<String> SCHEMAS = Set.of("localized-text", "money", "organisation-number",
            "country-code", "certification", "supplier", "service", "price", "framework");

    private final byte[] yaml;
    private final byte[] json;

    public ApiDocsService() {
        this.yaml = resource(SPEC);
        try {
            Map<?, ?> tree = new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class);
            this.json = Json.bytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/openapi", this::spec)
                .get("/schemas/{file}", this::schema);
    }

    private void spec(ServerRequest req, ServerResponse res) {
        boolean wantsJson = req.query().contains("format") ? "json".equals(req.query().get("format"))
                : prefersJson(req.headers().first(HeaderNames.ACCEPT).orElse(""));
        if (wantsJson) {
            res.header(HeaderNames.CONTENT_TYPE, "application/json").send(json);
        } else {
            res.header(HeaderNames.CONTENT_TYPE, "application/yaml; charset=UTF-8").send(yaml);
        }
    }

    private void schema(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        String name = file.endsWith(".schema.json") ? file.substring(0, file.length() - ".schema.json".length()) : "";
        if (!SCHEMAS.contains(name)) {
            throw ProblemException.notFound("Schema", file);
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/json")
                .send(resource("schemas/" + file));
    }

    private static boolean prefersJson(String accept) {
        return accept.contains("json") && !accept.contains("yaml");
    }

    private static byte[] resource(String path) {
        try (InputStream in = ApiDocsService.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
