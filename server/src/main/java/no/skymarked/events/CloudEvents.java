package no.skymarked.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import no.skymarked.shared.Json;

/**
 * The CloudEvents 1.0 JSON envelope (structured mode) of a feed event: {@code id} is its feed position (unique for the
 * whole feed, and the cursor to resume after it), {@code source} the collection, {@code subject} the resource's id.
 */
public final class CloudEvents {
    public static final String MEDIA_TYPE = "application/cloudevents+json";

    private CloudEvents() {
    }

    public static ObjectNode envelope(FeedReader.Stored e) {
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("specversion", "1.0")
                .put("id", Long.toString(e.position()))
                .put("source", e.source())
                .put("type", e.type())
                .put("subject", e.subject())
                .put("time", e.time().toString())
                .put("datacontenttype", "application/json");
        out.set("data", Json.tree(e.data()));
        return out;
    }
}
