package no.skymarked.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.skymarked.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code DELETE /dev/clock} sets a moved development clock back to real time (editors only), as the tours end. */
class DevClockResetTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension(Clock.systemUTC(), Map.of("skymarked.dev.clock.enabled", "true"));

    @Test
    void aMovedClockIsSetBackToRealTime() {
        String editor = SERVER.server().token("991825827", "skymarked:editor");
        given().auth().oauth2(editor).contentType("application/json").body("{\"advance\": \"P23D\"}")
                .put("/dev/clock").then().statusCode(200).body("offset", is("PT552H"));
        Instant moved = Instant.parse(given().get("/dev/clock").then().statusCode(200).extract().path("now"));
        assertThat(Duration.between(Instant.now(), moved).toDays(), is(22L));

        String now = given().auth().oauth2(editor).delete("/dev/clock").then().statusCode(200)
                .body("offset", is("PT0S")).extract().path("now");
        assertThat(Math.abs(Duration.between(Instant.now(), Instant.parse(now)).toSeconds()), lessThan(5L));
        given().get("/dev/clock").then().statusCode(200).body("offset", is("PT0S"));
    }

    @Test
    void onlyAnEditorResetsIt() {
        given().delete("/dev/clock").then().statusCode(401);
        given().auth().oauth2(SERVER.server().token("991825827", "skymarked:buyer")).delete("/dev/clock").then().statusCode(403);
    }
}
