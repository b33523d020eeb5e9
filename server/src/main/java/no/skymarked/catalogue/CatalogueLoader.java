package no.skymarked.catalogue;

import io.helidon.dbclient.DbClient;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import no.skymarked.catalogdata.CatalogueBundle;
import no.skymarked.catalogdata.CatalogueValidator;
import no.skymarked.shared.Tx;

/** Loads a catalogue bundle into an empty database at first start, validating it again first. */
public final class CatalogueLoader {
    private static final Logger LOG = Logger.getLogger(CatalogueLoader.class.getName());

    private CatalogueLoader() {
    }

    /** Loads {@code bundle} unless a catalogue was loaded before; returns whether it loaded. */
    public static boolean loadIfEmpty(DbClient db, CatalogueBundle bundle, Clock clock) {
        boolean loaded = db.execute().get("select id from catalogue_load where id = 1").isPresent();
        if (loaded) {
            return false;
        }
        CatalogueValidator.Result result = new CatalogueValidator().validate(bundle);
        if (!result.ok()) {
            throw new IllegalStateException("The catalogue to load is invalid:\n  " + result.problems().stream()
                    .map(Object::toString).collect(Collectors.joining("\n  ")));
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Tx.inTransaction(db, tx -> {
            // The marker row goes first: a second server starting at the same time fails here and rolls back.
            tx.createInsert("insert into catalogue_load (id, loaded_at, files) values (1, ?, ?)")
                    .params(now, bundle.files().size()).execute();
            CatalogueWriter writer = new CatalogueWriter(tx, now, "catalogue load");
            result.suppliers().values().forEach(e -> writer.insertSupplier(e.node(), e.file()));
            result.frameworks().values().forEach(e -> writer.insertFramework(e.node(), e.file()));
            result.services().values().forEach(e -> {
                writer.insertService(e.node());
                writer.setServicePath(e.node().path("id").asText(), e.file());
            });
            return null;
        });
        LOG.info(() -> "Loaded the catalogue: " + result.suppliers().size() + " suppliers, "
                + result.services().size() + " services, " + result.frameworks().size() + " frameworks");
        return true;
    }
}
