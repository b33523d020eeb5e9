package no.skymarked.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import no.skymarked.TestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every request gets a request id (the caller's when usable), echoed back and in the one log line, never a token. */
class AccessLogTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            lines.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        AccessLog.LOG.setLevel(java.util.logging.Level.INFO);
        AccessLog.LOG.addHandler(capture);
    }

    @AfterEach
    void stop() {
        AccessLog.LOG.removeHandler(capture);
        AccessLog.LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** The line is written once the response has gone out, so it may come a moment after the client has its answer. */
    private void awaitLine(String part) {
        for (int i = 0; i < 100 && lines.stream().noneMatch(l -> l.contains(part)); i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void theCallersRequestIdIsEchoedAndLoggedWithTheOrganisationButNotTheToken() {
        String token = SERVER.server().token("991825827", "skymarked:buyer");
        given().auth().oauth2(token).header("X-Request-Id", "agency-abc.123").get("/v1/me").then().statusCode(200)
                .header("X-Request-Id", is("agency-abc.123"));
        awaitLine("request-id=agency-abc.123");
        assertThat(lines, hasItem(matchesPattern("GET /v1/me 200 [0-9]+\\.[0-9]{3} ms request-id=agency-abc\\.123 org=991825827")));
        assertThat(String.join("\n", lines), not(containsString(token.substring(token.length() - 20))));
    }

    @Test
    void withoutAUsableIdTheServerMakesOne() {
        String made = given().get("/v1/frameworks").then().statusCode(200).extract().header("X-Request-Id");
        assertThat(made, matchesPattern("[0-9a-f-]{36}"));
        String replaced = given().header("X-Request-Id", "has spaces and <tags>").get("/v1/frameworks").then().extract().header("X-Request-Id");
        assertThat(replaced, matchesPattern("[0-9a-f-]{36}"));
        given().get("/v1/no-such-thing").then().statusCode(404).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        awaitLine("GET /v1/no-such-thing 404 ");
        assertThat(lines, hasItem(containsString("GET /v1/no-such-thing 404 ")));
    }
}
