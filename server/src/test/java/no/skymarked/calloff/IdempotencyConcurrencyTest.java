package no.skymarked.calloff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many simultaneous creates with one Idempotency-Key make exactly one call-off, and all get its answer. */
class IdempotencyConcurrencyTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension();

    @Test
    void twoHundredConcurrentCreatesWithOneKeyMakeOneCallOff() throws Exception {
        String token = SERVER.server().token("991825827", "skymarked:buyer");
        given().auth().oauth2(token).post("/v1/frameworks/oslo-digitale-tjenester-2/accessions").then().statusCode(201);
        String body = "{\"frameworkId\": \"oslo-digitale-tjenester-2\", \"lotId\": \"skyteknologier\", \"title\": \"Migrering\","
                + " \"needDescription\": \"Flytte fagsystem\", \"estimatedHours\": [{\"roleId\": \"CLOUD_ENGINEER\", \"hours\": \"80\"}]}";
        int n = 200;
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(() -> {
                go.await();
                var res = given().auth().oauth2(token).header("Idempotency-Key", "same-key").contentType("application/json")
                        .body(body).post("/v1/call-offs");
                return res.statusCode() + " " + res.jsonPath().getString("id") + " " + res.getHeader("Location");
            });
        }
        List<Future<String>> futures = new ArrayList<>();
        calls.forEach(c -> futures.add(pool.submit(c)));
        go.countDown();
        Set<String> answers = new HashSet<>();
        for (Future<String> f : futures) {
            answers.add(f.get());
        }
        pool.shutdown();
        assertThat("every request got the same 201 and id: " + answers, answers.size(), is(1));
        assertThat(answers.iterator().next().startsWith("201 "), is(true));
        // the replays (same key, same body) answer with the Location of the one call-off, as the first answer does
        String[] answer = answers.iterator().next().split(" ");
        assertThat(answer[2], is("/v1/call-offs/" + answer[1]));
        long rows = SERVER.server().running().context().db().execute().get("select count(*) as n from call_off")
                .map(r -> r.column("n").get(Long.class)).orElseThrow();
        assertThat(rows, is(1L));
    }
}
