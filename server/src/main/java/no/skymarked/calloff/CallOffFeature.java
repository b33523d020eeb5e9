package no.skymarked.calloff;

import io.helidon.dbclient.DbClient;
import java.nio.file.Path;
import java.time.Clock;
import no.skymarked.calloff.application.AnsweringOffer;
import no.skymarked.calloff.application.AnsweringQuestion;
import no.skymarked.calloff.application.AskingQuestion;
import no.skymarked.calloff.application.Awarding;
import no.skymarked.calloff.application.CallOffSteps;
import no.skymarked.calloff.application.Cancelling;
import no.skymarked.calloff.application.Contracting;
import no.skymarked.calloff.application.CreatingCallOff;
import no.skymarked.calloff.application.DeclaringConflicts;
import no.skymarked.calloff.application.Evaluating;
import no.skymarked.calloff.application.KeyEncryptionKey;
import no.skymarked.calloff.application.LapsingDeadlines;
import no.skymarked.calloff.application.Ports;
import no.skymarked.calloff.application.PublishingCompetition;
import no.skymarked.calloff.application.ReadingCallOffs;
import no.skymarked.calloff.application.ReadingCompetition;
import no.skymarked.calloff.application.ReadingPublicRecord;
import no.skymarked.calloff.application.RecordingEvaluatorScores;
import no.skymarked.calloff.application.RequestingExplanation;
import no.skymarked.calloff.application.SubmittingTender;
import no.skymarked.calloff.application.WithdrawingTender;
import no.skymarked.calloff.store.AccessionReader;
import no.skymarked.calloff.store.CallOffStore;
import no.skymarked.calloff.store.CatalogueReader;
import no.skymarked.calloff.store.CompetitionStore;
import no.skymarked.calloff.store.DbSession;
import no.skymarked.calloff.store.IdempotencyStore;
import no.skymarked.calloff.store.ProtocolStore;
import no.skymarked.calloff.store.ShardedValueLedger;
import no.skymarked.calloff.store.TenderVault;
import no.skymarked.framework.AccessionRepository;

/** The call-off feature wired: its stores behind the application's ports, and one object per use case. */
public record CallOffFeature(CreatingCallOff creating, AnsweringOffer answering, LapsingDeadlines deadlines, ReadingCallOffs reading,
                             PublishingCompetition publishing, AskingQuestion asking, AnsweringQuestion answeringQuestion,
                             SubmittingTender submitting, WithdrawingTender withdrawing, DeclaringConflicts declaring,
                             Evaluating evaluating, Awarding awarding, Contracting contracting, Cancelling cancelling,
                             ReadingCompetition readingCompetition, RecordingEvaluatorScores scoringQuality,
                             RequestingExplanation explaining, ReadingPublicRecord publicRecord) {

    /**
     * Over the database ({@code postgres}: PostgreSQL, else H2); the competitions' tender keys wrapped by {@code kek};
     * tenders sealed by earlier versions open with the RSA key file in {@code legacyKeyDir} when it is there.
     */
    public static CallOffFeature create(DbClient db, boolean postgres, AccessionRepository accessions, KeyEncryptionKey kek,
                                        Path legacyKeyDir, Clock clock) {
        DbSession session = new DbSession(db);
        ShardedValueLedger ledger = new ShardedValueLedger(session, postgres);
        CallOffStore callOffs = new CallOffStore(session, ledger);
        CompetitionStore competitions = new CompetitionStore(session);
        // every protocol append also publishes the changes among its events to the change feed, in the same transaction
        var protocol = new no.skymarked.calloff.application.FeedingProtocolLog(new ProtocolStore(session), callOffs, competitions,
                new no.skymarked.calloff.store.FeedStore(session));
        return of(new Ports(session, callOffs, competitions, protocol,
                new IdempotencyStore(session), ledger, new CatalogueReader(session), new AccessionReader(accessions),
                new TenderVault(session, kek, TenderVault.legacyFile(legacyKeyDir)), clock));
    }

    /** Over any ports (tests use fakes). */
    public static CallOffFeature of(Ports ports) {
        CallOffSteps steps = new CallOffSteps(ports);
        LapsingDeadlines deadlines = new LapsingDeadlines(ports, steps);
        return new CallOffFeature(new CreatingCallOff(ports), new AnsweringOffer(ports), deadlines, new ReadingCallOffs(ports, deadlines),
                new PublishingCompetition(steps), new AskingQuestion(steps), new AnsweringQuestion(steps), new SubmittingTender(steps),
                new WithdrawingTender(steps), new DeclaringConflicts(steps), new Evaluating(steps), new Awarding(steps),
                new Contracting(steps), new Cancelling(steps), new ReadingCompetition(steps), new RecordingEvaluatorScores(steps),
                new RequestingExplanation(steps), new ReadingPublicRecord(ports, deadlines));
    }
}
