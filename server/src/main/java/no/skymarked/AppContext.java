package no.skymarked;

import io.helidon.dbclient.DbClient;
import java.time.Clock;
import no.skymarked.auth.TokenVerifier;
import no.skymarked.calloff.CallOffFeature;
import no.skymarked.framework.AccessionRepository;
import no.skymarked.catalogue.CatalogueRepository;

/** What the features share: the database, its repositories and the one clock. Tests swap parts. */
public record AppContext(DbClient db, Clock clock, CatalogueRepository catalogue, AccessionRepository accessions,
                         CallOffFeature callOffs, TokenVerifier tokens, no.skymarked.events.EventsFeature events) {
    /**
     * {@code kek} wraps the competitions' tender keys; {@code legacyKeyDir} holds the RSA tender key of earlier
     * versions, if any, for the tenders it sealed; {@code searchCache} is how many rendered search answers to keep per
     * catalogue revision; {@code wallClock} (real time) stamps webhook signatures;
     * {@code privateWebhookTargets} lets webhooks go to loopback and private addresses (development only).
     */
    public static AppContext create(DbClient db, boolean postgres, Clock clock, TokenVerifier tokens,
                                    no.skymarked.calloff.application.KeyEncryptionKey kek, java.nio.file.Path legacyKeyDir,
                                    int searchCache, Clock wallClock, boolean privateWebhookTargets) {
        CatalogueRepository catalogue = new CatalogueRepository(db, searchCache);
        AccessionRepository accessions = new AccessionRepository(db);
        return new AppContext(db, clock, catalogue, accessions, CallOffFeature.create(db, postgres, accessions, kek, legacyKeyDir, clock), tokens,
                no.skymarked.events.EventsFeature.create(db, clock, wallClock, privateWebhookTargets));
    }
}
