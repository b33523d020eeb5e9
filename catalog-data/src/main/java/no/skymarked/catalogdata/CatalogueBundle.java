package no.skymarked.catalogdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A set of catalogue files in the editors' format: {@code suppliers/*.json}, {@code services/<supplier>/*.json},
 * {@code frameworks/*.json}, read from a folder or from the classpath (where the build writes an index).
 */
public record CatalogueBundle(List<CatalogueFile> files) {
    public static final String CLASSPATH_ROOT = "catalog/";
    public static final String INDEX = CLASSPATH_ROOT + "index.txt";

    public CatalogueBundle {
        files = List.copyOf(files);
    }

    /** Reads every catalogue file below {@code root}, in a stable order. */
    public static CatalogueBundle fromDirectory(Path root) {
        List<CatalogueFile> files = new ArrayList<>();
        for (CatalogueFile.Kind kind : CatalogueFile.Kind.values()) {
            if (kind == CatalogueFile.Kind.UNKNOWN) {
                continue;
            }
            Path folder = root.resolve(kind.folder());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                    String relative = root.relativize(p).toString().replace('\\', '/');
                    files.add(new CatalogueFile(relative, readUtf8(p)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CatalogueBundle(files);
    }

    /** Reads the catalogue packaged by the catalog-data module (listed in {@value #INDEX}). */
    public static CatalogueBundle fromClasspath(ClassLoader loader) {
        List<CatalogueFile> files = new ArrayList<>();
        try (InputStream index = loader.getResourceAsStream(INDEX)) {
            if (index == null) {
                throw new IllegalStateException("no catalogue index on the classpath: " + INDEX);
            }
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String path = line.strip();
                if (path.isEmpty()) {
                    continue;
                }
                try (InputStream in = loader.getResourceAsStream(CLASSPATH_ROOT + path)) {
                    if (in == null) {
                        throw new IllegalStateException("catalogue index names a missing file: " + path);
                    }
                    files.add(new CatalogueFile(path, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CatalogueBundle(files);
    }

    public List<CatalogueFile> ofKind(CatalogueFile.Kind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }

    private static String readUtf8(Path p) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            // Kept as-is so the validator reports the file instead of the loader failing on it.
            return "\u0000invalid UTF-8";
        }
    }
}
