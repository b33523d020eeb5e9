package no.skymarked.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import no.skymarked.TestServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The identity provider rotates its signing key: the server follows its JWKS without a restart. */
class JwksRotationHttpTest {
    static final LocalJwks JWKS = LocalJwks.start();

    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension(Clock.systemUTC(), JWKS.settings());

    @AfterAll
    static void stopJwks() {
        JWKS.stop();
    }

    @Test
    void aKeyThatAppearsInTheJwksIsTrustedAndARemovedKeyIsNot() {
        RSAKey old = LocalJwks.newKey("idp-2026-11");
        RSAKey rotated = LocalJwks.newKey("idp-2026-12");
        JWKS.serve(old);
        String byOld = LocalJwks.sign(old, LocalJwks.validClaims().build());
        given().auth().oauth2(byOld).get("/v1/me").then().statusCode(200).body("orgNo", is("991825827"));
        int fetches = JWKS.fetches();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(byOld).get("/v1/me").then().statusCode(200);
        }
        // the key set is cached, not fetched for every request
        org.hamcrest.MatcherAssert.assertThat(JWKS.fetches(), is(fetches));

        JWKS.serve(rotated);
        given().auth().oauth2(LocalJwks.sign(rotated, LocalJwks.validClaims().build())).get("/v1/me").then().statusCode(200)
                .body("orgNo", is("991825827"));
        given().auth().oauth2(byOld).get("/v1/me").then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("not among the trusted keys"));
        given().auth().oauth2(LocalJwks.sign(rotated, LocalJwks.validClaims().build())).get("/v1/me").then().statusCode(200);
    }
}
