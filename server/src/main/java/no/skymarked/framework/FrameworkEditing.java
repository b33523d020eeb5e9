package no.skymarked.framework;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.skymarked.catalogdata.CatalogueBundle;
import no.skymarked.catalogue.CatalogueRepository;
import no.skymarked.catalogue.CatalogueWriter;
import no.skymarked.catalogue.EditChecks;
import no.skymarked.catalogdata.CatalogueFile;
import no.skymarked.catalogdata.CatalogueProblem;
import no.skymarked.catalogdata.CatalogueValidator;
import no.skymarked.catalogdata.OptionExercise;
import no.skymarked.shared.Json;
import no.skymarked.shared.Problem;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.Tx;

/**
 * Editors add and change framework agreements: the framework file's schema and checks (known suppliers, ranks 1..n
 * per lot, roles of rates, the period and its options, currencies, criteria and the § 7-9 mode), plus the services
 * that refer to its lots, all problems at once; an option a change exercises is judged on today's date.
 */
public final class FrameworkEditing {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private final DbClient db;
    private final CatalogueRepository repository;
    private final Clock clock;
    private final CatalogueValidator validator = new CatalogueValidator();

    public FrameworkEditing(DbClient db, CatalogueRepository repository, Clock clock) {
        this.db = db;
        this.repository = repository;
        this.clock = clock;
    }

    public CatalogueRepository.Versioned create(JsonNode framework, String actor) {
        List<Problem.FieldError> errors = validate(framework);
        String id = framework.path("id").asText();
        if (errors.isEmpty() && repository.framework(id).isPresent()) {
            errors.add(Problem.FieldError.pointer("/id", "a framework with id '" + id + "' exists already"));
        }
        EditChecks.refuseIf(errors, "framework");
        Tx.inTransaction(db, tx -> {
            new CatalogueWriter(tx, now(), actor).insertFramework(framework, "frameworks/" + id + ".json");
            return null;
        });
        return repository.framework(id).orElseThrow();
    }

    /** A changed framework and the warnings of the change (e.g. an option exercised after its notice deadline, E39). */
    public record Edited(CatalogueRepository.Versioned framework, List<OptionExercise.Finding> warnings) {
    }

    /**
     * Replaces a framework. An option the change exercises is exercised today (Europe/Oslo) by the editor: its
     * {@code exercisedOn} and {@code exercisedBy} are recorded, and it is refused after the period it extends ended.
     * A change to the terms of an ACTIVE framework (rates, ranks, statuses, criteria, …) is an amendment: refused
     * without {@code amendmentReason}, recorded with it; call-offs made before keep their version.
     */
    public Edited update(String id, String ifMatch, JsonNode body, String actor, String amendmentReason) {
        CatalogueRepository.Versioned current = repository.framework(id).orElseThrow(() -> ProblemException.notFound("Framework", id));
        int expected = EditChecks.expectedVersion(ifMatch, current, "framework");
        LocalDate today = LocalDate.now(clock.withZone(OSLO));
        JsonNode framework = exerciseRecorded(current.document(), body, today, actor);
        OptionExercise.Result options = OptionExercise.check(current.document(), framework, today);
        refuseExerciseAfterEnd(options.refusals());
        List<Problem.FieldError> errors = validate(framework);
        options.refusals().forEach(f -> errors.add(Problem.FieldError.pointer(f.pointer(), f.detail())));
        if (!id.equals(framework.path("id").asText())) {
            errors.add(Problem.FieldError.pointer("/id", "must be '" + id + "', the framework being changed"));
        }
        EditChecks.refuseIf(errors, "framework");
        FrameworkAmendments.revival(current.document(), framework, today).ifPresent(detail -> {
            throw new ProblemException(422, "/problems/framework-revival-refused", "A framework that ended stays ended",
                    detail + " (FOA § 26-1(4))", List.of(Problem.FieldError.pointer("/status", detail)));
        });
        List<String> amended = FrameworkAmendments.amendedTerms(current.document(), framework);
        if (FrameworkAmendments.needsReason(current.document(), amended) && (amendmentReason == null || amendmentReason.isBlank())) {
            throw new ProblemException(422, "/problems/amendment-reason-required", "Amendment needs a reason",
                    "the change amends the terms of an active framework (" + String.join("; ", amended) + "); give the reason"
                            + " in the query parameter amendmentReason: it is recorded with who and when (FOA § 26-1(5), § 28-2)",
                    List.of(Problem.FieldError.parameter("amendmentReason", "required for an amendment of " + String.join("; ", amended))));
        }
        boolean applied = Tx.inTransaction(db, tx -> new CatalogueWriter(tx, now(), actor).updateFramework(framework, null, expected,
                amendmentReason, amended));
        if (!applied) {
            throw EditChecks.stale(repository.framework(id).orElseThrow(), "framework");
        }
        return new Edited(repository.framework(id).orElseThrow(), options.warnings());
    }

    /** The body with today and the editor recorded on every option it newly exercises that does not say when (or by whom). */
    private static JsonNode exerciseRecorded(JsonNode before, JsonNode body, LocalDate today, String actor) {
        if (!body.isObject() || !body.path("period").path("options").isArray()) {
            return body;
        }
        ObjectNode copy = body.deepCopy();
        JsonNode options = copy.path("period").path("options");
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).isObject() && OptionExercise.newlyExercised(before, copy, i)) {
                ObjectNode option = (ObjectNode) options.get(i);
                if (!option.has("exercisedOn")) {
                    option.put("exercisedOn", today.toString());
                }
                if (!option.has("exercisedBy")) {
                    option.put("exercisedBy", actor);
                }
            }
        }
        return copy;
    }

    /** FOA § 26-1(4): an option exercised after the framework's current end date would revive it; 422 naming the rule. */
    private static void refuseExerciseAfterEnd(List<OptionExercise.Finding> refusals) {
        List<Problem.FieldError> late = refusals.stream().filter(f -> f.code().equals(OptionExercise.AFTER_END))
                .map(f -> Problem.FieldError.pointer(f.pointer(), f.detail())).toList();
        if (!late.isEmpty()) {
            throw new ProblemException(422, "/problems/option-after-framework-end", "Option exercised after the framework ended",
                    late.get(0).detail(), late);
        }
    }

    /**
     * The schema, then the cross-file checks run on the framework with every supplier and the services that name
     * it. A service the change would break (its lot removed, its supplier taken out of the lot) is a problem at
     * {@code /lots}, naming the service.
     */
    private List<Problem.FieldError> validate(JsonNode framework) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String text = Json.text(framework);
        for (CatalogueProblem p : validator.validateSchema(CatalogueFile.Kind.FRAMEWORK, "body", text)) {
            errors.add(Problem.FieldError.pointer(p.pointer(), p.detail()));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        String id = framework.path("id").asText();
        String path = "frameworks/" + id + ".json";
        List<CatalogueFile> files = new ArrayList<>();
        files.add(new CatalogueFile(path, text));
        try (Stream<DbRow> rows = db.execute().createQuery("select org_no, document from supplier").execute()) {
            rows.forEach(r -> files.add(new CatalogueFile("suppliers/" + r.column("org_no").get(String.class) + ".json",
                    r.column("document").get(String.class))));
        }
        try (Stream<DbRow> rows = db.execute().createQuery("select s.id, s.supplier_org_no, s.document from service s where exists"
                + " (select 1 from service_framework x where x.service_id = s.id and x.framework_id = ?)").params(id).execute()) {
            rows.forEach(r -> files.add(new CatalogueFile("services/" + r.column("supplier_org_no").get(String.class) + "/"
                    + r.column("id").get(String.class) + ".json", r.column("document").get(String.class))));
        }
        for (CatalogueProblem p : validator.validate(new CatalogueBundle(files)).problems()) {
            if (p.file().equals(path)) {
                errors.add(Problem.FieldError.pointer(p.pointer(), p.detail()));
            } else if (p.file().startsWith("services/")) {
                String service = p.file().substring(p.file().lastIndexOf('/') + 1).replaceFirst("\\.json$", "");
                errors.add(Problem.FieldError.pointer("/lots", "service '" + service + "' would break at " + p.pointer() + ": " + p.detail()));
            }
        }
        return errors;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
