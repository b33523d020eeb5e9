package no.skymarked.catalogue;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import no.skymarked.catalogdata.CatalogueBundle;
import no.skymarked.shared.Database;
import no.skymarked.shared.Json;

/**
 * {@code java -jar skymarked-server.jar catalogue export <dir>} and
 * {@code … catalogue import <dir> [--dry-run] [--reason TEXT] [--verbose]}: the bulk API on files, against the configured
 * database (stop a server that uses the same H2 file first). An import prints a one-line summary (counts per kind);
 * {@code --verbose} prints the whole report instead (every id created, changed and withdrawn, every warning).
 */
public final class CatalogueCommand {
    private CatalogueCommand() {
    }

    public static int run(String[] args, Config config, PrintStream out, PrintStream err) {
        if (args.length < 3 || !(args[1].equals("import") || args[1].equals("export"))) {
            err.println("usage: java -jar skymarked-server.jar catalogue export <dir>"
                    + " | catalogue import <dir> [--dry-run] [--reason TEXT] [--verbose]");
            return 2;
        }
        Path dir = Path.of(args[2]);
        Path dataDir = Path.of(config.get("skymarked.data.dir").asString().orElse("./data"));
        Database.Settings settings = Database.settings(config, dataDir);
        boolean applied = false;
        try (DbClient db = Database.open(settings)) {
            CatalogueTransfer transfer = new CatalogueTransfer(db, Clock.systemUTC());
            if (args[1].equals("export")) {
                Map<String, String> files = transfer.export();
                for (Map.Entry<String, String> f : files.entrySet()) {
                    Path target = dir.resolve(f.getKey()).normalize();
                    if (!target.startsWith(dir.normalize())) {
                        err.println("catalogue export refused: " + f.getKey() + " would be written outside " + dir);
                        return 1;
                    }
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
                }
                out.println("exported " + files.size() + " files to " + dir);
                return 0;
            }
            List<String> options = List.of(args).subList(Math.min(3, args.length), args.length);
            boolean dryRun = options.contains("--dry-run");
            int reasonAt = options.indexOf("--reason");
            String reason = reasonAt >= 0 && reasonAt + 1 < options.size() ? options.get(reasonAt + 1) : null;
            err.println("reading " + dir + " …");
            CatalogueTransfer.Report report = transfer.importBundle(CatalogueBundle.fromDirectory(dir), dryRun, "catalogue import",
                    reason, err::println);
            if (!report.ok()) {
                report.problems().forEach(p -> err.println("  " + p));
                err.println(report.problems().size() + " problem(s); nothing was changed");
                return 1;
            }
            if (options.contains("--verbose")) {
                out.println(Json.text(report));
            } else {
                out.println(Json.text(summary(report)));
                err.println("(--verbose lists every id created, changed and withdrawn, and every warning)");
            }
            applied = !dryRun;
        } catch (IOException e) {
            err.println("catalogue " + args[1] + " failed: " + e.getMessage());
            return 1;
        }
        if (applied) {
            err.println(settings.isPostgres() ? "updating the database's statistics …" : "compacting the database …");
            Database.compactIfH2File(settings);
            Database.analyzeIfPostgres(settings);
        }
        return 0;
    }

    /** The report in counts: per kind created and changed, withdrawn, unchanged, warnings. */
    static Map<String, Object> summary(CatalogueTransfer.Report report) {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("dryRun", report.dryRun());
        summary.put("created", counts(report.created()));
        summary.put("changed", counts(report.changed()));
        summary.put("withdrawn", report.withdrawn().size());
        summary.put("unchanged", report.unchanged());
        summary.put("warnings", report.warnings().size());
        return summary;
    }

    private static Map<String, Integer> counts(Map<String, List<String>> byKind) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        byKind.forEach((kind, ids) -> counts.put(kind, ids.size()));
        return counts;
    }
}
