package no.skymarked.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.skymarked.TestServerExtension;
import no.skymarked.shared.RequestSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every problem type the server answers with resolves to a page saying what it means and how to fix it. */
class ProblemPagesTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension();

    @Test
    void everyProblemTypeNamedInTheServerHasAPage() throws IOException {
        Pattern type = Pattern.compile("\"/problems/([a-z0-9]+(?:-[a-z0-9]+)*)\"");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = type.matcher(Files.readString(f));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat("the server's sources name problem types", named.size() > 40, is(true));
        List<String> pages = new ProblemPages(RequestSchemas.spec()).names();
        assertThat(named.stream().filter(n -> !pages.contains(n)).toList(), is(empty()));
    }

    @Test
    void aPageSaysWhatTheProblemMeansWhereAndHowToFixIt() {
        given().get("/problems/splitting-justification-required").then().statusCode(200).contentType("text/html")
                .body(containsString("createCallOff (POST)")).body(containsString("/problems/splitting-justification-required"));
        given().accept("application/json").get("/problems/precondition-failed").then().statusCode(200)
                .body("title", is("Changed since you read it")).body("fix", containsString("Read it again"));
        given().get("/problems/no-such-problem").then().statusCode(404).body("type", is("/problems/not-found"));
    }
}
