package no.skymarked.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.skymarked.TestServerExtension;
import no.skymarked.shared.ProblemTitles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Problem titles name the problem: the type's own title, the one its page shows, never "Refused" or the like. */
class ProblemTitlesTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension();

    @Test
    void aTypeIsTitledByTheCatalogueElseByItsNameInWords() {
        assertThat(ProblemTitles.of("/problems/precondition-failed"), is("Changed since you read it"));
        assertThat(ProblemTitles.of("/problems/threshold-requires-mini-competition"), is("Threshold requires mini-competition"));
        assertThat(ProblemTitles.of("agency-not-acceded"), is("Agency not acceded"));
        assertThat(ProblemTitles.of("/problems/invalid-call-off"), is("Invalid call-off"));
        assertThat(ProblemTitles.specific("/problems/agency-not-acceded", "Refused"), is("Agency not acceded"));
        assertThat(ProblemTitles.specific("/problems/agency-not-acceded", "Unprocessable request"), is("Agency not acceded"));
        assertThat(ProblemTitles.specific("/problems/agency-not-acceded", null), is("Agency not acceded"));
        assertThat(ProblemTitles.specific("/problems/invalid-tender", "Invalid tender"), is("Invalid tender"));
    }

    @Test
    void refusalsOfTheCallOffRulesCarryTheirTypesTitleAndThePageTheSame() {
        String buyer = SERVER.server().token("991825827", "skymarked:buyer");
        String body = "{\"frameworkId\": \"oslo-digitale-tjenester-2\", \"lotId\": \"programmering\", \"title\": \"Stort\","
                + " \"needDescription\": \"Mye arbeid\", \"estimatedHours\": [{\"roleId\": \"DEVELOPER\", \"hours\": \"400\"}]}";
        given().auth().oauth2(buyer).contentType("application/json").body(body).post("/v1/call-offs").then().statusCode(422)
                .body("type", is("/problems/agency-not-acceded")).body("title", is("Agency not acceded"));
        given().auth().oauth2(buyer).post("/v1/frameworks/oslo-digitale-tjenester-2/accessions").then().statusCode(201);
        given().auth().oauth2(buyer).contentType("application/json").body(body).post("/v1/call-offs").then().statusCode(422)
                .body("type", is("/problems/threshold-requires-mini-competition"))
                .body("title", is("Threshold requires mini-competition"))
                .body("detail", containsString("MINI_COMPETITION"));
        given().accept("application/json").get("/problems/threshold-requires-mini-competition").then().statusCode(200)
                .body("title", is("Threshold requires mini-competition"));
        given().auth().oauth2(buyer).contentType("application/json").body("{\"frameworkId\": \"oslo-digitale-tjenester-2\"}")
                .post("/v1/call-offs").then().statusCode(422).body("type", is("/problems/invalid-call-off"))
                .body("title", is("Invalid call-off"));
        given().contentType("application/json").body("{\"org\": \"123456789\", \"scopes\": [\"skymarked:buyer\"]}").post("/dev/tokens")
                .then().statusCode(422).body("type", is("/problems/invalid-orgno")).body("title", is("Invalid organisation number"));
    }

    @Test
    void noSourceTitlesAProblemGenerically() throws IOException {
        Pattern generic = Pattern.compile("\"/problems/[a-z0-9-]+\",\\s*\"(Refused|Unprocessable request|Bad request|Invalid|Conflict"
                + "|Error|Rejected|Failed|Precondition failed|Precondition required)\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = generic.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(f.getFileName() + ": " + m.group());
                }
            }
        }
        assertThat(found, is(empty()));
    }
}
