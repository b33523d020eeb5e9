package no.skymarked.calloff.store;

import java.util.List;
import no.skymarked.calloff.application.ChangeFeed;
import no.skymarked.events.FeedEvent;
import no.skymarked.events.FeedWriter;

/** The change feed in the use case's transaction, written last, just before it commits. */
public final class FeedStore implements ChangeFeed {
    private final DbSession session;

    public FeedStore(DbSession session) {
        this.session = session;
    }

    @Override
    public void publish(List<FeedEvent> events) {
        List<FeedEvent> copy = List.copyOf(events);
        session.beforeCommit(() -> FeedWriter.append(session.exec(), copy));
    }
}
