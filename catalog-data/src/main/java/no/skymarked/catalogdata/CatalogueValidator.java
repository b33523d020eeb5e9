package no.skymarked.catalogdata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks catalogue files against the JSON Schemas in api-spec, then across files: known suppliers, unique ids,
 * ranks and roles of frameworks. Every problem is reported with the file and a JSON pointer, not just the first.
 */
public final class CatalogueValidator {
    /** The file layout editors keep: one folder level for suppliers and frameworks, two for services; no {@code ..}. */
    private static final java.util.regex.Pattern LAYOUT = java.util.regex.Pattern.compile(
            "(suppliers|frameworks)/[a-z0-9][a-z0-9-]{0,78}[a-z0-9]\\.json|services/[a-z0-9][a-z0-9-]{0,78}[a-z0-9]/[a-z0-9][a-z0-9-]{0,78}[a-z0-9]\\.json");
    /** Files nested deeper are refused as JSON; the schema validator's own parser stops at 500. */
    static final int MAX_NESTING = 400;
    static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Map<CatalogueFile.Kind, Schema> schemas = new EnumMap<>(CatalogueFile.Kind.class);

    public CatalogueValidator() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                builder -> builder.schemaRegistryConfig(config));
        for (CatalogueFile.Kind kind : CatalogueFile.Kind.values()) {
            if (kind.schemaResource() != null) {
                schemas.put(kind, registry.getSchema(SchemaLocation.of("classpath:" + kind.schemaResource())));
            }
        }
    }

    /** Validates one entity of a kind (e.g. a request body) against its schema; pointers are into {@code text}. */
    public List<CatalogueProblem> validateSchema(CatalogueFile.Kind kind, String file, String text) {
        List<CatalogueProblem> problems = new ArrayList<>();
        for (Error error : schemas.get(kind).validate(text, InputFormat.JSON)) {
            String pointer = error.getInstanceLocation().toString();
            if ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword())) {
                if (error.getProperty() != null) {
                    pointer = pointer + "/" + error.getProperty();
                }
            }
            problems.add(new CatalogueProblem(file, pointer, error.getMessage()));
        }
        return problems;
    }

    public Result validate(CatalogueBundle bundle) {
        return validate(bundle, checked -> { });
    }

    /** As {@link #validate(CatalogueBundle)}, telling {@code progress} how many files it has checked, after each one. */
    public Result validate(CatalogueBundle bundle, java.util.function.IntConsumer progress) {
        int checked = 0;
        List<CatalogueProblem> problems = new ArrayList<>();
        Map<String, Entry> suppliers = new LinkedHashMap<>();
        Map<String, Entry> services = new LinkedHashMap<>();
        Map<String, Entry> frameworks = new LinkedHashMap<>();
        for (CatalogueFile file : bundle.files()) {
            progress.accept(checked++);
            CatalogueFile.Kind kind = file.kind();
            if (kind == CatalogueFile.Kind.UNKNOWN) {
                problems.add(new CatalogueProblem(file.path(), "",
                        "not a catalogue file: expected suppliers/*.json, services/<supplier>/*.json or frameworks/*.json"));
                continue;
            }
            if (!LAYOUT.matcher(file.path()).matches()) {
                problems.add(new CatalogueProblem(file.path(), "", "file path must be suppliers/<slug>.json, frameworks/<id>.json"
                        + " or services/<supplier slug>/<id>.json, in lower-case letters, digits and dashes"));
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(file.text());
            } catch (JsonProcessingException e) {
                String where = e.getLocation() == null ? ""
                        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
                problems.add(new CatalogueProblem(file.path(), "", "not valid JSON: " + e.getOriginalMessage() + where));
                continue;
            }
            List<CatalogueProblem> schemaProblems = validateSchema(kind, file.path(), file.text());
            if (!schemaProblems.isEmpty()) {
                problems.addAll(schemaProblems);
                continue;
            }
            Entry entry = new Entry(file.path(), node);
            switch (kind) {
                case SUPPLIER -> putUnique(suppliers, node.path("orgNo").asText(), entry, "/orgNo", "supplier", problems);
                case SERVICE -> putUnique(services, node.path("id").asText(), entry, "/id", "service id", problems);
                case FRAMEWORK -> {
                    String id = node.path("id").asText();
                    if (!file.path().equals("frameworks/" + id + ".json")) {
                        problems.add(new CatalogueProblem(file.path(), "/id",
                                "framework id '" + id + "' must match the file name (" + id + ".json)"));
                    }
                    putUnique(frameworks, id, entry, "/id", "framework id", problems);
                }
                default -> throw new IllegalStateException(kind.name());
            }
        }
        CrossReferences refs = new CrossReferences(suppliers, services, frameworks, problems);
        refs.check();
        return new Result(problems, suppliers, services, frameworks, refs.warnings());
    }

    private static void putUnique(Map<String, Entry> map, String key, Entry entry, String pointer, String what,
                                  List<CatalogueProblem> problems) {
        Entry earlier = map.putIfAbsent(key, entry);
        if (earlier != null) {
            problems.add(new CatalogueProblem(entry.file(), pointer,
                    "duplicate " + what + " '" + key + "', already in " + earlier.file()));
        }
    }

    /** A file that passed its schema, with its parsed content. */
    public record Entry(String file, JsonNode node) {
    }

    /** The outcome: problems (empty when the bundle is good), the entities by key, and warnings that do not block. */
    public record Result(List<CatalogueProblem> problems,
                         Map<String, Entry> suppliers,
                         Map<String, Entry> services,
                         Map<String, Entry> frameworks,
                         List<CatalogueProblem> warnings) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }
}
