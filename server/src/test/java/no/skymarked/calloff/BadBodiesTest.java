package no.skymarked.calloff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad request bodies get a 4xx problem+json on every writing endpoint, never a 500. */
class BadBodiesTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension();
    private static String buyer;
    private static String supplier;

    @BeforeAll
    static void start() {
        buyer = SERVER.server().token("991825827", "skymarked:buyer");
        supplier = SERVER.server().token("991825827", "skymarked:supplier");
        given().auth().oauth2(buyer).post("/v1/frameworks/oslo-digitale-tjenester-2/accessions").then().statusCode(201);
    }

    /** Bodies no endpoint accepts: wrong types, malformed or duplicate JSON, deep nesting, huge strings, bad UTF-8. */
    static Stream<Object> garbage() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String huge = "{\"title\": \"" + "x".repeat(2_000_000) + "\"}";
        byte[] badUtf8 = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        return Stream.of("", "null", "[]", "42", "\"text\"", "{", "{\"frameworkId\": 5}", "{\"frameworkId\": null}",
                "{\"estimatedHours\": \"200\"}", "{\"estimatedHours\": [{\"roleId\": [], \"hours\": {}}]}",
                "{\"estimatedHours\": [{\"roleId\": \"DEVELOPER\", \"hours\": \"1e400\"}]}",
                "{\"exception\": \"yes\"}", "{\"exception\": {\"unforeseeable\": \"true\"}}", "{\"requestedRoute\": \"FASTEST\"}",
                "{\"colour\": \"blue\"}", "{\"frameworkId\": \"a\", \"frameworkId\": \"b\"}", deep, huge, badUtf8,
                "{\"decision\": \"MAYBE\"}", "{\"decision\": \"DECLINE\"}", "{\"agencyOrgNo\": 991825827}");
    }

    static Stream<Arguments> bodies() {
        Stream<Object> raw = garbage();
        // An accession's body is optional: empty and null bodies are valid there and left out.
        return raw.flatMap(b -> Stream.of(
                Arguments.of("/v1/call-offs", buyer(), b),
                Arguments.of("/v1/frameworks/oslo-digitale-tjenester-2/accessions", buyer(), b),
                Arguments.of("/v1/call-offs/x/offers/y/response", "supplier", b)))
                .filter(a -> !(((String) a.get()[0]).endsWith("/accessions") && ("".equals(a.get()[2]) || "null".equals(a.get()[2]))));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/v1/services/%ZZ", "/v1/services?limit=%ZZ", "/v1/services?q=%00",
            "/v1/suppliers/%E2%82", "/v1/services?category=SAAS%2CSAAS%2C%2C%2CIAAS", "/v1/call-offs/..%2F..%2Fetc", "/v1/services?cursor=%%%"})
    void oddUrlsAreProblemsNeverA500(String url) throws Exception {
        // Sent over a raw socket: HTTP clients refuse to send malformed escapes at all.
        try (var socket = new java.net.Socket("127.0.0.1", SERVER.server().port())) {
            socket.getOutputStream().write(("GET " + url + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            assertThat(url + " -> " + statusLine, status, allOf(greaterThanOrEqualTo(200), lessThan(500)));
        }
    }

    private static String buyer() {
        return "buyer";
    }

    @ParameterizedTest(name = "{0} {index}")
    @MethodSource("bodies")
    void answersAProblemNeverA500(String path, String who, Object body) {
        var request = given().auth().oauth2("buyer".equals(who) ? buyer : supplier).contentType("application/json; charset=UTF-8");
        Response response = body instanceof byte[] bytes ? request.body(bytes).post(path)
                : request.body(((String) body).getBytes(StandardCharsets.UTF_8)).post(path);
        assertThat(path + " -> " + response.asString().substring(0, Math.min(300, response.asString().length())),
                response.statusCode(), allOf(greaterThanOrEqualTo(400), lessThan(500)));
        assertThat(response.contentType(), is("application/problem+json"));
    }
}
