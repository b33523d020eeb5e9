package no.skymarked.calloff.application;

import java.util.List;
import no.skymarked.events.FeedEvent;

/** The change feed: events published in the caller's transaction, visible once it commits. */
public interface ChangeFeed {
    void publish(List<FeedEvent> events);
}
