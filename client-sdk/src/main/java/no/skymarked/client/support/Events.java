package no.skymarked.client.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.skymarked.client.ApiException;
import no.skymarked.client.api.EventsApi;
import no.skymarked.client.model.CloudEvent;
import no.skymarked.client.model.EventPage;

/**
 * The change feed and webhooks for clients:
 * <pre>{@code
 * List<CloudEvent> news = Events.catchUp(new EventsApi(SkymarkedClient.create(baseUri, tokens)), lastSeenId);  // keep the last id
 * boolean genuine = Events.verify(secret, req.header("webhook-id"), req.header("webhook-timestamp"),
 *         req.header("webhook-signature"), body, Instant.now());
 * }</pre>
 */
public final class Events {
    /** How far a webhook's timestamp may be from the receiver's clock (Standard Webhooks: five minutes). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private Events() {
    }

    /**
     * Every event the caller may see after {@code after} ({@code null} or {@code "0"}: from the beginning), following the
     * cursor page by page until a page is empty; resume next time after the last one's id. A refused page throws
     * {@link ProblemException}, as every call does.
     */
    public static List<CloudEvent> catchUp(EventsApi api, String after) {
        return catchUp(api, after, 100);
    }

    /** {@link #catchUp(EventsApi, String)} in pages of {@code limit} (1 to 100). */
    public static List<CloudEvent> catchUp(EventsApi api, String after, int limit) {
        List<CloudEvent> out = new ArrayList<>();
        String cursor = after == null ? "0" : after;
        while (true) {
            EventPage page;
            try {
                page = api.listEvents(EventsApi.APIListEventsRequest.newBuilder().after(cursor).limit(limit).build());
            } catch (ApiException e) {
                throw ProblemException.from(e);
            }
            if (page.getItems() == null || page.getItems().isEmpty()) {
                return out;
            }
            out.addAll(page.getItems());
            cursor = page.getNextCursor();
        }
    }

    /**
     * Whether a webhook request is genuine (Standard Webhooks): one of the {@code v1,} signatures in {@code signatures}
     * is the HMAC-SHA256 of {@code id.timestamp.body} under {@code secret} ({@code whsec_} + base64), and the timestamp
     * is within {@link #TOLERANCE} of {@code now}. Drop requests that are not; keep the ids you processed to drop repeats.
     */
    public static boolean verify(String secret, String id, String timestamp, String signatures, String body, Instant now) {
        if (secret == null || id == null || timestamp == null || signatures == null || body == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.getSeconds()) {
            return false;
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret), "HmacSHA256"));
            expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,")) {
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException e) {
                    // not base64: not this one
                }
            }
        }
        return false;
    }
}
