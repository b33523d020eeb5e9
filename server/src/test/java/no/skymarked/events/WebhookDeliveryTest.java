package no.skymarked.events;

import static no.skymarked.events.Tours.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.standardwebhooks.Webhook;
import io.cloudevents.CloudEvent;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.skymarked.MutableClock;
import no.skymarked.SpecContract;
import no.skymarked.TestServer;
import no.skymarked.shared.Database;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 15): a receiver gets every event of a tour exactly once after a 503-then-200 sequence, signatures
 * verified by the Standard Webhooks reference library; the delivery state survives a restart; a 410 disables the
 * subscription and a replay from a cursor delivers again. Development mode (loopback receiver); the delivery worker is
 * driven by the test, retries timed by the server's clock.
 */
class WebhookDeliveryTest {
    private static final Map<String, String> DRIVEN = Map.of("skymarked.webhooks.delivery.period", "PT0S");
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

    private static WebhookDelivery worker(TestServer server) {
        return server.running().context().events().delivery();
    }

    private static JsonPath subscription(TestServer server, String id) {
        Response r = as(server, server.token(Tours.BUYER, "skymarked:buyer")).get("/v1/webhook-subscriptions/" + id);
        r.then().statusCode(200);
        assertThat(SpecContract.problems("getWebhookSubscription", 200, r.asString()), is(empty()));
        return r.jsonPath();
    }

    @Test
    void aReceiverGetsEveryEventOfATourExactlyOnceAfterA503AndA410DisablesIt() throws Exception {
        Database.Settings database = Database.forTest("webhooks-" + UUID.randomUUID());
        Path kek = TestServer.newKek();
        TestServer first = TestServer.start(clock, database, kek, DRIVEN);
        TestServer second = null;
        try (Receiver receiver = new Receiver()) {
            Response created = as(first, first.token(Tours.BUYER, "skymarked:buyer")).contentType("application/json")
                    .body("{\"url\": \"" + receiver.url() + "\", \"description\": \"Innkjøpssystemet\"}").post("/v1/webhook-subscriptions");
            created.then().statusCode(201).header("Location", startsWith("/v1/webhook-subscriptions/"));
            assertThat(SpecContract.problems("createWebhookSubscription", 201, created.asString()), is(empty()));
            String id = created.jsonPath().getString("id");
            String secret = created.jsonPath().getString("secret");
            String from = created.jsonPath().getString("cursor");
            assertThat(secret, startsWith("whsec_"));
            assertThat("the handshake came first", receiver.requests().size(), is(1));
            assertThat(subscription(first, id).getString("secret"), is((String) null));

            receiver.answerNext(503);
            String callOff = Tours.directAward(first, "Webhooktur");
            assertThat(worker(first).deliverDue(), is(0));
            JsonPath failed = subscription(first, id);
            assertThat(failed.getInt("failedAttempts"), is(1));
            assertThat(failed.getInt("lastResponseStatus"), is(503));
            assertThat(Instant.parse(failed.getString("nextAttemptAt")), is(clock.instant().plusSeconds(5)));
            assertThat("not due before its back-off", worker(first).deliverDue(), is(0));
            assertThat(receiver.events().size(), is(1));

            // the delivery state is in the database: another server on it goes on after a restart
            first.stopKeepingDatabase();
            first = null;
            second = TestServer.start(clock, database, kek, DRIVEN);
            clock.advance(Duration.ofSeconds(5));
            String buyer = second.token(Tours.BUYER, "skymarked:buyer");
            List<CloudEvent> tour = Tours.follow(second, buyer, from, 100);
            assertThat(tour.stream().filter(e -> callOff.equals(e.getSubject())).count(), is(6L));
            assertThat(worker(second).deliverDue(), is(tour.size()));

            List<Receiver.Request> events = receiver.events();
            List<String> acknowledged = events.stream().filter(r -> r.answered() == 200).map(r -> r.header("webhook-id")).toList();
            assertThat("every event of the tour exactly once", acknowledged, is(tour.stream().map(CloudEvent::getId).toList()));
            assertThat("the 503 was for the first event, sent again with the same id", events.get(0).header("webhook-id"),
                    is(tour.get(0).getId()));
            assertThat(events.get(0).answered(), is(503));
            for (Receiver.Request r : receiver.requests()) {
                new Webhook(secret).verify(r.body(), r.headers());  // throws when the signature does not verify
                CloudEvent parsed = Tours.parse(r.body());
                assertThat(r.header("content-type"), is(CloudEvents.MEDIA_TYPE));
                if (!r.verification()) {
                    assertThat(parsed.getId(), is(r.header("webhook-id")));
                }
            }
            assertThat(subscription(second, id).getInt("deliveredCount"), is(tour.size()));
            assertThat(subscription(second, id).getString("cursor"), is(tour.get(tour.size() - 1).getId()));

            // 410 Gone: disabled, and nothing more is sent
            String before410 = subscription(second, id).getString("cursor");
            receiver.answerNext(410);
            Tours.callOff(second, buyer, "Etter410");
            assertThat(worker(second).deliverDue(), is(0));
            JsonPath gone = subscription(second, id);
            assertThat(gone.getString("status"), is("DISABLED"));
            assertThat(gone.getString("disabledReason"), containsString("410"));
            int sent = receiver.events().size();
            clock.advance(Duration.ofMinutes(1));  // past any back-off (the test server signs by this clock too: within the verifier's 5 minutes)
            assertThat(worker(second).deliverDue(), is(0));
            assertThat(receiver.events().size(), is(sent));

            // a replay from a cursor enables it again and delivers what came after
            Response replay = as(second, buyer).contentType("application/json").body("{\"after\": \"" + before410 + "\"}")
                    .post("/v1/webhook-subscriptions/" + id + "/replays");
            replay.then().statusCode(202);
            assertThat(SpecContract.problems("replayWebhookSubscription", 202, replay.asString()), is(empty()));
            assertThat(replay.jsonPath().getString("status"), is("ACTIVE"));
            assertThat(worker(second).deliverDue(), is(2));
            assertThat(receiver.events().subList(sent, receiver.events().size()).stream().map(r -> Tours.parse(r.body()).getType()).toList(),
                    is(List.of("no.skymarked.call-off.created", "no.skymarked.call-off.offer.made")));
            for (Receiver.Request r : receiver.requests()) {
                new Webhook(secret).verify(r.body(), r.headers());
            }
        } finally {
            if (first != null) {
                first.stopKeepingDatabase();
            }
            if (second != null) {
                second.stop();
            }
        }
    }

    @Test
    void workersOnTwoServersSharingTheDatabaseDeliverEachEventOnce() throws Exception {
        Database.Settings database = Database.forTest("webhooks-two-" + UUID.randomUUID());
        Path kek = TestServer.newKek();
        TestServer a = TestServer.start(clock, database, kek, DRIVEN);
        TestServer b = TestServer.start(clock, database, kek, DRIVEN);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try (Receiver receiver = new Receiver()) {
            Response created = as(a, a.token(Tours.BUYER, "skymarked:buyer")).contentType("application/json")
                    .body("{\"url\": \"" + receiver.url() + "\"}").post("/v1/webhook-subscriptions");
            created.then().statusCode(201);
            String secret = created.jsonPath().getString("secret");
            String from = created.jsonPath().getString("cursor");
            for (int i = 0; i < 3; i++) {
                Tours.directAward(i % 2 == 0 ? a : b, "Toservere" + i);
            }
            List<CloudEvent> expected = Tours.follow(b, b.token(Tours.BUYER, "skymarked:buyer"), from, 100);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> workers = new java.util.ArrayList<>();
            for (TestServer server : List.of(a, b, a, b)) {
                workers.add(pool.submit(() -> {
                    go.await();
                    int sum = 0;
                    for (int round = 0; round < 20; round++) {
                        sum += worker(server).deliverDue();
                    }
                    return sum;
                }));
            }
            go.countDown();
            int acknowledged = 0;
            for (var w : workers) {
                acknowledged += w.get(2, java.util.concurrent.TimeUnit.MINUTES);
            }
            List<String> received = receiver.events().stream().map(r -> r.header("webhook-id")).toList();
            assertThat("each event once, in feed order", received, is(expected.stream().map(CloudEvent::getId).toList()));
            assertThat(acknowledged, is(expected.size()));
            for (Receiver.Request r : receiver.requests()) {
                new Webhook(secret).verify(r.body(), r.headers());
            }
        } finally {
            pool.shutdownNow();
            a.stopKeepingDatabase();
            b.stop();
        }
    }
}
