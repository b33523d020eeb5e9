package no.skymarked.catalogue;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.dbclient.DbClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import no.skymarked.catalogdata.CatalogueBundle;
import no.skymarked.shared.Database;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalogue import|export <dir>} on a database of its own: progress for large imports, nothing half-done. */
class CatalogueCommandTest {
    private static final int GENERATED = 1200;

    private record Run(int status, String out, String err) {
    }

    private static Run run(Config config, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CatalogueCommand.run(args, config, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLargeImportShowsProgressAndTheExportWritesItBack(@TempDir Path tmp) throws Exception {
        Path files = tmp.resolve("in");
        copy(Path.of("../catalog-data"), files);
        ObjectNode template = (ObjectNode) Json.tree(Files.readString(files.resolve("services/fjordsky/fjordsky-objektlagring.json")));
        for (int i = 0; i < GENERATED; i++) {
            String id = "fjordsky-lagring-" + i;
            template.put("id", id);
            Files.writeString(files.resolve("services/fjordsky/" + id + ".json"), CatalogueFiles.text("services/fjordsky/" + id + ".json",
                    template));
        }
        Config config = Config.just(ConfigSources.create(Map.of("skymarked.data.dir", tmp.resolve("data").toString())));

        Run dryRun = run(config, "catalogue", "import", files.toString(), "--dry-run");
        assertThat(dryRun.err(), dryRun.status(), is(0));
        assertThat(dryRun.err(), containsString("checked 500 of " + (GENERATED + 78) + " files"));
        assertThat(dryRun.out(), containsString("\"dryRun\":true"));

        Run real = run(config, "catalogue", "import", files.toString());
        assertThat(real.err(), real.status(), is(0));
        assertThat(real.err(), containsString("checked 1000 of"));
        assertThat(real.err(), containsString("applied 1000 of " + (GENERATED + 78) + " changes"));

        Run export = run(config, "catalogue", "export", tmp.resolve("out").toString());
        assertThat(export.err(), export.status(), is(0));
        try (Stream<Path> written = Files.walk(tmp.resolve("out"))) {
            for (Path p : written.filter(Files::isRegularFile).toList()) {
                Path original = files.resolve(tmp.resolve("out").relativize(p));
                assertThat(p.toString(), Files.readString(p), is(Files.readString(original)));
            }
        }
        assertThat(CatalogueBundle.fromDirectory(tmp.resolve("out")).files().size(), is(GENERATED + 78));
        // The imported catalogue is the database's: a server starting on it does not load the demo catalogue over it.
        try (DbClient db = Database.open(Database.settings(config, tmp.resolve("data")))) {
            assertThat(CatalogueLoader.loadIfEmpty(db, CatalogueBundle.fromDirectory(Path.of("../catalog-data")), Clock.systemUTC()),
                    is(false));
        }
    }

    @Test
    void anImportPrintsASummaryAndEveryIdOnlyWithVerbose(@TempDir Path tmp) throws Exception {
        Path files = tmp.resolve("in");
        copy(Path.of("../catalog-data"), files);
        Config config = Config.just(ConfigSources.create(Map.of("skymarked.data.dir", tmp.resolve("data").toString())));

        Run summary = run(config, "catalogue", "import", files.toString(), "--dry-run");
        assertThat(summary.err(), summary.status(), is(0));
        assertThat(summary.out().strip().lines().count(), is(1L));
        assertThat(Json.tree(summary.out()), is(Json.tree("{\"dryRun\": true, \"created\": {\"framework\": 2, \"service\": 62,"
                + " \"supplier\": 14}, \"changed\": {}, \"withdrawn\": 0, \"unchanged\": 0, \"warnings\": 0}")));
        assertThat(summary.out(), not(containsString("fjordsky-objektlagring")));
        assertThat(summary.err(), containsString("--verbose"));

        Run verbose = run(config, "catalogue", "import", files.toString(), "--verbose");
        assertThat(verbose.err(), verbose.status(), is(0));
        assertThat(verbose.out(), containsString("\"fjordsky-objektlagring\""));
        assertThat(verbose.out(), containsString("\"dryRun\":false"));

        Run again = run(config, "catalogue", "import", files.toString());
        assertThat(again.err(), again.status(), is(0));
        assertThat(Json.tree(again.out()).path("unchanged").asInt(), is(78));
        assertThat(Json.tree(again.out()).path("created").size(), is(0));
    }

    @Test
    void aBrokenFileNamesFileAndPointerAndChangesNothing(@TempDir Path tmp) throws Exception {
        Path files = tmp.resolve("in");
        copy(Path.of("../catalog-data"), files);
        Path broken = files.resolve("services/samspill/samspill-videomote.json");
        Files.writeString(broken, Files.readString(broken).replace("\"availabilityPercent\": \"99.9\"", "\"availabilityPercent\": 99.9"));
        Config config = Config.just(ConfigSources.create(Map.of("skymarked.data.dir", tmp.resolve("data").toString())));
        Run refused = run(config, "catalogue", "import", files.toString());
        assertThat(refused.status(), is(1));
        assertThat(refused.err(), containsString("services/samspill/samspill-videomote.json at /sla/availabilityPercent"));
        assertThat(refused.err(), containsString("nothing was changed"));
        Run export = run(config, "catalogue", "export", tmp.resolve("out").toString());
        assertThat(export.out(), containsString("exported 0 files"));
    }

    private static void copy(Path from, Path to) throws Exception {
        for (String folder : new String[] {"suppliers", "services", "frameworks"}) {
            try (Stream<Path> walk = Files.walk(from.resolve(folder))) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    Path target = to.resolve(from.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
    }
}
