package no.skymarked.catalogue.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import no.skymarked.TestServer;
import no.skymarked.shared.Database;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one database, each with its own search index: an edit answered by one is found by the very next
 * search on the other, round after round, and so is a withdrawal and a supplier's new name. Runs on the build's test
 * database: H2 shared in the JVM (revisions published in the JVM, see EmbeddedRevision), or one PostgreSQL schema
 * with {@code -Dskymarked.test.db=postgresql} (revisions read, writes answered after the commit wait).
 */
class SearchAcrossServersTest {
    private static final String EDITOR_ORG = "983887457";

    @Test
    void anEditCommittedOnOneServerIsFoundByTheNextSearchOnTheOther() {
        Database.Settings database = Database.forTest("search-servers-" + UUID.randomUUID());
        java.nio.file.Path kek = TestServer.newKek();
        TestServer a = TestServer.start(Clock.systemUTC(), database, kek);
        TestServer b = TestServer.start(Clock.systemUTC(), database, kek);
        try {
            String service = "fjordsky-objektlagring";
            String word = null;
            for (int round = 0; round < 6; round++) {
                TestServer writer = round % 2 == 0 ? a : b;
                TestServer reader = round % 2 == 0 ? b : a;
                String previous = word;
                // two letters apart from every other round's word, so typo tolerance does not find the one before
                char letter = (char) ('a' + round);
                word = "fjellvokter" + letter + letter;
                assertThat("round " + round + " before the edit", ids(reader, word), is(empty()));
                rename(writer, service, "Objektlagring " + word);
                assertThat("round " + round + ": the other server finds the new name", ids(reader, word), is(List.of(service)));
                assertThat("round " + round + ": and the writer too", ids(writer, word), is(List.of(service)));
                if (previous != null) {
                    assertThat("round " + round + ": nor the old one", ids(reader, previous), is(empty()));
                }
            }
            String editorAtA = a.token(EDITOR_ORG, "skymarked:editor");
            String etag = given().port(a.port()).get("/v1/services/" + service).header("ETag");
            given().port(a.port()).auth().oauth2(editorAtA).header("If-Match", etag).delete("/v1/services/" + service)
                    .then().statusCode(200);
            assertThat("withdrawn on A, gone from B's search", ids(b, word), is(empty()));

            String supplier = "921100000";  // Fjordsky
            Response before = given().port(b.port()).get("/v1/suppliers/" + supplier);
            ObjectNode renamed = (ObjectNode) Json.tree(before.asString());
            renamed.put("name", "Steinvardhimmel AS");
            given().port(b.port()).auth().oauth2(b.token(EDITOR_ORG, "skymarked:editor")).contentType("application/json")
                    .header("If-Match", before.header("ETag")).body(Json.text(renamed)).put("/v1/suppliers/" + supplier)
                    .then().statusCode(200);
            assertThat("a supplier renamed on B is found by its new name on A", ids(a, "steinvardhimmel").isEmpty(), is(false));
        } finally {
            a.stopKeepingDatabase();
            b.stop();
        }
    }

    private static void rename(TestServer server, String id, String name) {
        Response before = given().port(server.port()).get("/v1/services/" + id);
        ObjectNode changed = (ObjectNode) Json.tree(before.asString());
        ((ObjectNode) changed.path("name")).put("nb", name);
        given().port(server.port()).auth().oauth2(server.token(EDITOR_ORG, "skymarked:editor")).contentType("application/json")
                .header("If-Match", before.header("ETag")).body(Json.text(changed)).put("/v1/services/" + id).then().statusCode(200);
    }

    private static List<String> ids(TestServer server, String q) {
        return given().port(server.port()).queryParam("q", q).get("/v1/services").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }
}
