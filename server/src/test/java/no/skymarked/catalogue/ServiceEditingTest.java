package no.skymarked.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServiceEditingTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension();
    private static String editor;

    @BeforeAll
    static void start() {
        editor = SERVER.server().token("983887457", "skymarked:editor");
    }

    private static ObjectNode read(String id) {
        return (ObjectNode) Json.tree(given().get("/v1/services/" + id).asString());
    }

    private static Response put(String id, String etag, ObjectNode body) {
        var request = given().auth().oauth2(editor).contentType("application/json").body(Json.text(body));
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.put("/v1/services/" + id);
    }

    @Test
    void priceChangeShowsInSearchAndTheOldPriceStaysInVersions() {
        String id = "fjordsky-objektlagring";
        Response before = given().get("/v1/services/" + id);
        String oldPrice = before.jsonPath().getString("prices[0].price.amount");
        ObjectNode changed = read(id);
        ((ObjectNode) changed.path("prices").get(0).path("price")).put("amount", "0.19");
        put(id, before.header("ETag"), changed).then().statusCode(200).header("ETag", is("\"v2\""))
                .body("prices[0].price.amount", is("0.19"));
        assertThat(given().queryParam("q", "objektlagring").get("/v1/services").jsonPath().getList("items.prices[0].price.amount"),
                hasItem("0.19"));
        given().get("/v1/services/" + id + "/versions").then().statusCode(200)
                .body("items.version", is(List.of(2, 1)))
                .body("items[1].service.prices[0].price.amount", is(oldPrice))
                .body("items[0].changedBy", containsString("983887457"));
    }

    @Test
    void staleOrMissingIfMatchChangesNothing() {
        String id = "granitt-blokklagring";
        ObjectNode body = read(id);
        body.put("keywords", Json.MAPPER.createArrayNode().add("ssd"));
        put(id, null, body).then().statusCode(428).contentType("application/problem+json");
        put(id, "\"v9\"", body).then().statusCode(412).contentType("application/problem+json");
        given().get("/v1/services/" + id).then().header("ETag", is("\"v1\"")).body("keywords", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void twoEditorsRaceAndTheLoserGets412WithNothingLost() throws Exception {
        String id = "nordlys-appplattform";
        String etag = given().get("/v1/services/" + id).header("ETag");
        ObjectNode a = read(id);
        a.put("keywords", Json.MAPPER.createArrayNode().add("editor-a"));
        ObjectNode b = read(id);
        b.put("keywords", Json.MAPPER.createArrayNode().add("editor-b"));
        var pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> both = List.of(() -> put(id, etag, a).statusCode(), () -> put(id, etag, b).statusCode());
        List<Integer> statuses = pool.invokeAll(both).stream().map(f -> {
            try {
                return f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        pool.shutdown();
        assertThat(statuses.stream().sorted().toList(), is(List.of(200, 412)));
        String winner = statuses.get(0) == 200 ? "editor-a" : "editor-b";
        given().get("/v1/services/" + id).then().header("ETag", is("\"v2\"")).body("keywords", is(List.of(winner)));
        assertThat(given().get("/v1/services/" + id + "/versions").jsonPath().getList("items").size(), is(2));
    }

    @Test
    void everyProblemIsListedWithItsPointer() {
        ObjectNode bad = read("samspill-epost");
        bad.put("category", "MAINFRAME");
        ((ObjectNode) bad.path("prices").get(0).path("price")).put("amount", "-3");
        bad.put("colour", "blue");
        String etag = given().get("/v1/services/samspill-epost").header("ETag");
        put("samspill-epost", etag, bad).then().statusCode(422).contentType("application/problem+json")
                .body("type", is("/problems/invalid-service"))
                .body("errors.pointer", hasItems("/category", "/prices/0/price/amount", "/colour"));
        ObjectNode unknownSupplier = read("samspill-epost");
        unknownSupplier.put("supplierOrgNo", "991825827");
        put("samspill-epost", etag, unknownSupplier).then().statusCode(422).body("errors.pointer", hasItem("/supplierOrgNo"));
        ObjectNode notInLot = read("samspill-epost");
        notInLot.set("frameworks", Json.tree("[{\"frameworkId\": \"oslo-digitale-tjenester-2\", \"lotId\": \"programmering\"}]"));
        put("samspill-epost", etag, notInLot).then().statusCode(422).body("errors.pointer", hasItem("/frameworks/0/lotId"));
    }

    @Test
    void createWithdrawAndDuplicate() {
        ObjectNode fresh = read("vaktbikkja-identitet");
        fresh.put("id", "vaktbikkja-passordhvelv");
        ((ObjectNode) fresh.path("name")).put("nb", "Passordhvelv").put("en", "Password vault");
        given().auth().oauth2(editor).contentType("application/json").body(Json.text(fresh)).post("/v1/services")
                .then().statusCode(201).header("ETag", is("\"v1\""));
        given().auth().oauth2(editor).contentType("application/json").body(Json.text(fresh)).post("/v1/services")
                .then().statusCode(422).body("errors.pointer", hasItem("/id"));
        assertThat(given().queryParam("q", "passordhvelv").get("/v1/services").jsonPath().getList("items.id"), hasItem("vaktbikkja-passordhvelv"));
        given().auth().oauth2(editor).delete("/v1/services/vaktbikkja-passordhvelv").then().statusCode(428);
        given().auth().oauth2(editor).header("If-Match", "\"v1\"").delete("/v1/services/vaktbikkja-passordhvelv").then().statusCode(200)
                .body("status", is("WITHDRAWN")).header("ETag", is("\"v2\""));
        assertThat(given().queryParam("q", "passordhvelv").get("/v1/services").jsonPath().getList("items.id"),
                not(hasItem("vaktbikkja-passordhvelv")));
        given().get("/v1/services/vaktbikkja-passordhvelv").then().statusCode(200).body("status", is("WITHDRAWN"));
        assertThat(given().queryParam("q", "passordhvelv").queryParam("status", "WITHDRAWN").get("/v1/services").jsonPath()
                .getList("items.id"), is(List.of("vaktbikkja-passordhvelv")));
        assertThat(given().queryParam("status", "ACTIVE,WITHDRAWN").queryParam("supplier", "921700008").queryParam("limit", 100)
                .get("/v1/services").jsonPath().getList("items.id"), hasItem("vaktbikkja-passordhvelv"));
        given().queryParam("status", "GONE").get("/v1/services").then().statusCode(400).body("errors[0].parameter", is("status"));
        given().auth().oauth2(SERVER.server().token("983887457", "skymarked:buyer")).delete("/v1/services/samspill-epost").then().statusCode(403);
    }
}
