package no.skymarked.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.skymarked.Main;
import no.skymarked.client.api.EventsApi;
import no.skymarked.client.model.CloudEvent;
import no.skymarked.client.support.Events;
import no.skymarked.events.WebhookSignature;
import no.skymarked.shared.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SDK's feed helper catches up page by page and resumes; its signature check accepts the server's and nothing else. */
class EventsSdkTest {
    private static Main.Running server;
    private static Database.Settings database;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Files.createTempDirectory("skymarked-sdk-events");
        Config config = Config.just(ConfigSources.create(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "skymarked.data.dir", dataDir.toString(), "skymarked.webhooks.delivery.period", "PT0S")));
        database = Database.forTest("sdk-events-" + UUID.randomUUID());
        server = Main.start(config, Clock.systemUTC(), database);
    }

    @AfterAll
    static void stop() {
        server.stop();
        Database.dropTestSchema(database);
    }

    @Test
    void catchUpFollowsTheCursorToTheEndAndResumesAfterTheLastId() throws ApiException {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + server.port());
        EventsApi api = new EventsApi(client);
        List<CloudEvent> all = Events.catchUp(api, null, 10);
        assertThat("the demo catalogue's public events span several pages", all.size(), greaterThan(30));
        assertThat(Events.catchUp(api, "0"), is(all));
        assertThat(String.valueOf(all.get(0).getSpecversion()), is("1.0"));
        List<CloudEvent> rest = Events.catchUp(api, all.get(all.size() - 6).getId());
        assertThat(rest, is(all.subList(all.size() - 5, all.size())));
        assertThat(Events.catchUp(api, all.get(all.size() - 1).getId()), is(List.of()));
        no.skymarked.client.support.ProblemException refused = org.junit.jupiter.api.Assertions.assertThrows(
                no.skymarked.client.support.ProblemException.class, () -> Events.catchUp(api, "not-a-cursor"));
        assertThat(refused.status(), is(400));
        assertThat(refused.errors().get(0).getParameter(), is("after"));
    }

    @Test
    void verifyAcceptsTheServersSignatureOnlyForItsBodyAndWithinFiveMinutes() {
        String secret = WebhookSignature.newSecret();
        Instant now = Instant.now();
        String body = "{\"specversion\":\"1.0\",\"id\":\"9\"}";
        Map<String, String> h = WebhookSignature.headers(secret, "9", now.getEpochSecond(), body);
        assertThat(Events.verify(secret, h.get("webhook-id"), h.get("webhook-timestamp"), h.get("webhook-signature"), body, now), is(true));
        assertThat(Events.verify(secret, h.get("webhook-id"), h.get("webhook-timestamp"), "v1,AAAA " + h.get("webhook-signature"), body, now),
                is(true));
        assertThat(Events.verify(secret, h.get("webhook-id"), h.get("webhook-timestamp"), h.get("webhook-signature"), body + " ", now), is(false));
        assertThat(Events.verify(secret, "10", h.get("webhook-timestamp"), h.get("webhook-signature"), body, now), is(false));
        assertThat(Events.verify(WebhookSignature.newSecret(), h.get("webhook-id"), h.get("webhook-timestamp"), h.get("webhook-signature"),
                body, now), is(false));
        assertThat(Events.verify(secret, h.get("webhook-id"), h.get("webhook-timestamp"), h.get("webhook-signature"), body,
                now.plusSeconds(301)), is(false));
    }
}
