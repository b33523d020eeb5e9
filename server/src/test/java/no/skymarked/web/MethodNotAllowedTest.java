package no.skymarked.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Optional;
import java.util.Set;
import no.skymarked.TestServerExtension;
import no.skymarked.shared.RequestSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A path of the API asked with a method it does not allow: 405 with Allow (RFC 9110), not 404. */
class MethodNotAllowedTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension();

    @Test
    void templatesMatchOneSegmentPerParameter() {
        SpecPaths paths = new SpecPaths(RequestSchemas.spec());
        assertThat(paths.allowed("/v1/frameworks"), is(Optional.of(Set.of("GET", "HEAD", "POST"))));
        assertThat(paths.allowed("/v1/call-offs/abc/offers/def/response"), is(Optional.of(Set.of("POST"))));
        assertThat(paths.allowed("/v1/call-offs/abc/def/ghi/jkl/mno").isPresent(), is(false));
        assertThat(paths.allowed("/v1/nothing").isPresent(), is(false));
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        given().delete("/v1/frameworks").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", is("GET, HEAD, POST")).body("type", is("/problems/method-not-allowed"))
                .body("detail", is("DELETE is not allowed on /v1/frameworks; allowed: GET, HEAD, POST"));
        given().get("/v1/call-offs/x/offers/y/response").then().statusCode(405).header("Allow", is("POST"));
    }

    @Test
    void aPathThatIsNotThereIsStill404() {
        given().get("/v1/no-such-thing").then().statusCode(404).body("type", is("/problems/not-found"));
        given().get("/v1/frameworks/no-such-framework").then().statusCode(404);
    }
}
