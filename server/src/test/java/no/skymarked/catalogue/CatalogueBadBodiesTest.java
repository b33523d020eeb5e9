package no.skymarked.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import no.skymarked.SpecContract;
import no.skymarked.TestServerExtension;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad bodies on every catalogue editing endpoint (wrong types, huge strings, unknown fields, invalid UTF-8, deep
 * nesting, a 10 MB body, …) answer a 4xx problem+json as the spec documents it, never a 500, and change nothing.
 */
class CatalogueBadBodiesTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension();
    private static String editor;
    private static JsonNode exportBefore;

    /** Operation, method, path: the editing endpoints, each PUT with the current ETag so the body is what is judged. */
    private static final String[][] ENDPOINTS = {
            {"createService", "POST", "/v1/services"},
            {"updateService", "PUT", "/v1/services/fjordsky-objektlagring"},
            {"createSupplier", "POST", "/v1/suppliers"},
            {"updateSupplier", "PUT", "/v1/suppliers/921100000"},
            {"createFramework", "POST", "/v1/frameworks"},
            {"updateFramework", "PUT", "/v1/frameworks/cloud-infrastruktur-2026"},
            {"importCatalogue", "POST", "/v1/catalogue/imports?dryRun=false"},
            {"importCatalogue", "POST", "/v1/catalogue/imports?dryRun=true"}};

    @BeforeAll
    static void start() {
        editor = SERVER.server().token("983887457", "skymarked:editor");
        exportBefore = export();
    }

    private static JsonNode export() {
        return Json.tree(given().auth().oauth2(editor).get("/v1/catalogue/export").then().statusCode(200).extract().asString());
    }

    static Stream<Arguments> bodies() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        // Between the limits of the parsers involved (400 for bodies, 500 and 1000 in libraries) and beyond them.
        List<String> deepInField = new ArrayList<>();
        for (int depth : new int[] {398, 450, 900}) {
            deepInField.add("{\"name\": " + "{\"nb\": ".repeat(depth) + "\"x\"" + "}".repeat(depth) + ", \"files\": {\"suppliers/x.json\": "
                    + "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth) + "}}");
        }
        String huge = "{\"id\": \"" + "x".repeat(2_000_000) + "\", \"files\": {\"suppliers/x.json\": {\"name\": \"x\"}}}";
        String hugeWithinLimit = "{\"name\": {\"nb\": \"" + "x".repeat(900_000) + "\"}, \"files\": {\"suppliers/x.json\": {\"name\": \""
                + "y".repeat(900_000) + "\"}}}";
        String tenMegabytes = "{\"files\": {\"suppliers/x.json\": {\"name\": \"" + "z".repeat(10 * 1024 * 1024) + "\"}}}";
        byte[] badUtf8 = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        byte[] badUtf8InFile = ("{\"files\": {\"suppliers/x.json\": {\"name\": \"\u00c3(\"}}}").getBytes(StandardCharsets.ISO_8859_1);
        byte[] garbage = new byte[10 * 1024 * 1024];
        new java.util.Random(6).nextBytes(garbage);
        List<Object> raw = List.of("", "null", "[]", "42", "\"text\"", "{", "{\"id\": \"a\", \"id\": \"b\"}",
                "{\"id\": 5, \"prices\": \"cheap\", \"orgNo\": [], \"lots\": {}}", "{\"files\": []}", "{\"files\": {\"suppliers/x.json\": 5}}",
                "{\"files\": {\"services/../../etc/passwd.json\": {}}}", "{\"files\": {\"x.json\": null}}",
                "{\"colour\": \"blue\"}", "{\"files\": {}, \"colour\": \"blue\"}",
                deep, deepInField.get(0), deepInField.get(1), deepInField.get(2), huge, hugeWithinLimit, tenMegabytes, badUtf8, badUtf8InFile, garbage);
        List<Arguments> out = new ArrayList<>();
        for (String[] endpoint : ENDPOINTS) {
            for (int i = 0; i < raw.size(); i++) {
                out.add(Arguments.of(endpoint[0], endpoint[1], endpoint[2], i, raw.get(i)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} {2} body {3}")
    @MethodSource("bodies")
    void answersADocumentedProblemNeverA500(String operationId, String method, String path, int index, Object body) {
        byte[] bytes = body instanceof byte[] b ? b : ((String) body).getBytes(StandardCharsets.UTF_8);
        Response response = send(method, path, bytes);
        String text = response.asString();
        assertThat(path + " -> " + text.substring(0, Math.min(300, text.length())), response.statusCode(),
                allOf(greaterThanOrEqualTo(400), lessThan(500)));
        assertThat(response.contentType(), is("application/problem+json"));
        assertThat(SpecContract.problems(operationId, response.statusCode(), text), is(empty()));
    }

    /** Each field of a real document set to a value of the wrong type is refused, naming that field. */
    @Test
    void wrongTypesNameTheField() {
        String[][] documents = {{"PUT", "/v1/services/fjordsky-objektlagring"}, {"PUT", "/v1/suppliers/921100000"},
                {"PUT", "/v1/frameworks/cloud-infrastruktur-2026"}};
        for (String[] doc : documents) {
            ObjectNode original = (ObjectNode) Json.tree(given().auth().oauth2(editor).get(doc[1]).asString());
            for (Iterator<String> names = original.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                ObjectNode wrong = original.deepCopy();
                JsonNode value = original.path(field);
                if (value.isTextual()) {
                    wrong.put(field, 12345);
                } else if (value.isArray() || value.isObject()) {
                    wrong.put(field, "text");
                } else {
                    wrong.set(field, Json.MAPPER.createArrayNode());
                }
                Response response = send(doc[0], doc[1], Json.text(wrong).getBytes(StandardCharsets.UTF_8));
                assertThat(doc[1] + " " + field + ": " + response.asString(), response.statusCode(), is(422));
                assertThat(doc[1] + " " + field, response.jsonPath().getList("errors.pointer"), hasItem("/" + field));
            }
        }
    }

    private static Response send(String method, String path, byte[] body) {
        var request = given().auth().oauth2(editor).contentType("application/json; charset=UTF-8").body(body);
        if (method.equals("PUT")) {
            request.header("If-Match", given().auth().oauth2(editor).get(path).header("ETag"));
        }
        return request.request(method, path);
    }

    @AfterAll
    static void nothingChanged() {
        assertThat("the catalogue is as before", export(), is(exportBefore));
        given().get("/v1/services/fjordsky-objektlagring").then().header("ETag", is("\"v1\""));
        given().get("/v1/suppliers/921100000").then().header("ETag", is("\"v1\""));
        given().get("/v1/frameworks/cloud-infrastruktur-2026").then().header("ETag", is("\"v1\""));
    }
}
