package no.skymarked;

import io.helidon.dbclient.DbClient;
import java.time.Clock;
import no.skymarked.auth.TokenVerifier;
import no.skymarked.calloff.CallOffs;
import no.skymarked.framework.AccessionRepository;
import no.skymarked.catalogue.CatalogueRepository;

/** What the features share: the database, its repositories and the one clock. Tests swap parts. */
public record AppContext(DbClient db, Clock clock, CatalogueRepository catalogue, AccessionRepository accessions,
                         CallOffs callOffs, TokenVerifier tokens) {
    public static AppContext create(DbClient db, Clock clock, TokenVerifier tokens) {
        CatalogueRepository catalogue = new CatalogueRepository(db);
        AccessionRepository accessions = new AccessionRepository(db);
        return new AppContext(db, clock, catalogue, accessions, new CallOffs(db, catalogue, accessions, clock), tokens);
    }
}
