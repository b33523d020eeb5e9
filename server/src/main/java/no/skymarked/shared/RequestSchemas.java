package no.skymarked.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request bodies checked against the OpenAPI document ({@code META-INF/openapi.yaml}), the one definition of the wire
 * model: the {@code application/json} request-body schema of an operation, with the document's components and the
 * catalogue schemas it refers to. Every violation becomes a field error with an RFC 6901 pointer to the offending
 * member, one per pointer, in words a developer can act on.
 *
 * <p>Messages come from the keyword that failed. Two extensions in the document refine them: {@code x-hint} on a
 * schema is added in parentheses to the messages about a value of that schema (or of a schema it composes with
 * {@code $ref} or {@code allOf}), e.g. {@code must match ^…$ (a decimal number of hours as a string, e.g. "120")};
 * {@code x-messages} maps a keyword of that schema to the whole message, e.g. for {@code oneOf} or {@code not}, either
 * as text or as {@code {member, message}} to point at a member of the object (as {@code required} does).
 *
 * <p>Schemas are compiled once per operation and kept; everything here is safe to use from many threads.
 */
public final class RequestSchemas {
    private static final String SPEC_RESOURCE = "META-INF/openapi.yaml";
    private static final String CLASSPATH_SCHEMAS = "classpath:schemas/";
    private static final JsonNode SPEC = load();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(true)
                    .locale(Locale.ENGLISH)
                    .build()));
    private static final Map<String, Compiled> REQUESTS = new ConcurrentHashMap<>();
    /** A date-time without seconds, which ISO 8601 (and the API, always) allows and RFC 3339 does not. */
    private static final java.util.regex.Pattern MINUTES_ONLY =
            java.util.regex.Pattern.compile("^([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2})([Zz]|[+-][0-9]{2}:[0-9]{2})$");
    private static final Map<String, JsonNode> CATALOGUE_SCHEMAS = new ConcurrentHashMap<>();
    /** The keywords whose message is about the value itself, so a schema's {@code x-hint} applies to them. */
    private static final Set<String> VALUE_KEYWORDS = Set.of("type", "enum", "const", "format", "pattern", "minLength", "maxLength",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems");

    /** A compiled schema with the document it was compiled from (refs rewritten, {@code x-} extensions kept). */
    private record Compiled(Schema schema, JsonNode document) {
    }

    private RequestSchemas() {
    }

    /**
     * {@code body} when it conforms to the request-body schema of {@code operationId}; otherwise a 422 problem of
     * {@code problemType} (e.g. {@code /problems/invalid-call-off}) whose title is derived from the type ("Invalid
     * call-off") and whose errors list every invalid member.
     */
    public static JsonNode validate(String operationId, JsonNode body, String problemType) {
        return validate(operationId, body, problemType, titleOf(problemType));
    }

    /** As {@link #validate(String, JsonNode, String)}, with the problem's title given. */
    public static JsonNode validate(String operationId, JsonNode body, String problemType, String title) {
        List<Problem.FieldError> errors = problems(operationId, body);
        if (!errors.isEmpty()) {
            throw new ProblemException(422, problemType, title, errors.size() + " field(s) are invalid: " + errors.get(0).pointer()
                    + " " + errors.get(0).detail(), errors);
        }
        return body;
    }

    /** Every violation of the request-body schema of {@code operationId} by {@code body}; empty when it conforms. */
    public static List<Problem.FieldError> problems(String operationId, JsonNode body) {
        Compiled compiled = REQUESTS.computeIfAbsent(operationId, RequestSchemas::compileRequest);
        JsonNode instance = body == null ? NullNode.getInstance()
                : readable(compiled.document(), compiled.document(), body);
        List<com.networknt.schema.Error> raw = compiled.schema().validate(Json.text(instance), InputFormat.JSON);
        return raw.isEmpty() ? List.of() : fieldErrors(compiled.document(), raw);
    }

    /**
     * {@code value} as the API has always read it, before the schema judges it: a member the schema declares that is
     * sent as JSON null is left out (so a required one is "required", an optional one absent; an undeclared one stays
     * and is refused); and a JSON number where the schema says {@code x-decimal} is its exact decimal string, so the
     * schema's pattern decides (a number too large to write out stays a number, refused by the type). Unchanged
     * values are not copied.
     */
    static JsonNode readable(JsonNode document, JsonNode schema, JsonNode value) {
        JsonNode s = resolve(document, schema);
        if (value.isNumber()) {
            java.math.BigDecimal d = value.decimalValue();
            boolean writable = d.precision() - d.scale() <= 30 && d.scale() <= 30;
            return s.path("x-decimal").asBoolean() && writable ? Json.MAPPER.getNodeFactory().textNode(d.toPlainString()) : value;
        }
        if (value.isTextual() && "date-time".equals(s.path("format").asText()) && MINUTES_ONLY.matcher(value.asText()).matches()) {
            var m = MINUTES_ONLY.matcher(value.asText());
            m.matches();
            return Json.MAPPER.getNodeFactory().textNode(m.group(1) + ":00" + m.group(2));
        }
        if (value.isObject()) {
            ObjectNode copy = null;
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                JsonNode memberSchema = propertySchema(document, s, member.getKey());
                JsonNode changed = memberSchema == null ? member.getValue()
                        : member.getValue().isNull() ? null : readable(document, memberSchema, member.getValue());
                if (changed != member.getValue()) {
                    copy = copy == null ? (ObjectNode) value.deepCopy() : copy;
                    if (changed == null) {
                        copy.remove(member.getKey());
                    } else {
                        copy.set(member.getKey(), changed);
                    }
                }
            }
            return copy == null ? value : copy;
        }
        if (value.isArray() && s.has("items")) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = null;
            for (int i = 0; i < value.size(); i++) {
                JsonNode changed = readable(document, s.path("items"), value.get(i));
                if (changed != value.get(i)) {
                    copy = copy == null ? (com.fasterxml.jackson.databind.node.ArrayNode) value.deepCopy() : copy;
                    copy.set(i, changed);
                }
            }
            return copy == null ? value : copy;
        }
        return value;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode s = schema;
        for (int depth = 0; depth < 16 && s.path("$ref").asText().startsWith("#/definitions/"); depth++) {
            s = document.at(s.path("$ref").asText().substring(1));
        }
        return s;
    }

    /** The schema of member {@code name} under {@code schema}: its properties, or those of its allOf/oneOf/anyOf parts. */
    private static JsonNode propertySchema(JsonNode document, JsonNode schema, String name) {
        JsonNode s = resolve(document, schema);
        if (s.path("properties").has(name)) {
            return s.path("properties").path(name);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : s.path(combinator)) {
                JsonNode found = propertySchema(document, part, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The OpenAPI document as read from the classpath (do not modify it). */
    public static JsonNode spec() {
        return SPEC;
    }

    /** The operation object of {@code operationId} in the document. */
    public static JsonNode operation(String operationId) {
        for (JsonNode path : SPEC.path("paths")) {
            for (JsonNode op : path) {
                if (operationId.equals(op.path("operationId").asText())) {
                    return op;
                }
            }
        }
        throw new IllegalArgumentException("no operation " + operationId + " in " + SPEC_RESOURCE);
    }

    /**
     * Compiles a schema of the document (e.g. a response schema, for contract tests): refs to
     * {@code #/components/schemas/…} and to the catalogue schemas ({@code ../schemas/…}) resolve; {@code name} names
     * the compiled document and must be unique per schema.
     */
    public static Schema compile(String name, JsonNode schema) {
        return compileDocument(name, schema).schema();
    }

    private static Compiled compileRequest(String operationId) {
        JsonNode requestBody = operation(operationId).path("requestBody");
        if (requestBody.has("$ref")) {
            requestBody = SPEC.at(requestBody.path("$ref").asText().substring(1));
        }
        JsonNode schema = requestBody.path("content").path("application/json").path("schema");
        if (!schema.isObject()) {
            throw new IllegalArgumentException("operation " + operationId + " has no application/json request body");
        }
        return compileDocument("request-" + operationId, schema);
    }

    private static Compiled compileDocument(String name, JsonNode schema) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.setAll((ObjectNode) rewrite(schema.deepCopy()));
        ObjectNode definitions = document.putObject("definitions");
        SPEC.path("components").path("schemas").properties()
                .forEach(e -> definitions.set(e.getKey(), rewrite(e.getValue().deepCopy())));
        // the validator gets the document without the x- extensions (they are read from `document` for messages)
        Schema compiled = REGISTRY.getSchema(SchemaLocation.of(CLASSPATH_SCHEMAS + name + ".json"),
                Json.text(withoutExtensions(document.deepCopy())), InputFormat.JSON);
        compiled.initializeValidators();
        return new Compiled(compiled, document);
    }

    /** Points component refs at the definitions and file refs at the catalogue schemas on the classpath. */
    private static JsonNode rewrite(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            if (o.has("$ref")) {
                String ref = o.path("$ref").asText();
                o.put("$ref", ref.startsWith("#/components/schemas/") ? ref.replace("#/components/schemas/", "#/definitions/")
                        : ref.replace("../schemas/", CLASSPATH_SCHEMAS));
            }
            o.properties().forEach(e -> rewrite(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(RequestSchemas::rewrite);
        }
        return node;
    }

    private static JsonNode withoutExtensions(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            o.remove(o.propertyStream().map(Map.Entry::getKey).filter(name -> name.startsWith("x-")).toList());
            o.properties().forEach(e -> withoutExtensions(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(RequestSchemas::withoutExtensions);
        }
        return node;
    }

    // ---- from validator errors to field errors ---------------------------------------------------------------

    /** One candidate error for a pointer; the lowest rank wins when a pointer has several. */
    private record Candidate(String pointer, String message, int rank) {
    }

    private static List<Problem.FieldError> fieldErrors(JsonNode document, List<com.networknt.schema.Error> raw) {
        Map<String, Candidate> byPointer = new LinkedHashMap<>();
        for (com.networknt.schema.Error error : raw) {
            List<String> path = segments(error.getEvaluationPath());
            if (path.isEmpty()) {
                continue;
            }
            int alternative = alternative(path);
            Candidate candidate = alternative < 0 ? candidate(document, path, error)
                    : alternativeCandidate(document, path, alternative, error.getInstanceLocation());
            byPointer.merge(candidate.pointer(), candidate, (a, b) -> b.rank() < a.rank() ? b : a);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        byPointer.values().forEach(c -> errors.add(Problem.FieldError.pointer(c.pointer(), c.message())));
        return errors;
    }

    private static List<String> segments(NodePath path) {
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            segments.add(path.getName(i));
        }
        return segments;
    }

    /** Where the outermost oneOf/anyOf whose branch an error comes from is in its evaluation path, or -1. */
    private static int alternative(List<String> path) {
        for (int i = 0; i < path.size() - 2; i++) {
            if (("oneOf".equals(path.get(i)) || "anyOf".equals(path.get(i))) && isIndex(path.get(i + 1))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An error inside a branch of oneOf/anyOf stands for the alternative as a whole (no branch matched), reported
     * once at the instance the alternative applies to; the validator reports anyOf only through its branches.
     */
    private static Candidate alternativeCandidate(JsonNode document, List<String> path, int alternative, NodePath instance) {
        NodePath at = instance;
        for (int steps = instanceSteps(path.subList(alternative + 2, path.size() - 1)); steps > 0 && at != null; steps--) {
            at = at.getParent();
        }
        String keyword = path.get(alternative);
        List<JsonNode> schemas = walk(document, path.subList(0, alternative));
        JsonNode custom = schemas.get(schemas.size() - 1).path("x-messages").path(keyword);
        String pointer = at == null ? "" : at.toString();
        if (custom.isTextual() || custom.isObject()) {
            return custom(custom, pointer, keyword);
        }
        String message = "oneOf".equals(keyword) ? "must match exactly one of the allowed forms" : "must match at least one of the allowed forms";
        return new Candidate(pointer.isEmpty() ? "/" : pointer, message, rank(keyword));
    }

    /** An {@code x-messages} entry: the message, or {@code {member, message}} pointing at a member of the instance. */
    private static Candidate custom(JsonNode custom, String at, String keyword) {
        String pointer = custom.path("member").isTextual() ? at + "/" + escape(custom.path("member").asText()) : at;
        String message = custom.isTextual() ? custom.asText() : custom.path("message").asText();
        return new Candidate(pointer.isEmpty() ? "/" : pointer, message, rank(keyword));
    }

    /** How many levels into the instance a run of schema keywords goes (properties/x, items, …). */
    private static int instanceSteps(List<String> keywords) {
        int steps = 0;
        for (int i = 0; i < keywords.size(); i++) {
            switch (keywords.get(i)) {
                case "properties", "patternProperties", "prefixItems" -> {
                    steps++;
                    i++;
                }
                case "items", "additionalItems", "additionalProperties" -> {
                    steps++;
                    if (i + 1 < keywords.size() && isIndex(keywords.get(i + 1))) {
                        i++;
                    }
                }
                default -> { }
            }
        }
        return steps;
    }

    private static Candidate candidate(JsonNode document, List<String> path, com.networknt.schema.Error error) {
        String keyword = error.getKeyword() != null ? error.getKeyword() : path.get(path.size() - 1);
        List<JsonNode> schemas = walk(document, path.subList(0, path.size() - 1));
        JsonNode schema = schemas.get(schemas.size() - 1);
        String at = error.getInstanceLocation().toString();
        JsonNode custom = schema.path("x-messages").path(keyword);
        if (custom.isTextual() || custom.isObject()) {
            return custom(custom, at, keyword);
        }
        String pointer;
        String message;
        if ("required".equals(keyword) || "additionalProperties".equals(keyword)) {
            String property = error.getProperty() != null ? error.getProperty() : String.valueOf(error.getArguments()[0]);
            pointer = at + "/" + escape(property);
            message = "required".equals(keyword) ? "is required"
                    : "unknown field; expected one of " + new TreeSet<>(names(schema.path("properties")));
        } else {
            pointer = at;
            message = message(keyword, schema, error);
            String hint = VALUE_KEYWORDS.contains(keyword) ? hint(schemas, path) : null;
            if (hint != null) {
                message = message + " (" + hint + ")";
            }
        }
        return new Candidate(pointer.isEmpty() ? "/" : pointer, message, rank(keyword));
    }

    /** The schemas along an evaluation path (the root first, the schema holding the failed keyword last). */
    private static List<JsonNode> walk(JsonNode document, List<String> path) {
        List<JsonNode> schemas = new ArrayList<>();
        JsonNode node = document;
        String base = null;  // null: the compiled document; otherwise the URI of the catalogue schema walked into
        schemas.add(node);
        for (String segment : path) {
            if ("$ref".equals(segment) && node.path("$ref").isTextual()) {
                String ref = node.path("$ref").asText();
                int hash = ref.indexOf('#');
                String uri = hash < 0 ? ref : ref.substring(0, hash);
                String fragment = hash < 0 ? "" : ref.substring(hash + 1);
                if (!uri.isEmpty()) {
                    base = uri.startsWith("classpath:") ? uri : base == null ? uri
                            : base.substring(0, base.lastIndexOf('/') + 1) + uri;
                }
                JsonNode root = base == null ? document : catalogueSchema(base);
                node = fragment.isEmpty() ? root : root.at(fragment);
            } else if (node.isArray() && isIndex(segment)) {
                node = node.path(Integer.parseInt(segment));
            } else {
                node = node.path(segment);
            }
            schemas.add(node);
        }
        return schemas;
    }

    /** The {@code x-hint} of the schema holding the keyword, or of a schema that composes it with $ref or allOf. */
    private static String hint(List<JsonNode> schemas, List<String> path) {
        int i = schemas.size() - 1;  // schemas.get(i) follows path segment i - 1
        while (i >= 0) {
            JsonNode hint = schemas.get(i).path("x-hint");
            if (hint.isTextual()) {
                return hint.asText();
            }
            if (i >= 1 && "$ref".equals(path.get(i - 1))) {
                i -= 1;
            } else if (i >= 2 && isIndex(path.get(i - 1)) && "allOf".equals(path.get(i - 2))) {
                i -= 2;
            } else {
                return null;
            }
        }
        return null;
    }

    private static String message(String keyword, JsonNode schema, com.networknt.schema.Error error) {
        Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
        String range = wholeNumberRange(schema);
        return switch (keyword) {
            case "type" -> range != null ? range : "must be " + described(schema.path("type").asText())
                    + ", not " + (args.length > 0 ? found(String.valueOf(args[0])) : "this");
            case "enum" -> "must be one of " + texts(schema.path("enum"));
            case "const" -> "must be " + schema.path("const");
            case "minLength" -> schema.path("minLength").asInt() <= 1 ? "must not be empty"
                    : "is shorter than " + schema.path("minLength").asInt() + " characters";
            case "maxLength" -> "is longer than " + schema.path("maxLength").asInt() + " characters";
            case "pattern" -> "\\S".equals(schema.path("pattern").asText()) ? "must not be blank"
                    : "must match " + schema.path("pattern").asText();
            case "format" -> switch (schema.path("format").asText()) {
                case "date" -> "must be a date, e.g. 2027-01-31";
                case "date-time" -> "must be a date-time with offset, e.g. 2026-12-10T12:00:00+01:00 or 2026-12-10T11:00:00Z";
                default -> "must be a valid " + schema.path("format").asText();
            };
            case "minimum" -> range != null ? range : "must be at least " + schema.path("minimum");
            case "maximum" -> range != null ? range : "must be at most " + schema.path("maximum");
            case "minItems" -> schema.path("minItems").asInt() <= 1 ? "must not be empty"
                    : "must have at least " + schema.path("minItems").asInt() + " items";
            case "maxItems" -> "must have at most " + schema.path("maxItems").asInt() + " items";
            case "uniqueItems" -> "must not list the same value twice";
            case "oneOf" -> "must match exactly one of the allowed forms";
            case "anyOf" -> "must match at least one of the allowed forms";
            case "not" -> "is not allowed";
            default -> error.getMessage();
        };
    }

    /** "must be a whole number from 0 to 10" for an integer schema with both bounds, else null. */
    private static String wholeNumberRange(JsonNode schema) {
        if ("integer".equals(schema.path("type").asText()) && schema.has("minimum") && schema.has("maximum")) {
            return "must be a whole number from " + schema.path("minimum") + " to " + schema.path("maximum");
        }
        return null;
    }

    private static String described(String type) {
        return switch (type) {
            case "object" -> "an object";
            case "array" -> "an array";
            case "string" -> "a string";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            default -> type.isEmpty() ? "a value" : "of type " + type;
        };
    }

    private static String found(String type) {
        return switch (type) {
            case "null" -> "null";
            case "object" -> "an object";
            case "array" -> "an array";
            case "string" -> "a string";
            case "integer", "number" -> "a number";
            case "boolean" -> "true or false";
            default -> "a number out of range";
        };
    }

    /** Lower ranks win when one pointer has several problems: the type first, then presence, then the value. */
    private static int rank(String keyword) {
        return switch (keyword) {
            case "type" -> 0;
            case "required", "additionalProperties" -> 1;
            case "oneOf", "anyOf", "not" -> 2;
            case "enum", "const" -> 3;
            case "format" -> 4;
            case "minLength", "minItems" -> 5;
            case "pattern" -> 6;
            case "maxLength", "maxItems" -> 7;
            default -> 8;
        };
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.isTextual() ? v.asText() : v.toString()));
        return texts;
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }

    /** RFC 6901: {@code ~} and {@code /} in a member name. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** "/problems/invalid-call-off" → "Invalid call-off"; other types → "Invalid request body". */
    private static String titleOf(String problemType) {
        String kind = problemType == null ? "" : problemType.substring(problemType.lastIndexOf('/') + 1);
        return kind.startsWith("invalid-") && kind.length() > "invalid-".length()
                ? "Invalid " + kind.substring("invalid-".length()) : "Invalid request body";
    }

    private static JsonNode catalogueSchema(String uri) {
        return CATALOGUE_SCHEMAS.computeIfAbsent(uri, u -> {
            if (!u.startsWith("classpath:")) {
                return MissingNode.getInstance();
            }
            try (InputStream in = RequestSchemas.class.getClassLoader().getResourceAsStream(u.substring("classpath:".length()))) {
                return in == null ? MissingNode.getInstance() : Json.MAPPER.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static JsonNode load() {
        try (InputStream in = RequestSchemas.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SPEC_RESOURCE + " is not on the classpath");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
