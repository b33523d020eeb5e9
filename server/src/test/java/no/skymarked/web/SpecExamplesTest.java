package no.skymarked.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import no.skymarked.TestServerExtension;
import no.skymarked.shared.Json;
import no.skymarked.shared.RequestSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The examples Swagger UI fills in succeed for the README's demo agency (991825827, the development token Swagger UI
 * fetches by default): every request example meets its operation's schema, the accession and call-off examples
 * create them in that order, and the path parameters' examples name things of the demo catalogue.
 */
class SpecExamplesTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension();

    private static JsonNode example(String path, String method) {
        return RequestSchemas.spec().path("paths").path(path).path(method).path("requestBody").path("content")
                .path("application/json").path("example");
    }

    @Test
    void theAccessionAndCallOffExamplesCreateThemForTheDemoAgency() {
        JsonNode accession = example("/v1/frameworks/{frameworkId}/accessions", "post");
        JsonNode callOff = example("/v1/call-offs", "post");
        assertThat(accession.isMissingNode(), is(false));
        assertThat(callOff.isMissingNode(), is(false));
        String frameworkId = RequestSchemas.spec().path("paths").path("/v1/frameworks/{frameworkId}/accessions").path("post")
                .path("parameters").get(0).path("example").asText();
        String buyer = SERVER.server().token("991825827", "skymarked:buyer");
        given().auth().oauth2(buyer).contentType("application/json").body(Json.text(callOff)).post("/v1/call-offs").then()
                .statusCode(422).body("type", is("/problems/agency-not-acceded"));
        given().auth().oauth2(buyer).contentType("application/json").body(Json.text(accession))
                .post("/v1/frameworks/" + frameworkId + "/accessions").then().statusCode(201);
        given().auth().oauth2(buyer).contentType("application/json").body(Json.text(callOff)).post("/v1/call-offs").then().statusCode(201)
                .body("route", is("DIRECT_AWARD")).body("status", is("OFFERED"));
    }

    @Test
    void theDevelopmentTokenExampleMakesATokenOfTheDemoAgency() {
        String token = given().contentType("application/json").body(Json.text(example("/dev/tokens", "post"))).post("/dev/tokens")
                .then().statusCode(201).extract().path("token");
        given().auth().oauth2(token).get("/v1/me").then().statusCode(200).body("orgNo", is("991825827"));
    }

    @Test
    void everyRequestExampleMeetsItsOperationsSchema() {
        List<String> broken = new ArrayList<>();
        int examples = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = RequestSchemas.spec().path("paths").fields(); paths.hasNext(); ) {
            for (Iterator<Map.Entry<String, JsonNode>> ops = paths.next().getValue().fields(); ops.hasNext(); ) {
                JsonNode op = ops.next().getValue();
                JsonNode example = op.path("requestBody").path("content").path("application/json").path("example");
                if (!op.has("operationId") || example.isMissingNode()) {
                    continue;
                }
                examples++;
                var problems = RequestSchemas.problems(op.path("operationId").asText(), example);
                if (!problems.isEmpty()) {
                    broken.add(op.path("operationId").asText() + ": " + problems);
                }
            }
        }
        assertThat(examples, greaterThan(3));
        assertThat(broken, is(empty()));
    }

    @Test
    void pathParameterExamplesNameThingsOfTheDemoCatalogue() {
        String buyer = SERVER.server().token("991825827", "skymarked:buyer");
        List<String> missing = new ArrayList<>();
        int examples = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = RequestSchemas.spec().path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode() || !get.has("parameters")) {
                continue;
            }
            String url = path.getKey();
            boolean complete = true;
            for (JsonNode p : get.path("parameters")) {
                if ("path".equals(p.path("in").asText())) {
                    if (p.has("example")) {
                        url = url.replace("{" + p.path("name").asText() + "}", p.path("example").asText());
                    } else {
                        complete = false;
                    }
                }
            }
            if (!complete || url.equals(path.getKey())) {
                continue;
            }
            examples++;
            int status = given().auth().oauth2(buyer).get(url).statusCode();
            if (status != 200) {
                missing.add("GET " + url + ": " + status);
            }
        }
        assertThat(examples, greaterThan(4));
        assertThat(missing, is(empty()));
    }
}
