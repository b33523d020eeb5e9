package no.skymarked.events;

import static no.skymarked.events.Tours.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import no.skymarked.SpecContract;
import no.skymarked.TestServer;
import no.skymarked.TestServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /v1/webhook-subscriptions}: the handshake, ownership, deletion, refusals as problems naming the field. */
class WebhookSubscriptionApiTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension(Clock.systemUTC(), Map.of("skymarked.webhooks.delivery.period", "PT0S"));
    private static final String SUPPLIER = "922000018";
    private static Receiver receiver;

    @BeforeAll
    static void receiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    private static Response subscribe(TestServer server, String token, String body) {
        return as(server, token).contentType("application/json").body(body).post("/v1/webhook-subscriptions");
    }

    private static void problem(Response r, int status, String type, String pointer, String operation) {
        r.then().statusCode(status).contentType("application/problem+json");
        assertThat(r.asString(), r.jsonPath().getString("type"), is(type));
        if (pointer != null) {
            assertThat(r.jsonPath().getString("errors[0].pointer"), is(pointer));
        }
        assertThat(SpecContract.problems(operation, status, r.asString()), is(empty()));
    }

    @Test
    void aSupplierSubscribesListsAndDeletesAndOthersCannotSeeIt() {
        TestServer server = SERVER.server();
        String supplier = server.token(SUPPLIER, "skymarked:supplier");
        Response created = subscribe(server, supplier, "{\"url\": \"" + receiver.url() + "\", \"after\": \"0\"}");
        created.then().statusCode(201);
        String id = created.jsonPath().getString("id");
        assertThat(created.jsonPath().getString("cursor"), is("0"));
        Response list = as(server, supplier).get("/v1/webhook-subscriptions");
        list.then().statusCode(200);
        assertThat(list.jsonPath().getList("items.id"), hasItem(id));
        assertThat("no secret in listings", list.asString(), not(containsString(created.jsonPath().getString("secret"))));
        assertThat(SpecContract.problems("listWebhookSubscriptions", 200, list.asString()), is(empty()));

        String other = server.token("974760673", "skymarked:supplier");
        assertThat(as(server, other).get("/v1/webhook-subscriptions").jsonPath().getList("items"), is(List.of()));
        problem(as(server, other).get("/v1/webhook-subscriptions/" + id), 404, "/problems/not-found", null, "getWebhookSubscription");
        problem(as(server, other).delete("/v1/webhook-subscriptions/" + id), 404, "/problems/not-found", null, "deleteWebhookSubscription");
        problem(as(server, supplier).contentType("application/json").body("{\"after\": \"999999999\"}")
                .post("/v1/webhook-subscriptions/" + id + "/replays"), 422, "/problems/invalid-cursor", "/after", "replayWebhookSubscription");

        as(server, supplier).delete("/v1/webhook-subscriptions/" + id).then().statusCode(204);
        problem(as(server, supplier).get("/v1/webhook-subscriptions/" + id), 404, "/problems/not-found", null, "getWebhookSubscription");
    }

    @Test
    void aReceiverThatDoesNotEchoTheChallengeIsNotSubscribed() {
        TestServer server = SERVER.server();
        String buyer = server.token(Tours.BUYER, "skymarked:buyer");
        int before = as(server, buyer).get("/v1/webhook-subscriptions").jsonPath().getList("items").size();
        receiver.echoChallenge(false);
        try {
            Response refused = subscribe(server, buyer, "{\"url\": \"" + receiver.url() + "\"}");
            problem(refused, 422, "/problems/webhook-verification-failed", "/url", "createWebhookSubscription");
            assertThat(refused.jsonPath().getString("detail"), containsString("challenge"));
        } finally {
            receiver.echoChallenge(true);
        }
        Response unreachable = subscribe(server, buyer, "{\"url\": \"http://127.0.0.1:1/hook\"}");
        problem(unreachable, 422, "/problems/webhook-verification-failed", "/url", "createWebhookSubscription");
        assertThat(as(server, buyer).get("/v1/webhook-subscriptions").jsonPath().getList("items").size(), is(before));
    }

    @Test
    void badBodiesAreRefusedNamingTheField() {
        TestServer server = SERVER.server();
        String buyer = server.token(Tours.BUYER, "skymarked:buyer");
        problem(subscribe(server, buyer, "{}"), 422, "/problems/invalid-body", "/url", "createWebhookSubscription");
        problem(subscribe(server, buyer, "{\"url\": \"" + receiver.url() + "\", \"after\": \"x\"}"), 422, "/problems/invalid-body", "/after",
                "createWebhookSubscription");
        problem(subscribe(server, buyer, "{\"url\": \"" + receiver.url() + "\", \"secret\": \"mine\"}"), 422, "/problems/invalid-body", null,
                "createWebhookSubscription");
        problem(subscribe(server, buyer, "{\"url\": \"ftp://example.com/\"}"), 422, "/problems/webhook-target-refused", "/url",
                "createWebhookSubscription");
        problem(subscribe(server, buyer, "[1]"), 400, "/problems/malformed-body", null, "createWebhookSubscription");
    }

    @Test
    void outsideDevelopmentLoopbackAndPrivateTargetsAreRefused() {
        TestServer production = TestServer.start(Clock.systemUTC(), Map.of("skymarked.webhooks.private.allowed", "false",
                "skymarked.webhooks.delivery.period", "PT0S"));
        try {
            String buyer = production.token(Tours.BUYER, "skymarked:buyer");
            int heard = receiver.requests().size();
            for (String url : new String[] {receiver.url(), "https://localhost/hook", "https://10.0.0.1/hook", "https://169.254.169.254/"}) {
                Response refused = subscribe(production, buyer, "{\"url\": \"" + url + "\"}");
                problem(refused, 422, "/problems/webhook-target-refused", "/url", "createWebhookSubscription");
                assertThat(refused.jsonPath().getString("detail"), containsString("public addresses"));
            }
            assertThat("refused before any request was sent", receiver.requests().size(), is(heard));
        } finally {
            production.stop();
        }
    }
}
