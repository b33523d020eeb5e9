package no.skymarked.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbClient;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import no.skymarked.catalogdata.CatalogueBundle;
import no.skymarked.catalogdata.CatalogueFile;
import no.skymarked.catalogdata.CatalogueProblem;
import no.skymarked.catalogdata.CatalogueValidator;
import no.skymarked.shared.Json;
import no.skymarked.shared.Problem;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.Tx;

/** Editors add and change suppliers: the supplier file's schema and checks, If-Match, every problem at once. */
public final class SupplierEditing {
    private final DbClient db;
    private final CatalogueRepository repository;
    private final Clock clock;
    private final CatalogueValidator validator = new CatalogueValidator();

    public SupplierEditing(DbClient db, CatalogueRepository repository, Clock clock) {
        this.db = db;
        this.repository = repository;
        this.clock = clock;
    }

    public CatalogueRepository.Versioned create(JsonNode supplier, String actor) {
        List<Problem.FieldError> errors = validate(supplier);
        String orgNo = supplier.path("orgNo").asText();
        if (errors.isEmpty() && repository.supplier(orgNo).isPresent()) {
            errors.add(Problem.FieldError.pointer("/orgNo", "a supplier with organisation number " + orgNo + " exists already"));
        }
        EditChecks.refuseIf(errors, "supplier");
        Tx.inTransaction(db, tx -> {
            new CatalogueWriter(tx, now(), actor).insertSupplier(supplier, "suppliers/" + orgNo + ".json");
            return null;
        });
        return repository.supplier(orgNo).orElseThrow();
    }

    public CatalogueRepository.Versioned update(String orgNo, String ifMatch, JsonNode supplier, String actor) {
        CatalogueRepository.Versioned current = repository.supplier(orgNo).orElseThrow(() -> ProblemException.notFound("Supplier", orgNo));
        int expected = EditChecks.expectedVersion(ifMatch, current, "supplier");
        List<Problem.FieldError> errors = validate(supplier);
        if (!orgNo.equals(supplier.path("orgNo").asText())) {
            errors.add(Problem.FieldError.pointer("/orgNo", "must be '" + orgNo + "', the supplier being changed"));
        }
        EditChecks.refuseIf(errors, "supplier");
        boolean applied = Tx.inTransaction(db, tx -> new CatalogueWriter(tx, now(), actor).updateSupplier(supplier, null, expected));
        if (!applied) {
            throw EditChecks.stale(repository.supplier(orgNo).orElseThrow(), "supplier");
        }
        return repository.supplier(orgNo).orElseThrow();
    }

    /** The supplier file's schema, then its checks (a valid organisation number). */
    private List<Problem.FieldError> validate(JsonNode supplier) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String text = Json.text(supplier);
        for (CatalogueProblem p : validator.validateSchema(CatalogueFile.Kind.SUPPLIER, "body", text)) {
            errors.add(Problem.FieldError.pointer(p.pointer(), p.detail()));
        }
        if (errors.isEmpty()) {
            CatalogueFile file = new CatalogueFile("suppliers/" + supplier.path("orgNo").asText() + ".json", text);
            for (CatalogueProblem p : validator.validate(new CatalogueBundle(List.of(file))).problems()) {
                errors.add(Problem.FieldError.pointer(p.pointer(), p.detail()));
            }
        }
        return errors;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
