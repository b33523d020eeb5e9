package no.skymarked.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import no.skymarked.catalogdata.CatalogueBundle;
import no.skymarked.catalogdata.CatalogueProblem;
import no.skymarked.catalogdata.CatalogueValidator;
import no.skymarked.catalogdata.OptionExercise;
import no.skymarked.framework.FrameworkAmendments;
import no.skymarked.shared.Json;
import no.skymarked.shared.Tx;

/**
 * Bulk catalogue work in the editors' file format: export writes every supplier, framework and service back to its
 * file; import takes a whole catalogue, reports what it would create, change and withdraw, and applies all of it
 * in one transaction or nothing.
 */
public final class CatalogueTransfer {
    private static final int PROGRESS_EVERY = 500;
    private final DbClient db;
    private final Clock clock;
    private final CatalogueValidator validator = new CatalogueValidator();

    public CatalogueTransfer(DbClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What an import did or would do, and every problem (file, JSON pointer, detail). */
    public record Report(boolean dryRun, Map<String, List<String>> created, Map<String, List<String>> changed,
                         List<String> withdrawn, int unchanged, List<CatalogueProblem> problems, List<CatalogueProblem> warnings) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Every file of the current catalogue, path → text, in path order. */
    public Map<String, String> export() {
        Map<String, String> files = new TreeMap<>();
        for (Stored s : stored()) {
            files.put(s.path(), CatalogueFiles.text(s.path(), s.document()));
        }
        return files;
    }

    /**
     * Imports a bundle: every file checked first, then all changes in one transaction (none on a problem). A change to
     * the terms of an ACTIVE framework is an amendment and needs {@code amendmentReason}, recorded with the version.
     */
    public Report importBundle(CatalogueBundle bundle, boolean dryRun, String actor, String amendmentReason, Consumer<String> progress) {
        int total = bundle.files().size();
        CatalogueValidator.Result result = validator.validate(bundle, checked -> {
            if (checked > 0 && checked % PROGRESS_EVERY == 0) {
                progress.accept("checked " + checked + " of " + total + " files");
            }
        });
        progress.accept("validated " + bundle.files().size() + " files: " + result.problems().size() + " problem(s)");
        if (!result.ok()) {
            return new Report(dryRun, Map.of(), Map.of(), List.of(), 0, result.problems(), result.warnings());
        }
        Map<String, Stored> current = new HashMap<>();
        stored().forEach(s -> current.put(s.kind() + ":" + s.key(), s));
        Map<String, List<String>> created = new TreeMap<>();
        Map<String, List<String>> changed = new TreeMap<>();
        int[] unchanged = {0};
        List<Runnable> plan = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        classify("supplier", result.suppliers(), current, created, changed, unchanged, changes);
        classify("framework", result.frameworks(), current, created, changed, unchanged, changes);
        classify("service", result.services(), current, created, changed, unchanged, changes);
        List<CatalogueProblem> warnings = new ArrayList<>(result.warnings());
        List<CatalogueProblem> refused = optionsExercised(changes, warnings);
        refused.addAll(unexplainedAmendments(changes, amendmentReason));
        if (!refused.isEmpty()) {
            return new Report(dryRun, Map.of(), Map.of(), List.of(), 0, refused, warnings);
        }
        List<String> withdrawn = current.values().stream()
                .filter(s -> s.kind().equals("service") && !result.services().containsKey(s.key())
                        && !"WITHDRAWN".equals(s.document().path("status").asText()))
                .map(Stored::key).sorted().toList();
        Report report = new Report(dryRun, created, changed, withdrawn, unchanged[0], List.of(), warnings);
        if (dryRun || (changes.isEmpty() && withdrawn.isEmpty())) {
            return report;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Tx.inTransaction(db, tx -> {
            // An import into an empty database is its catalogue: the demo catalogue is not loaded over it later.
            if (tx.get("select id from catalogue_load where id = 1").isEmpty()) {
                tx.createInsert("insert into catalogue_load (id, loaded_at, files) values (1, ?, ?)").params(now, total).execute();
            }
            CatalogueWriter writer = new CatalogueWriter(tx, now, actor);
            int done = 0;
            for (Change c : changes) {
                apply(writer, c, amendmentReason);
                if (++done % PROGRESS_EVERY == 0) {
                    progress.accept("applied " + done + " of " + changes.size() + " changes");
                }
            }
            for (String id : withdrawn) {
                Stored s = current.get("service:" + id);
                com.fasterxml.jackson.databind.node.ObjectNode w = s.document().deepCopy();
                w.put("status", "WITHDRAWN");
                if (!writer.updateService(w, s.version())) {
                    throw changedDuringImport("service", id);
                }
            }
            return null;
        });
        progress.accept("applied " + changes.size() + " changes and " + withdrawn.size() + " withdrawals");
        return report;
    }

    private record Change(String kind, CatalogueValidator.Entry entry, Stored before) {
    }

    /**
     * Options a changed framework file exercises, judged today as an editor's change is (E39, E40), and frameworks it
     * would make run again after they ended; the refusals.
     */
    private List<CatalogueProblem> optionsExercised(List<Change> changes, List<CatalogueProblem> warnings) {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Oslo")));
        List<CatalogueProblem> refused = new ArrayList<>();
        for (Change c : changes) {
            if (c.kind().equals("framework") && c.before() != null) {
                OptionExercise.Result r = OptionExercise.check(c.before().document(), c.entry().node(), today);
                r.refusals().forEach(f -> refused.add(new CatalogueProblem(c.entry().file(), f.pointer(), f.detail())));
                r.warnings().forEach(f -> warnings.add(new CatalogueProblem(c.entry().file(), f.pointer(), f.detail())));
                FrameworkAmendments.revival(c.before().document(), c.entry().node(), today)
                        .ifPresent(detail -> refused.add(new CatalogueProblem(c.entry().file(), "/status", detail + " (FOA § 26-1(4))")));
            }
        }
        return refused;
    }

    private void classify(String kind, Map<String, CatalogueValidator.Entry> incoming, Map<String, Stored> current,
                          Map<String, List<String>> created, Map<String, List<String>> changed, int[] unchanged, List<Change> changes) {
        incoming.forEach((key, entry) -> {
            Stored before = current.get(kind + ":" + key);
            if (before == null) {
                created.computeIfAbsent(kind, k -> new ArrayList<>()).add(key);
                changes.add(new Change(kind, entry, null));
            } else if (!Json.tree(CatalogueWriter.stored(entry.node())).equals(before.document()) || !entry.file().equals(before.path())) {
                changed.computeIfAbsent(kind, k -> new ArrayList<>()).add(key);
                changes.add(new Change(kind, entry, before));
            } else {
                unchanged[0]++;
            }
        });
    }

    private static List<CatalogueProblem> unexplainedAmendments(List<Change> changes, String amendmentReason) {
        List<CatalogueProblem> out = new ArrayList<>();
        if (amendmentReason != null && !amendmentReason.isBlank()) {
            return out;
        }
        for (Change c : changes) {
            if (c.kind().equals("framework") && c.before() != null) {
                List<String> amended = FrameworkAmendments.amendedTerms(c.before().document(), c.entry().node());
                if (FrameworkAmendments.needsReason(c.before().document(), amended)) {
                    out.add(new CatalogueProblem(c.entry().file(), "", "amends the terms of an active framework ("
                            + String.join("; ", amended) + "): give the amendment's reason (catalogue import --reason TEXT,"
                            + " or amendmentReason on POST /v1/catalogue/imports); it is recorded with the new version"));
                }
            }
        }
        return out;
    }

    private static void apply(CatalogueWriter writer, Change c, String amendmentReason) {
        JsonNode node = c.entry().node();
        String path = c.entry().file();
        switch (c.kind()) {
            case "supplier" -> {
                if (c.before() == null) {
                    writer.insertSupplier(node, path);
                } else if (!writer.updateSupplier(node, path, c.before().version())) {
                    throw changedDuringImport("supplier", node.path("orgNo").asText());
                }
            }
            case "framework" -> {
                if (c.before() == null) {
                    writer.insertFramework(node, path);
                } else if (!writer.updateFramework(node, path, c.before().version(), amendmentReason,
                        FrameworkAmendments.amendedTerms(c.before().document(), node))) {
                    throw changedDuringImport("framework", node.path("id").asText());
                }
            }
            default -> {
                if (c.before() == null) {
                    writer.insertService(node);
                } else if (!writer.updateService(node, c.before().version())) {
                    throw changedDuringImport("service", node.path("id").asText());
                }
                writer.setServicePath(node.path("id").asText(), path);
            }
        }
    }

    /** Someone changed an entity between the import's reading and its writing: nothing is applied. */
    private static no.skymarked.shared.ProblemException changedDuringImport(String kind, String key) {
        return new no.skymarked.shared.ProblemException(409, "/problems/catalogue-changed-during-import",
                "Catalogue changed during the import",
                kind + " '" + key + "' was changed by someone else during the import; nothing was changed, run it again",
                List.of());
    }

    private record Stored(String kind, String key, String path, JsonNode document, int version) {
    }

    private List<Stored> stored() {
        List<Stored> out = new ArrayList<>();
        read(out, "supplier", "select org_no as k, file_path, document, version from supplier");
        read(out, "framework", "select id as k, file_path, document, version from framework");
        Map<String, String> supplierFolder = new HashMap<>();
        out.forEach(s -> supplierFolder.put(s.key(), s.path().replaceFirst("^suppliers/", "").replaceFirst("\\.json$", "")));
        List<Stored> services = new ArrayList<>();
        read(services, "service", "select id as k, file_path, document, version from service");
        for (Stored s : services) {
            // Services added through the API get the file their supplier's folder would hold.
            String path = s.path().startsWith("services/") ? s.path() : "services/"
                    + supplierFolder.getOrDefault(s.document().path("supplierOrgNo").asText(), "unknown") + "/" + s.key() + ".json";
            out.add(new Stored(s.kind(), s.key(), path, s.document(), s.version()));
        }
        return out;
    }

    private void read(List<Stored> out, String kind, String sql) {
        try (Stream<DbRow> rows = db.execute().createQuery(sql).execute()) {
            rows.forEach(r -> {
                String key = r.column("k").get(String.class);
                String path = r.column("file_path").get(String.class);
                if (path == null) {
                    path = kind.equals("service") ? "" : kind + "s/" + key + ".json";
                }
                out.add(new Stored(kind, key, path, Json.tree(r.column("document").get(String.class)), r.column("version").get(Integer.class)));
            });
        }
    }
}
