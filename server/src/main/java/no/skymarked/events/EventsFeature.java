package no.skymarked.events;

import io.helidon.dbclient.DbClient;
import java.time.Clock;

/** The change feed and its webhooks wired: the reader, the subscriptions and the delivery worker. */
public record EventsFeature(FeedReader feed, WebhookSubscriptions subscriptions, WebhookDelivery delivery) {

    /**
     * {@code privateTargetsAllowed}: webhooks may go to loopback and private addresses (development only); {@code clock}
     * times retries and records, {@code wallClock} stamps signatures.
     */
    public static EventsFeature create(DbClient db, Clock clock, Clock wallClock, boolean privateTargetsAllowed) {
        FeedReader feed = new FeedReader(db);
        SubscriptionStore store = new SubscriptionStore(db);
        OutboundTargets targets = new OutboundTargets(privateTargetsAllowed);
        WebhookSender sender = new WebhookSender();
        return new EventsFeature(feed, new WebhookSubscriptions(store, feed, targets, sender, clock, wallClock),
                new WebhookDelivery(store, feed, targets, sender, clock, wallClock));
    }
}
