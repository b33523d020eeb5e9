package no.skymarked.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.skymarked.shared.Json;

/**
 * Validates OCDS packages as a strict reader would: against the vendored OCDS 1.1.5 schemas (test resources
 * {@code ocds/}, copied whole from the official files) with the Techniques extension applied as a JSON Merge Patch
 * (RFC 7386), and the Pagination extension's {@code links} on release packages, every object made closed
 * ({@code additionalProperties: false}, recursively) so an undeclared field fails. Then the checks of the OCDS data
 * review tool: the ocid prefix, unique ids within arrays, unique release ids, codelist values (closed and open
 * codelists, from the vendored CSV files), no empty fields (null, blank text, empty arrays or objects), and
 * organisation references that name a party.
 */
public final class OcdsValidator {
    static final String BASE = "https://standard.open-contracting.org/schema/1__1__5/";
    private static final Pattern OCID = Pattern.compile("^ocds-[a-z0-9]{6}-.+");
    private static final ObjectNode RELEASE = strict(mergePatch(read("ocds/1.1.5/release-schema.json"),
            read("ocds/techniques/release-schema.json")));
    private static final Schema RELEASE_PACKAGE;
    private static final Schema RECORD_PACKAGE;
    private static final Map<String, Set<String>> CODELISTS = new HashMap<>();

    static {
        ObjectNode releasePackage = strict(mergePatch(read("ocds/1.1.5/release-package-schema.json"), paginationPatch()));
        ObjectNode recordPackage = strict(read("ocds/1.1.5/record-package-schema.json"));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, b -> b
                .schemas(Map.of(BASE + "release-schema.json", Json.text(RELEASE), BASE + "release-package-schema.json",
                        Json.text(releasePackage), BASE + "record-package-schema.json", Json.text(recordPackage)))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        RELEASE_PACKAGE = registry.getSchema(SchemaLocation.of(BASE + "release-package-schema.json"));
        RECORD_PACKAGE = registry.getSchema(SchemaLocation.of(BASE + "record-package-schema.json"));
    }

    private OcdsValidator() {
    }

    /** The problems of a release package; empty when it is valid. */
    public static List<String> releasePackage(String json) {
        List<String> problems = new ArrayList<>(RELEASE_PACKAGE.validate(json, InputFormat.JSON).stream().map(Error::toString).toList());
        JsonNode p = Json.tree(json);
        review(p, problems);
        Set<String> ids = new HashSet<>();
        for (JsonNode r : p.path("releases")) {
            release(r, problems);
            if (!ids.add(r.path("ocid").asText() + " " + r.path("id").asText())) {
                problems.add("release id " + r.path("id").asText() + " of " + r.path("ocid").asText() + " appears twice");
            }
        }
        return problems;
    }

    /** The problems of a record package; empty when it is valid. */
    public static List<String> recordPackage(String json) {
        List<String> problems = new ArrayList<>(RECORD_PACKAGE.validate(json, InputFormat.JSON).stream().map(Error::toString).toList());
        JsonNode p = Json.tree(json);
        review(p, problems);
        for (JsonNode record : p.path("records")) {
            if (!OCID.matcher(record.path("ocid").asText()).matches()) {
                problems.add("record ocid " + record.path("ocid").asText() + " lacks a registered prefix (ocds-xxxxxx-)");
            }
            release(record.path("compiledRelease"), problems);
        }
        return problems;
    }

    private static void release(JsonNode r, List<String> problems) {
        if (!OCID.matcher(r.path("ocid").asText()).matches()) {
            problems.add("ocid " + r.path("ocid").asText() + " lacks a registered prefix (ocds-xxxxxx-)");
        }
        codelists(RELEASE, r, "", problems);
        Set<String> parties = new HashSet<>();
        r.path("parties").forEach(p -> parties.add(p.path("id").asText()));
        List<JsonNode> references = new ArrayList<>();
        references.add(r.path("buyer"));
        references.add(r.path("tender").path("procuringEntity"));
        r.path("tender").path("tenderers").forEach(references::add);
        r.path("awards").forEach(a -> a.path("suppliers").forEach(references::add));
        for (JsonNode ref : references) {
            if (!ref.isMissingNode() && !parties.contains(ref.path("id").asText())) {
                problems.add("organisation reference " + ref + " names no party of release " + r.path("id").asText());
            }
        }
    }

    /** Empty fields, and ids repeated within an array. */
    private static void review(JsonNode node, List<String> problems) {
        walk(node, "", problems);
    }

    private static void walk(JsonNode node, String at, List<String> problems) {
        if (node.isNull() || node.isTextual() && node.asText().isBlank() || node.isContainerNode() && node.isEmpty()) {
            problems.add(at + " is empty");
            return;
        }
        if (node.isArray()) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.has("id") && !ids.add(item.path("id").asText())) {
                    problems.add(at + "/" + i + ": id " + item.path("id").asText() + " is not unique in its array");
                }
                walk(item, at + "/" + i, problems);
            }
        } else if (node.isObject()) {
            node.properties().forEach(e -> walk(e.getValue(), at + "/" + e.getKey(), problems));
        }
    }

    /** Walks the release with its schema: every value of a field with a codelist must be one of its codes. */
    private static void codelists(JsonNode schema, JsonNode value, String at, List<String> problems) {
        schema = resolve(schema);
        if (schema.has("codelist")) {
            Set<String> codes = codelist(schema.path("codelist").asText());
            List<JsonNode> values = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(values::add);
            } else {
                values.add(value);
            }
            for (JsonNode v : values) {
                if (!codes.contains(v.asText())) {
                    problems.add(at + ": '" + v.asText() + "' is not in codelist " + schema.path("codelist").asText());
                }
            }
            return;
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            value.properties().forEach(e -> {
                if (properties.has(e.getKey())) {
                    codelists(properties.path(e.getKey()), e.getValue(), at + "/" + e.getKey(), problems);
                }
            });
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                codelists(schema.path("items"), value.get(i), at + "/" + i, problems);
            }
        }
    }

    private static JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref") && schema.path("$ref").asText().startsWith("#/")) {
            schema = RELEASE.at(schema.path("$ref").asText().substring(1));
        }
        return schema;
    }

    private static synchronized Set<String> codelist(String file) {
        return CODELISTS.computeIfAbsent(file, f -> {
            String text = text("ocds/1.1.5/codelists/" + f);
            if (text == null) {
                text = text("ocds/techniques/codelists/" + f);
            }
            if (text == null) {
                throw new IllegalStateException("no vendored codelist " + f);
            }
            Set<String> codes = new HashSet<>();
            String[] lines = text.split("\r?\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    codes.add(lines[i].split(",", 2)[0].replace("\"", ""));
                }
            }
            return codes;
        });
    }

    /** JSON Merge Patch (RFC 7386), as OCDS extensions are applied. */
    static ObjectNode mergePatch(ObjectNode target, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                target.remove(e.getKey());
            } else if (e.getValue().isObject()) {
                JsonNode existing = target.get(e.getKey());
                ObjectNode into = existing instanceof ObjectNode o ? o : target.putObject(e.getKey());
                mergePatch(into, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return target;
    }

    /** Closes every object schema that lists its properties: no undeclared field passes. */
    static ObjectNode strict(ObjectNode schema) {
        close(schema);
        return schema;
    }

    private static void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode s)) {
            return;
        }
        if (s.has("properties") && !s.has("additionalProperties")) {
            s.put("additionalProperties", false);
        }
        for (String keyword : List.of("properties", "definitions", "patternProperties")) {
            s.path(keyword).forEach(OcdsValidator::close);
        }
        close(s.path("items"));
        for (String keyword : List.of("oneOf", "anyOf", "allOf")) {
            if (s.path(keyword) instanceof ArrayNode list) {
                list.forEach(OcdsValidator::close);
            }
        }
    }

    /**
     * The Pagination extension's addition to release packages (open-contracting-extensions/ocds_pagination_extension,
     * release-package-schema.json): a {@code links} object with {@code next} and {@code prev} URLs.
     */
    private static JsonNode paginationPatch() {
        return Json.tree("{\"properties\": {\"links\": {\"title\": \"Links\", \"type\": \"object\", \"properties\": {"
                + "\"next\": {\"type\": \"string\", \"format\": \"uri\"}, \"prev\": {\"type\": \"string\", \"format\": \"uri\"}}}}}");
    }

    private static ObjectNode read(String resource) {
        return (ObjectNode) Json.tree(text(resource));
    }

    private static String text(String resource) {
        try (InputStream in = OcdsValidator.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
