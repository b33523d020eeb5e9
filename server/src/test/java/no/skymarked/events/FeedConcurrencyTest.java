package no.skymarked.events;

import static no.skymarked.events.Tours.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import no.skymarked.TestServer;
import no.skymarked.shared.Database;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.Test;

/**
 * Exactly once while writers commit concurrently on two servers sharing one database: a crawler follows the cursor in
 * small pages, alternating between the servers, while call-offs are made and services withdrawn on both; what it read
 * live is exactly the feed as read afterwards from the start (nothing skipped, nothing twice, in the same order), and it
 * holds every change made. Runs on the build's test database (H2 shared in the JVM, or one PostgreSQL schema with
 * {@code -Dskymarked.test.db=postgresql}).
 */
class FeedConcurrencyTest {
    private static final int WRITERS_PER_SERVER = 3;
    private static final int CALL_OFFS_PER_WRITER = 8;

    @Test
    void aCrawlerFollowingTheCursorGetsEveryEventExactlyOnceWhileTwoServersCommit() throws Exception {
        Database.Settings database = Database.forTest("feed-race-" + UUID.randomUUID());
        java.nio.file.Path kek = TestServer.newKek();
        TestServer a = TestServer.start(Clock.systemUTC(), database, kek);
        TestServer b = TestServer.start(Clock.systemUTC(), database, kek);
        ExecutorService pool = Executors.newFixedThreadPool(2 * WRITERS_PER_SERVER + 2);
        try {
            // each test server trusts the development key in its own data directory: a token per server
            String auditor = a.token("974760673", "skymarked:auditor");
            String auditorAtB = b.token("974760673", "skymarked:auditor");
            String start = last(Tours.follow(a, auditor, "0", 100));
            String buyer = a.token(Tours.BUYER, "skymarked:buyer");
            as(a, buyer).post("/v1/frameworks/" + Tours.FRAMEWORK + "/accessions").then().statusCode(201);
            List<String> services = new ArrayList<>();
            Json.tree(as(a, null).get("/v1/services?limit=" + 2 * WRITERS_PER_SERVER).asString()).path("items")
                    .forEach(s -> services.add(s.path("id").asText()));

            ConcurrentLinkedQueue<String> made = new ConcurrentLinkedQueue<>();
            CountDownLatch go = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2 * WRITERS_PER_SERVER; w++) {
                TestServer at = w % 2 == 0 ? a : b;
                String service = services.get(w);
                writers.add(pool.submit(() -> {
                    go.await();
                    String token = at.token(Tours.BUYER, "skymarked:buyer");
                    for (int i = 0; i < CALL_OFFS_PER_WRITER; i++) {
                        made.add(newCallOff(at, token));
                        if (i == CALL_OFFS_PER_WRITER / 2) {
                            withdraw(at, service);
                        }
                    }
                    return null;
                }));
            }
            List<String> live = Collections.synchronizedList(new ArrayList<>());
            Future<?> crawler = pool.submit(() -> {
                String cursor = start;
                int turn = 0;
                while (true) {
                    boolean last = !writing.get();  // one more full pass after the writers are done
                    TestServer at = turn++ % 2 == 0 ? a : b;
                    JsonNode page = Json.tree(as(at, at == a ? auditor : auditorAtB).queryParam("after", cursor).queryParam("limit", 5).get("/v1/events")
                            .then().statusCode(200).extract().asString());
                    page.path("items").forEach(e -> live.add(e.path("id").asText()));
                    cursor = page.path("nextCursor").asText();
                    if (page.path("items").isEmpty() && last) {
                        return null;
                    }
                }
            });
            go.countDown();
            for (Future<?> w : writers) {
                w.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            crawler.get(2, TimeUnit.MINUTES);

            List<String> afterwards = Tours.follow(b, auditorAtB, start, 100).stream().map(io.cloudevents.CloudEvent::getId).toList();
            assertThat("nothing read twice", new HashSet<>(live).size(), is(live.size()));
            assertThat("read live exactly as the feed stands afterwards", live, is(afterwards));
            List<io.cloudevents.CloudEvent> events = Tours.follow(a, auditor, start, 100);
            Set<String> created = new HashSet<>();
            events.stream().filter(e -> e.getType().equals("no.skymarked.call-off.created")).forEach(e -> created.add(e.getSubject()));
            assertThat(created, is(new HashSet<>(made)));
            assertThat(made.size(), is(2 * WRITERS_PER_SERVER * CALL_OFFS_PER_WRITER));
            List<String> withdrawn = events.stream().filter(e -> e.getType().equals("no.skymarked.catalogue.service.withdrawn"))
                    .map(io.cloudevents.CloudEvent::getSubject).sorted().toList();
            assertThat(withdrawn, is(services.stream().sorted().toList()));
            List<String> missing = new ArrayList<>(afterwards);
            missing.removeAll(live);
            assertThat(missing, is(empty()));
        } finally {
            pool.shutdownNow();
            a.stopKeepingDatabase();
            b.stop();
        }
    }

    private static String last(List<io.cloudevents.CloudEvent> events) {
        return events.isEmpty() ? "0" : events.get(events.size() - 1).getId();
    }

    /** A direct call-off of its own need (unique words, so the splitting check does not add them up). */
    private static String newCallOff(TestServer server, String token) {
        String word = UUID.randomUUID().toString().replace("-", "");
        return as(server, token).contentType("application/json").body("{\"frameworkId\": \"" + Tours.FRAMEWORK + "\","
                        + " \"lotId\": \"programmering\", \"title\": \"t" + word + "\", \"needDescription\": \"n" + word + "\","
                        + " \"projectReference\": \"p" + word + "\", \"estimatedHours\": [{\"roleId\": \"DEVELOPER\", \"hours\": \"10\"}]}")
                .post("/v1/call-offs").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static void withdraw(TestServer server, String serviceId) {
        String editor = server.token(Tours.BUYER, "skymarked:editor");
        String etag = as(server, null).get("/v1/services/" + serviceId).header("ETag");
        as(server, editor).header("If-Match", etag).delete("/v1/services/" + serviceId).then().statusCode(200);
    }
}
