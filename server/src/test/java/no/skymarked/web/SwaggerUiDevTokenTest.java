package no.skymarked.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import no.skymarked.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI offers development tokens in its Authorize dialog only while development authentication is on; with it
 * off, neither the dialog's addition nor {@code POST /dev/tokens} exists.
 */
class SwaggerUiDevTokenTest {

    @Test
    void withDevelopmentAuthenticationTheInitializerFetchesTokens() {
        TestServer server = TestServer.start(Clock.systemUTC());
        try {
            given().port(server.port()).get("/swagger-ui/swagger-initializer.js").then().statusCode(200)
                    .body(containsString("SkymarkedDevTokenPlugin"))
                    .body(containsString("fetch(\"/dev/tokens\""))
                    .body(containsString("preauthorizeApiKey"));
        } finally {
            server.stop();
        }
    }

    @Test
    void withoutDevelopmentAuthenticationThereIsNoTokenInTheDialogAndNoEndpoint() throws Exception {
        Path jwks = Files.createTempFile("skymarked-jwks", ".json");
        Files.writeString(jwks, "{\"keys\": []}");
        TestServer server = TestServer.start(Clock.systemUTC(), Map.of("skymarked.auth.dev.enabled", "false",
                "skymarked.auth.jwks.file", jwks.toString(), "skymarked.auth.issuer", "https://maskinporten.test/"));
        try {
            given().port(server.port()).get("/swagger-ui/swagger-initializer.js").then().statusCode(200)
                    .body(containsString("SwaggerUIBundle"))
                    .body(not(containsString("SkymarkedDevTokenPlugin")))
                    .body(not(containsString("/dev/tokens")));
            given().port(server.port()).contentType("application/json")
                    .body("{\"org\": \"991825827\", \"scopes\": [\"skymarked:buyer\"]}")
                    .post("/dev/tokens").then().statusCode(404);
        } finally {
            server.stop();
        }
    }
}
