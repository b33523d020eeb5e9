package no.skymarked.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.shared.Bodies;
import no.skymarked.shared.Json;
import no.skymarked.shared.ProblemException;

/**
 * Subscribing to webhooks: an agency (buyer) or supplier registers a URL, which must pass the SSRF check and the
 * validation handshake (a signed {@code no.skymarked.webhook.verification} event whose {@code data.challenge} the
 * receiver echoes in a 2xx answer); its organisation's subscriptions are listed, read, deleted and replayed from a
 * cursor. Another organisation's subscription is 404.
 */
public final class WebhookSubscriptions {
    public static final String VERIFICATION = "no.skymarked.webhook.verification";
    private final SubscriptionStore store;
    private final FeedReader feed;
    private final OutboundTargets targets;
    private final WebhookSender sender;
    private final Clock clock;
    private final Clock wallClock;

    /** {@code clock} stamps the records; {@code wallClock} (real time) the signatures, which receivers check against theirs. */
    public WebhookSubscriptions(SubscriptionStore store, FeedReader feed, OutboundTargets targets, WebhookSender sender, Clock clock,
                                Clock wallClock) {
        this.store = store;
        this.feed = feed;
        this.targets = targets;
        this.sender = sender;
        this.clock = clock;
        this.wallClock = wallClock;
    }

    /** The new subscription, after the handshake; {@code after}: deliver from after this event id (null: from now on). */
    public Subscription create(Principal owner, String url, String description, Long after) {
        targets.refusal(url).ifPresent(why -> {
            throw Bodies.invalid("/problems/webhook-target-refused", "/url", "the URL " + why);
        });
        long head = feed.head();
        if (after != null && after > head) {
            throw Bodies.invalid("/problems/invalid-cursor", "/after", "there is no event " + after + " yet (the last is " + head + ")");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        owner.roles().stream().filter(r -> r == Role.BUYER || r == Role.SUPPLIER).forEach(roles::add);
        Subscription s = new Subscription("whs-" + UUID.randomUUID(), owner.orgNo(), roles, url, WebhookSignature.newSecret(), description,
                Subscription.ACTIVE, null, after != null ? after : head, 0, null, null, null, null, 0, clock.instant());
        handshake(s);
        store.insert(s);
        return store.find(s.id()).orElseThrow();
    }

    private void handshake(Subscription s) {
        String challenge = UUID.randomUUID().toString();
        ObjectNode event = Json.MAPPER.createObjectNode().put("specversion", "1.0").put("id", "verify-" + s.id())
                .put("source", "/v1/webhook-subscriptions").put("type", VERIFICATION).put("subject", s.id())
                .put("time", clock.instant().toString()).put("datacontenttype", "application/json");
        event.putObject("data").put("challenge", challenge);
        String body = Json.text(event);
        WebhookSender.Answer answer;
        try {
            answer = sender.post(s.url(), WebhookSignature.headers(s.secret(), "verify-" + s.id(), wallClock.instant().getEpochSecond(), body), body);
        } catch (IOException e) {
            throw verificationFailed("the verification request to the URL failed: " + e.getMessage());
        }
        if (!answer.ok()) {
            throw verificationFailed("the receiver answered the verification event with status " + answer.status() + ", not 2xx");
        }
        if (!answer.body().contains(challenge)) {
            throw verificationFailed("the receiver's answer to the verification event does not echo data.challenge");
        }
    }

    private static ProblemException verificationFailed(String detail) {
        return Bodies.invalid("/problems/webhook-verification-failed", "/url", detail);
    }

    public List<Subscription> list(Principal owner) {
        return store.ofOrg(owner.orgNo());
    }

    public Subscription get(Principal owner, String id) {
        return store.find(id).filter(s -> s.orgNo().equals(owner.orgNo()))
                .orElseThrow(() -> ProblemException.notFound("Webhook subscription", id));
    }

    public void delete(Principal owner, String id) {
        store.delete(get(owner, id).id());
    }

    /** Delivers again every event after {@code after} (and enables a disabled subscription). */
    public Subscription replay(Principal owner, String id, long after) {
        Subscription s = get(owner, id);
        long head = feed.head();
        if (after > head) {
            throw Bodies.invalid("/problems/invalid-cursor", "/after", "there is no event " + after + " yet (the last is " + head + ")");
        }
        store.replay(s.id(), after);
        return get(owner, id);
    }
}
