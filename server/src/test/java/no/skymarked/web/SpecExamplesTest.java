package no.skymarked.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import no.skymarked.TestServerExtension;
import no.skymarked.shared.Json;
import no.skymarked.shared.RequestSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The request example Swagger UI fills in for calling off succeeds for the README's demo agency once it has acceded. */
class SpecExamplesTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension();

    @Test
    void theCallOffExampleCreatesACallOffForTheDemoAgency() {
        org.hamcrest.MatcherAssert.assertThat(RequestSchemas.spec().at("/paths/~1v1~1call-offs/post/requestBody/content/application~1json/example")
                .isMissingNode(), is(false));
        String example = Json.text(RequestSchemas.spec().at("/paths/~1v1~1call-offs/post/requestBody/content/application~1json/example"));
        String buyer = SERVER.server().token("991825827", "skymarked:buyer");
        given().auth().oauth2(buyer).post("/v1/frameworks/oslo-digitale-tjenester-2/accessions").then().statusCode(201);
        given().auth().oauth2(buyer).contentType("application/json").body(example).post("/v1/call-offs").then().statusCode(201)
                .body("route", is("DIRECT_AWARD")).body("status", is("OFFERED"));
    }
}
