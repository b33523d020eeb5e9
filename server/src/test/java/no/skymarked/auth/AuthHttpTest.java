package no.skymarked.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

class AuthHttpTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension();

    @Test
    void tokenFromTheTokenCommandIsAccepted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Config config = Config.just(ConfigSources.create(Map.of("skymarked.data.dir", SERVER.server().dataDir().toString())));
        int exit = TokenCommand.run(new String[] {"token", "--org", "991825827", "--scope", "skymarked:buyer skymarked:auditor"},
                config, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        org.hamcrest.MatcherAssert.assertThat(exit, is(0));
        String token = out.toString(StandardCharsets.UTF_8).strip();
        given().auth().oauth2(token).get("/v1/me").then().statusCode(200)
                .body("orgNo", is("991825827")).body("roles", hasItems("AUDITOR", "BUYER"));
    }

    @Test
    void theTokenCommandNamesThePersonActing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Config config = Config.just(ConfigSources.create(Map.of("skymarked.data.dir", SERVER.server().dataDir().toString())));
        int exit = TokenCommand.run(new String[] {"token", "--org", "991825827", "--scope", "skymarked:buyer", "--sub", "ola@etat.no"},
                config, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        org.hamcrest.MatcherAssert.assertThat(exit, is(0));
        given().auth().oauth2(out.toString(StandardCharsets.UTF_8).strip()).get("/v1/me").then().statusCode(200)
                .body("subject", is("ola@etat.no")).body("person", is("ola@etat.no"));
        given().auth().oauth2(SERVER.server().token("991825827", "skymarked:buyer")).get("/v1/me").then().statusCode(200)
                .body("person", is("dev-991825827")).body("$", not(org.hamcrest.Matchers.hasKey("subject")));
        org.hamcrest.MatcherAssert.assertThat(TokenCommand.run(new String[] {"token", "--org", "991825827", "--scope", "skymarked:buyer",
                "--sub", " "}, config, System.out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)), is(2));
    }

    @Test
    void tokenCommandRefusesAnInvalidOrganisationUnlessAskedTo() {
        Config config = Config.just(ConfigSources.create(Map.of("skymarked.data.dir", SERVER.server().dataDir().toString())));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TokenCommand.run(new String[] {"token", "--org", "123456789", "--scope", "skymarked:buyer"},
                config, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        org.hamcrest.MatcherAssert.assertThat(exit, is(2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TokenCommand.run(new String[] {"token", "--org", "123456789", "--scope", "skymarked:buyer", "--unchecked"},
                config, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        given().auth().oauth2(out.toString(StandardCharsets.UTF_8).strip()).get("/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("consumer.ID"));
    }

    @Test
    void refusalsExplainTheReasonWithoutInternals() {
        given().header("Authorization", "Basic dXNlcjpwdw==").get("/v1/me").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer")).body("detail", containsString("Bearer"));
        given().auth().oauth2("abc.def").get("/v1/services").then().statusCode(401)
                .body("detail", containsString("JWT")).body(not(containsString("Exception")));
        given().get("/v1/me").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"))
                .body("type", is("/problems/unauthorized"));
    }
}
