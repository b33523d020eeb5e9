package no.skymarked.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.skymarked.catalogdata.CatalogueBundle;
import no.skymarked.catalogdata.CatalogueFile;
import no.skymarked.catalogdata.CatalogueProblem;
import no.skymarked.catalogdata.CatalogueValidator;
import no.skymarked.shared.Json;
import no.skymarked.shared.Problem;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.Rows;
import no.skymarked.shared.Tx;

/**
 * Editors' single changes to catalogue services: the same schema and cross-file checks as the catalogue files,
 * every problem reported at once, optimistic concurrency by version, and every version kept.
 */
public final class CatalogueEditing {
    private final DbClient db;
    private final CatalogueRepository repository;
    private final Clock clock;
    private final CatalogueValidator validator = new CatalogueValidator();

    public CatalogueEditing(DbClient db, CatalogueRepository repository, Clock clock) {
        this.db = db;
        this.repository = repository;
        this.clock = clock;
    }

    public CatalogueRepository.Versioned create(JsonNode service, String actor) {
        List<Problem.FieldError> errors = validate(service);
        String id = service.path("id").asText();
        if (errors.isEmpty() && repository.service(id).isPresent()) {
            errors.add(Problem.FieldError.pointer("/id", "a service with id '" + id + "' exists already"));
        }
        EditChecks.refuseIf(errors, "service");
        Tx.inTransaction(db, tx -> {
            new CatalogueWriter(tx, now(), actor).insertService(service);
            return null;
        });
        return repository.service(id).orElseThrow();
    }

    public CatalogueRepository.Versioned update(String id, String ifMatch, JsonNode service, String actor) {
        CatalogueRepository.Versioned current = repository.service(id).orElseThrow(() -> ProblemException.notFound("Service", id));
        int expected = EditChecks.expectedVersion(ifMatch, current, "service");
        List<Problem.FieldError> errors = validate(service);
        if (!id.equals(service.path("id").asText())) {
            errors.add(Problem.FieldError.pointer("/id", "must be '" + id + "', the service being changed"));
        }
        EditChecks.refuseIf(errors, "service");
        boolean applied = Tx.inTransaction(db, tx -> new CatalogueWriter(tx, now(), actor).updateService(service, expected));
        if (!applied) {
            throw EditChecks.stale(repository.service(id).orElseThrow(), "service");
        }
        return repository.service(id).orElseThrow();
    }

    /** Withdraws a service: kept and readable by id, hidden from search. */
    public CatalogueRepository.Versioned withdraw(String id, String ifMatch, String actor) {
        CatalogueRepository.Versioned current = repository.service(id).orElseThrow(() -> ProblemException.notFound("Service", id));
        int expected = EditChecks.expectedVersion(ifMatch, current, "service");
        ObjectNode withdrawn = current.document().deepCopy();
        withdrawn.put("status", "WITHDRAWN");
        boolean applied = Tx.inTransaction(db, tx -> new CatalogueWriter(tx, now(), actor).updateService(withdrawn, expected));
        if (!applied) {
            throw EditChecks.stale(repository.service(id).orElseThrow(), "service");
        }
        return repository.service(id).orElseThrow();
    }

    public List<JsonNode> versions(String id) {
        repository.service(id).orElseThrow(() -> ProblemException.notFound("Service", id));
        List<JsonNode> out = new ArrayList<>();
        try (Stream<DbRow> rows = db.execute().createQuery("select version, document, changed_at, changed_by from service_version"
                + " where service_id = ? order by version desc").params(id).execute()) {
            rows.forEach(r -> {
                ObjectNode v = Json.MAPPER.createObjectNode().put("version", r.column("version").get(Integer.class))
                        .put("changedAt", Rows.instant(r, "changed_at").toString()).put("changedBy", r.column("changed_by").get(String.class));
                v.set("service", Json.tree(r.column("document").get(String.class)));
                out.add(v);
            });
        }
        return out;
    }

    /** Schema, then the cross-file checks of the catalogue files, run on the service with what it refers to. */
    List<Problem.FieldError> validate(JsonNode service) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String text = Json.text(service);
        for (CatalogueProblem p : validator.validateSchema(CatalogueFile.Kind.SERVICE, "body", text)) {
            errors.add(Problem.FieldError.pointer(p.pointer(), p.detail()));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        String supplier = service.path("supplierOrgNo").asText();
        String servicePath = "services/" + supplier + "/" + service.path("id").asText() + ".json";
        List<CatalogueFile> files = new ArrayList<>();
        files.add(new CatalogueFile(servicePath, text));
        repository.supplier(supplier).ifPresent(s -> files.add(new CatalogueFile("suppliers/" + supplier + ".json", Json.text(s.document()))));
        for (JsonNode ref : service.path("frameworks")) {
            String fid = ref.path("frameworkId").asText();
            repository.framework(fid).ifPresent(f -> files.add(new CatalogueFile("frameworks/" + fid + ".json", Json.text(f.document()))));
        }
        for (CatalogueProblem p : validator.validate(new CatalogueBundle(files.stream().distinct().toList())).problems()) {
            if (p.file().equals(servicePath)) {
                errors.add(Problem.FieldError.pointer(p.pointer(), p.detail()));
            }
        }
        return errors;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
