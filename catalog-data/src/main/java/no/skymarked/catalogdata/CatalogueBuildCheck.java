package no.skymarked.catalogdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Run by the build: validates every catalogue file and writes the index the server loads from. Any problem fails
 * the build with one line per problem, naming the file and the JSON pointer.
 */
public final class CatalogueBuildCheck {
    private CatalogueBuildCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        Path index = Path.of(args[1]);
        CatalogueBundle bundle = CatalogueBundle.fromDirectory(root);
        CatalogueValidator.Result result = new CatalogueValidator().validate(bundle);
        if (!result.ok()) {
            String report = result.problems().stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
            throw new IllegalStateException("The catalogue has " + result.problems().size() + " problem(s):\n" + report);
        }
        result.warnings().forEach(w -> System.out.println("Warning: " + w));
        Files.createDirectories(index.getParent());
        String listing = bundle.files().stream().map(CatalogueFile::path).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(index, listing, StandardCharsets.UTF_8);
        System.out.printf("Catalogue OK: %d suppliers, %d services, %d frameworks%n",
                result.suppliers().size(), result.services().size(), result.frameworks().size());
    }
}
