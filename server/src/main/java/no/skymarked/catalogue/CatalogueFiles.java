package no.skymarked.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import no.skymarked.catalogdata.CatalogueFile;
import no.skymarked.shared.Json;

/** The editors' file text of a stored document: {@code $schema} first, two-space indent, a newline at the end. */
final class CatalogueFiles {
    private static final ObjectWriter PRETTY = Json.MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));

    private CatalogueFiles() {
    }

    static String text(String path, JsonNode document) {
        ObjectNode file = Json.MAPPER.createObjectNode();
        file.put("$schema", schemaPath(path));
        document.fields().forEachRemaining(e -> {
            if (!"$schema".equals(e.getKey())) {
                file.set(e.getKey(), e.getValue());
            }
        });
        try {
            return PRETTY.writeValueAsString(file) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The relative path from a file in catalog-data to its schema in api-spec, as editors' IDEs resolve it. */
    static String schemaPath(String path) {
        CatalogueFile.Kind kind = new CatalogueFile(path, "").kind();
        String up = "../".repeat((int) path.chars().filter(c -> c == '/').count() + 1);
        return up + "api-spec/src/main/resources/" + kind.schemaResource();
    }
}
