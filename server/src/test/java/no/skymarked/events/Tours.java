package no.skymarked.events;

import static io.restassured.RestAssured.given;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.skymarked.TestServer;

/** The README's direct-award tour (rank 1 declines, rank 2 accepts) and reading the feed, for the feed's tests. */
final class Tours {
    static final String FRAMEWORK = "oslo-digitale-tjenester-2";
    static final String BUYER = "991825827";

    private Tours() {
    }

    static RequestSpecification as(TestServer server, String token) {
        RequestSpecification r = given().port(server.port());
        return token == null ? r : r.auth().oauth2(token);
    }

    static String ranked(TestServer server, int rank) {
        return as(server, null).get("/v1/frameworks/" + FRAMEWORK).jsonPath()
                .getString("lots.find { it.id == 'programmering' }.suppliers.find { it.rank == " + rank + " }.orgNo");
    }

    /** Accedes (once) and calls off directly; the call-off's id. */
    static String callOff(TestServer server, String buyerToken, String title) {
        as(server, buyerToken).post("/v1/frameworks/" + FRAMEWORK + "/accessions").then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(200)));
        return as(server, buyerToken).contentType("application/json").body("{\"frameworkId\": \"" + FRAMEWORK + "\", \"lotId\": \"programmering\","
                        + " \"title\": \"" + title + "\", \"needDescription\": \"Skjema " + title + "\","
                        + " \"projectReference\": \"" + title + "\", \"estimatedHours\": [{\"roleId\": \"DEVELOPER\", \"hours\": \"20\"}]}")
                .post("/v1/call-offs").then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** The direct-award tour: a call-off, rank 1 declines, rank 2 accepts; the call-off's id. */
    static String directAward(TestServer server, String title) {
        String buyer = server.token(BUYER, "skymarked:buyer");
        String id = callOff(server, buyer, title);
        answer(server, ranked(server, 1), id, "{\"decision\": \"DECLINE\", \"reason\": \"NO_CAPACITY\"}");
        answer(server, ranked(server, 2), id, "{\"decision\": \"ACCEPT\"}");
        return id;
    }

    static void answer(TestServer server, String supplierOrgNo, String callOffId, String decision) {
        String supplier = server.token(supplierOrgNo, "skymarked:supplier");
        String offer = as(server, supplier).get("/v1/call-offs/" + callOffId + "/offers").jsonPath()
                .getString("items.find { it.status == 'PENDING' }.id");
        as(server, supplier).contentType("application/json").body(decision)
                .post("/v1/call-offs/" + callOffId + "/offers/" + offer + "/response").then().statusCode(200);
    }

    /** Every event after {@code after} the caller sees, following nextCursor with pages of {@code limit}. */
    static List<CloudEvent> follow(TestServer server, String token, String after, int limit) {
        List<CloudEvent> out = new ArrayList<>();
        String cursor = after;
        while (true) {
            var page = no.skymarked.shared.Json.tree(as(server, token).queryParam("after", cursor).queryParam("limit", limit)
                    .get("/v1/events").then().statusCode(200).extract().asString());
            page.path("items").forEach(item -> out.add(parse(no.skymarked.shared.Json.text(item))));
            if (page.path("items").isEmpty()) {
                return out;
            }
            cursor = page.path("nextCursor").asText();
        }
    }

    /** A CloudEvent parsed by the CloudEvents SDK's JSON format (which refuses an envelope breaking the spec). */
    static CloudEvent parse(String json) {
        return EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).deserialize(json.getBytes(StandardCharsets.UTF_8));
    }
}
