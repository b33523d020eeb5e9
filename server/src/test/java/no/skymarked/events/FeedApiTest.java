package no.skymarked.events;

import static no.skymarked.events.Tours.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import no.skymarked.SpecContract;
import no.skymarked.TestServer;
import no.skymarked.TestServerExtension;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /v1/events}: a direct-award tour and a catalogue change as CloudEvents (parsed by the CloudEvents SDK), each
 * seen by whom may see it, in order, resumable by cursor.
 */
class FeedApiTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension();
    private static final String OTHER_BUYER = "889640782";
    private static TestServer server;
    private static String start;
    private static String callOffId;
    private static String rank1;
    private static String rank2;
    private static String withdrawnService;

    @BeforeAll
    static void tour() {
        server = SERVER.server();
        List<CloudEvent> before = Tours.follow(server, null, "0", 100);
        start = before.isEmpty() ? "0" : before.get(before.size() - 1).getId();
        rank1 = Tours.ranked(server, 1);
        rank2 = Tours.ranked(server, 2);
        callOffId = Tours.directAward(server, "Feedtur");
        JsonNode service = Json.tree(as(server, null).get("/v1/services?limit=1").asString()).path("items").get(0);
        withdrawnService = service.path("id").asText();
        String etag = as(server, null).get("/v1/services/" + withdrawnService).header("ETag");
        as(server, server.token("991825827", "skymarked:editor")).header("If-Match", etag).delete("/v1/services/" + withdrawnService)
                .then().statusCode(200);
    }

    private static List<String> types(List<CloudEvent> events) {
        return events.stream().map(CloudEvent::getType).toList();
    }

    @Test
    void theBuyerFollowsItsCallOffInCommitOrderAsCloudEvents() {
        List<CloudEvent> events = Tours.follow(server, server.token(Tours.BUYER, "skymarked:buyer"), start, 2);
        List<CloudEvent> callOff = events.stream().filter(e -> callOffId.equals(e.getSubject())).toList();
        assertThat(types(callOff), contains("no.skymarked.call-off.created", "no.skymarked.call-off.offer.made",
                "no.skymarked.call-off.offer.answered", "no.skymarked.call-off.offer.made", "no.skymarked.call-off.offer.answered",
                "no.skymarked.call-off.awarded"));
        for (CloudEvent e : callOff) {
            assertThat(e.getSpecVersion(), is(SpecVersion.V1));
            assertThat(e.getSource(), is(URI.create("/v1/call-offs")));
            assertThat(e.getDataContentType(), is("application/json"));
            assertThat(e.getTime() != null, is(true));
            JsonNode data = Json.tree(new String(e.getData().toBytes(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(data.path("callOffId").asText(), is(callOffId));
        }
        JsonNode accepted = Json.tree(new String(callOff.get(4).getData().toBytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(accepted.path("decision").asText(), is("ACCEPT"));
        assertThat(accepted.path("supplierOrgNo").asText(), is(rank2));
        List<Long> ids = events.stream().map(e -> Long.parseLong(e.getId())).toList();
        assertThat("ids rise strictly", ids, is(ids.stream().sorted().distinct().toList()));
        assertThat("catalogue changes are public", types(events), hasItem("no.skymarked.catalogue.service.withdrawn"));
    }

    @Test
    void aSupplierSeesOnlyTheOffersThatConcernIt() {
        List<CloudEvent> first = Tours.follow(server, server.token(rank1, "skymarked:supplier"), start, 50).stream()
                .filter(e -> callOffId.equals(e.getSubject())).toList();
        assertThat(types(first), contains("no.skymarked.call-off.offer.made", "no.skymarked.call-off.offer.answered"));
        List<CloudEvent> second = Tours.follow(server, server.token(rank2, "skymarked:supplier"), start, 50).stream()
                .filter(e -> callOffId.equals(e.getSubject())).toList();
        assertThat(types(second), contains("no.skymarked.call-off.offer.made", "no.skymarked.call-off.offer.answered",
                "no.skymarked.call-off.awarded"));
    }

    @Test
    void anotherAgencyAndAnonymousSeeOnlyTheCatalogueAndAnAuditorSeesAll() {
        for (String token : new String[] {null, server.token(OTHER_BUYER, "skymarked:buyer"), server.token(Tours.BUYER, "skymarked:editor")}) {
            List<CloudEvent> events = Tours.follow(server, token, start, 100);
            assertThat(events.stream().map(CloudEvent::getType).toList(), everyItem(startsWith("no.skymarked.catalogue.")));
            assertThat(events.stream().map(CloudEvent::getSubject).toList(), hasItem(withdrawnService));
        }
        List<CloudEvent> audited = Tours.follow(server, server.token("974760673", "skymarked:auditor"), start, 100);
        assertThat(audited.stream().filter(e -> callOffId.equals(e.getSubject())).count(), is(6L));
    }

    @Test
    void theCursorResumesAfterTheLastEventAndAnEmptyPageKeepsIt() {
        String buyer = server.token(Tours.BUYER, "skymarked:buyer");
        List<CloudEvent> all = Tours.follow(server, buyer, start, 100);
        String middle = all.get(2).getId();
        List<CloudEvent> rest = Tours.follow(server, buyer, middle, 3);
        assertThat(rest.stream().map(CloudEvent::getId).toList(), is(all.subList(3, all.size()).stream().map(CloudEvent::getId).toList()));
        String last = all.get(all.size() - 1).getId();
        Response empty = as(server, buyer).queryParam("after", last).get("/v1/events");
        empty.then().statusCode(200);
        assertThat(empty.jsonPath().getList("items"), is(empty()));
        assertThat(empty.jsonPath().getString("nextCursor"), is(last));
        assertThat(SpecContract.problems("listEvents", 200, as(server, buyer).queryParam("after", start).get("/v1/events").asString()),
                is(empty()));
    }

    @Test
    void aBadCursorOrLimitIsA400NamingIt() {
        for (String[] bad : new String[][] {{"after", "abc"}, {"after", "-1"}, {"limit", "0"}, {"limit", "101"}}) {
            Response r = as(server, null).queryParam(bad[0], bad[1]).get("/v1/events");
            r.then().statusCode(400).contentType("application/problem+json");
            assertThat(r.jsonPath().getString("errors[0].parameter"), is(bad[0]));
            assertThat(SpecContract.problems("listEvents", 400, r.asString()), is(empty()));
        }
        assertThat(as(server, null).queryParam("after", "0").get("/v1/events").asString(), not(is("")));
    }
}
