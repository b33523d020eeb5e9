package no.skymarked;

import io.helidon.dbclient.DbClient;
import java.time.Clock;
import no.skymarked.auth.TokenVerifier;
import no.skymarked.catalogue.CatalogueRepository;

/** What the features share: the database, its repositories and the one clock. Tests swap parts. */
public record AppContext(DbClient db, Clock clock, CatalogueRepository catalogue, TokenVerifier tokens) {
    public static AppContext create(DbClient db, Clock clock, TokenVerifier tokens) {
        return new AppContext(db, clock, new CatalogueRepository(db), tokens);
    }
}
