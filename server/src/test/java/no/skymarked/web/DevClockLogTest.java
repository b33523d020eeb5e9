package no.skymarked.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import no.skymarked.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every move of the development clock is logged: who moved it, from when, to when. */
class DevClockLogTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension(Clock.systemUTC(), Map.of("skymarked.dev.clock.enabled", "true"));

    @Test
    void aClockMoveIsLoggedWithWhoAndFromWhenToWhen() {
        Logger logger = Logger.getLogger(DevClock.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            String before = given().get("/dev/clock").then().statusCode(200).extract().path("now");
            String editor = SERVER.server().tokenAs("kari.nordmann@etat.no", "991825827", "skymarked:editor");
            given().auth().oauth2(editor).contentType("application/json").body("{\"now\": \"2030-01-15T09:00:00Z\"}")
                    .put("/dev/clock").then().statusCode(200);
            assertThat(records, hasSize(1));
            String line = records.get(0).getMessage();
            assertThat(records.get(0).getLevel().intValue() >= Level.INFO.intValue(), org.hamcrest.Matchers.is(true));
            assertThat(line, containsString("kari.nordmann@etat.no"));
            assertThat(line, containsString("991825827"));
            assertThat(line, containsString("from " + before.substring(0, 16)));
            assertThat(line, containsString("to 2030-01-15T09:00:00Z"));
        } finally {
            logger.removeHandler(capture);
        }
    }
}
