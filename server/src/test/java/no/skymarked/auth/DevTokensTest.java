package no.skymarked.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import no.skymarked.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Development tokens over HTTP: made in milliseconds, accepted by the same server, checked like the CLI's. */
class DevTokensTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension();

    @Test
    void aTokenMadeOverHttpIsAcceptedWithItsOrganisationRolesAndPerson() {
        String token = given().contentType("application/json")
                .body("{\"org\": \"991825827\", \"scopes\": [\"skymarked:buyer\", \"skymarked:auditor\"], \"sub\": \"ola@etat.no\"}")
                .post("/dev/tokens").then().statusCode(201).body("tokenType", is("Bearer")).extract().jsonPath().getString("token");
        given().auth().oauth2(token).get("/v1/me").then().statusCode(200).body("orgNo", is("991825827"))
                .body("roles.size()", is(2)).body("person", is("ola@etat.no"));
    }

    @Test
    void badRequestsNameTheField() {
        given().contentType("application/json").body("{\"org\": \"123456789\", \"scopes\": [\"skymarked:buyer\"]}").post("/dev/tokens")
                .then().statusCode(422).body("type", is("/problems/invalid-orgno")).body("errors[0].pointer", is("/org"));
        given().contentType("application/json").body("{\"org\": \"991825827\", \"scopes\": [\"skymarked:king\"]}").post("/dev/tokens")
                .then().statusCode(422).body("errors[0].pointer", is("/scopes/0"));
        given().contentType("application/json").body("{\"org\": \"991825827\", \"scopes\": [\"skymarked:buyer\"], \"ttl\": \"P30D\"}")
                .post("/dev/tokens").then().statusCode(422).body("errors[0].pointer", is("/ttl"));
        given().get("/dev/tokens").then().statusCode(405).header("Allow", is("POST"));
    }
}
