package no.skymarked;

import io.helidon.dbclient.DbClient;
import java.time.Clock;
import no.skymarked.auth.TokenVerifier;
import no.skymarked.calloff.CallOffFeature;
import no.skymarked.framework.AccessionRepository;
import no.skymarked.catalogue.CatalogueRepository;

/** What the features share: the database, its repositories and the one clock. Tests swap parts. */
public record AppContext(DbClient db, Clock clock, CatalogueRepository catalogue, AccessionRepository accessions,
                         CallOffFeature callOffs, TokenVerifier tokens) {
    /**
     * {@code tenderKeyDir} holds the key that seals tenders (made at first start); {@code memorySearch} answers
     * catalogue searches from an in-memory index instead of SQL.
     */
    public static AppContext create(DbClient db, boolean postgres, Clock clock, TokenVerifier tokens, java.nio.file.Path tenderKeyDir,
                                    boolean memorySearch) {
        CatalogueRepository catalogue = new CatalogueRepository(db, memorySearch);
        AccessionRepository accessions = new AccessionRepository(db);
        return new AppContext(db, clock, catalogue, accessions, CallOffFeature.create(db, postgres, accessions, tenderKeyDir, clock), tokens);
    }
}
