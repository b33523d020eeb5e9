package no.skymarked.catalogue;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.dbclient.DbClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import no.skymarked.shared.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalogue import into the embedded H2 file leaves it compacted; the H2 page cache is configurable. */
class H2CompactionTest {
    @TempDir
    Path dataDir;

    private Config config(Map<String, String> extra) {
        Map<String, String> m = new java.util.HashMap<>(Map.of("skymarked.data.dir", dataDir.toString()));
        m.putAll(extra);
        return Config.just(ConfigSources.create(m));
    }

    @Test
    void importIntoAnEmbeddedH2FileLeavesItCompacted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CatalogueCommand.run(new String[] {"catalogue", "import", "../catalog-data"}, config(Map.of()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8), exit, is(0));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("compacting the database"));
        try (DbClient db = Database.open(Database.settings(config(Map.of()), dataDir))) {
            long services = db.execute().get("select count(*) as n from service").orElseThrow().column("n").get(Long.class);
            try (var files = Files.walk(Path.of("../catalog-data/services"))) {
                assertThat(services, is(files.filter(p -> p.toString().endsWith(".json")).count()));
            }
        }
    }

    @Test
    void compactionGivesBackTheDeadSpaceOfAnH2File() throws Exception {
        Database.Settings settings = Database.settings(config(Map.of()), dataDir);
        // Closing without H2's own short compaction on close, so the dead space is still there to give back.
        try (var c = java.sql.DriverManager.getConnection(settings.url() + ";MAX_COMPACT_TIME=0", "", "");
             var st = c.createStatement()) {
            st.execute("create table junk (id int primary key, v varchar)");
            java.util.Random random = new java.util.Random(1);
            try (var insert = c.prepareStatement("insert into junk (id, v) values (?, ?)")) {
                for (int i = 0; i < 1000; i++) {
                    insert.setInt(1, i);
                    byte[] noise = new byte[7_500];
                    random.nextBytes(noise);
                    insert.setString(2, java.util.Base64.getEncoder().encodeToString(noise));
                    insert.executeUpdate();
                }
            }
            st.execute("delete from junk");
        }
        long before = Files.size(dataDir.resolve("skymarked.mv.db"));
        Database.compactIfH2File(settings);
        long after = Files.size(dataDir.resolve("skymarked.mv.db"));
        assertThat(before + " -> " + after, after, lessThan(before / 4));
    }

    @Test
    void theH2PageCacheIsConfigurable() {
        assertThat(Database.settings(config(Map.of()), dataDir).url(), containsString(";CACHE_SIZE=262144"));
        assertThat(Database.settings(config(Map.of("db.h2.cache.mb", "64")), dataDir).url(), containsString(";CACHE_SIZE=65536"));
    }
}
