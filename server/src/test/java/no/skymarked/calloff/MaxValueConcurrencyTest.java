package no.skymarked.calloff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Simultaneous call-offs from different agencies that each fit under the framework's maximum value but not together:
 * exactly one is accepted, the others are refused with max-value-exceeded (C-23/20), never all of them.
 */
class MaxValueConcurrencyTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension();
    private static final List<String> AGENCIES = List.of("991825827", "974760673", "889640782", "983887457", "800000130", "958935404");

    @Test
    void callOffsThatTogetherExceedTheMaximumAreNotAllAccepted() throws Exception {
        // 100 000 architect hours: up to NOK 177 million each in Digitale tjenester 2, whose maximum is NOK 200 million
        String body = "{\"frameworkId\": \"oslo-digitale-tjenester-2\", \"lotId\": \"utviklingsmetodikk\", \"title\": \"Stor\","
                + " \"needDescription\": \"Stor\", \"estimatedHours\": [{\"roleId\": \"ARCHITECT\", \"hours\": \"100000\"}],"
                + " \"requestedRoute\": \"MINI_COMPETITION\"}";
        List<String> tokens = new ArrayList<>();
        for (String agency : AGENCIES) {
            String token = SERVER.server().token(agency, "skymarked:buyer");
            given().auth().oauth2(token).post("/v1/frameworks/oslo-digitale-tjenester-2/accessions").then().statusCode(201);
            tokens.add(token);
        }
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (String token : tokens) {
            answers.add(pool.submit(() -> {
                go.await();
                var res = given().auth().oauth2(token).contentType("application/json").body(body).post("/v1/call-offs");
                return res.statusCode() + " " + (res.statusCode() == 201 ? "" : res.jsonPath().getString("type"));
            }));
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : answers) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results.toString(), results.stream().filter(r -> r.startsWith("201")).count(), is(1L));
        assertThat(results.toString(), results.stream().filter(r -> r.equals("422 /problems/max-value-exceeded")).count(),
                is((long) AGENCIES.size() - 1));
    }
}
