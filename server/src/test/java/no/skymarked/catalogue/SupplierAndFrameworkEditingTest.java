package no.skymarked.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import no.skymarked.SpecContract;
import no.skymarked.TestServerExtension;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Editors change suppliers and framework agreements with If-Match, the files' checks and every problem at once. */
class SupplierAndFrameworkEditingTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension();
    private static final String FRAMEWORK = "oslo-digitale-tjenester-2";
    private static String editor;

    @BeforeAll
    static void start() {
        editor = SERVER.server().token("983887457", "skymarked:editor");
    }

    /** An editor's change; a change of a framework gives the amendment's reason, as an amendment needs one. */
    private static Response send(String method, String path, String etag, JsonNode body) {
        var request = given().auth().oauth2(editor).contentType("application/json").body(Json.text(body));
        if (etag != null) {
            request.header("If-Match", etag);
        }
        if (method.equals("PUT") && path.startsWith("/v1/frameworks/")) {
            request.queryParam("amendmentReason", "Endret etter vedtak i avtaleforvaltningen");
        }
        return request.request(method, path);
    }

    @Test
    void anAmendmentOfAnActiveFrameworkNeedsAReasonAndIsRecordedWithIt() {
        String path = "/v1/frameworks/cloud-infrastruktur-2026";
        Response read = given().auth().oauth2(editor).get(path);
        ObjectNode framework = (ObjectNode) Json.tree(read.asString());
        ObjectNode rate = (ObjectNode) framework.path("lots").get(0).path("suppliers").get(0).path("rates").get(0);
        rate.set("hourlyRate", Json.MAPPER.createObjectNode().put("amount", "1999.00").put("currency", "NOK"));
        String supplier = framework.path("lots").get(0).path("suppliers").get(0).path("orgNo").asText();
        String lot = framework.path("lots").get(0).path("id").asText();
        Response refused = given().auth().oauth2(editor).contentType("application/json").header("If-Match", read.header("ETag"))
                .body(Json.text(framework)).put(path);
        refused.then().statusCode(422).contentType("application/problem+json").body("type", is("/problems/amendment-reason-required"))
                .body("errors[0].parameter", is("amendmentReason"))
                .body("detail", containsString("lot " + lot + ": rates of supplier " + supplier));
        conforms("updateFramework", refused);
        given().get(path).then().header("ETag", is(read.header("ETag")));

        send("PUT", path, read.header("ETag"), framework).then().statusCode(200);
        Response versions = given().get(path + "/versions");
        versions.then().statusCode(200).body("items[-1].amendment", is(true))
                .body("items[-1].reason", is("Endret etter vedtak i avtaleforvaltningen"))
                .body("items[-1].recordedBy", containsString("983887457"))
                .body("items[-1].amendedTerms", hasItem("lot " + lot + ": rates of supplier " + supplier))
                .body("items[0].amendment", is(false));
        conforms("listFrameworkVersions", versions);
    }

    @Test
    void anAgencyAddedAfterARestructuringIsAnAmendmentAndMayThenAccede() {
        // E49: the agency formed by a merger is added to the municipality's group only with a recorded reason
        String path = "/v1/frameworks/" + FRAMEWORK;
        String merged = "971037113";
        given().auth().oauth2(SERVER.server().token(merged, "skymarked:buyer")).post(path + "/accessions").then().statusCode(422)
                .body("type", is("/problems/agency-not-eligible"));
        Response read = given().auth().oauth2(editor).get(path);
        ObjectNode framework = (ObjectNode) Json.tree(read.asString());
        ((ArrayNode) framework.path("eligibleGroups").get(0).path("members")).add(merged);
        given().auth().oauth2(editor).contentType("application/json").header("If-Match", read.header("ETag"))
                .body(Json.text(framework)).put(path).then().statusCode(422).body("type", is("/problems/amendment-reason-required"))
                .body("detail", containsString("eligibleGroups"));
        send("PUT", path, read.header("ETag"), framework).then().statusCode(200);
        given().get(path + "/versions").then().body("items[-1].amendedTerms", hasItem("eligibleGroups"))
                .body("items[-1].reason", is("Endret etter vedtak i avtaleforvaltningen"));
        given().auth().oauth2(SERVER.server().token(merged, "skymarked:buyer")).post(path + "/accessions").then().statusCode(201);
    }

    @Test
    void aChangeThatAmendsNoTermNeedsNoReason() {
        String path = "/v1/frameworks/cloud-infrastruktur-2026";
        Response read = given().auth().oauth2(editor).get(path);
        ObjectNode framework = (ObjectNode) Json.tree(read.asString());
        ((ObjectNode) framework.path("description")).put("en", "Cloud infrastructure, described anew");
        given().auth().oauth2(editor).contentType("application/json").header("If-Match", read.header("ETag"))
                .body(Json.text(framework)).put(path).then().statusCode(200);
        given().get(path + "/versions").then().body("items[-1].amendment", is(false)).body("items[-1].amendedTerms", is(List.of()));
    }

    @Test
    void anActiveFrameworkNamingNobodyIsRefused() {
        String path = "/v1/frameworks/" + FRAMEWORK;
        Response read = given().auth().oauth2(editor).get(path);
        ObjectNode framework = (ObjectNode) Json.tree(read.asString());
        framework.remove("eligibleGroups");
        framework.remove("lateAccession");
        framework.remove("eligibleAgencies");
        send("PUT", path, read.header("ETag"), framework).then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/eligibleAgencies"))
                .body("errors.detail", hasItem(containsString("must name the agencies that may use it")));
    }

    private static ObjectNode readAsEditor(String path) {
        return (ObjectNode) Json.tree(given().auth().oauth2(editor).get(path).then().statusCode(200).extract().asString());
    }

    private static void conforms(String operationId, Response response) {
        assertThat(operationId + " " + response.statusCode(), SpecContract.problems(operationId, response.statusCode(), response.asString()),
                is(empty()));
    }

    @Test
    void aRenamedSupplierIsFoundByItsNewNameAtOnce() {
        String path = "/v1/suppliers/921100000";
        assertThat(given().queryParam("q", "havørn").get("/v1/services").jsonPath().getList("items"), is(empty()));
        Response read = given().get(path);
        ObjectNode fjordsky = (ObjectNode) Json.tree(read.asString());
        fjordsky.put("name", "Havørn Sky AS");
        send("PUT", path, null, fjordsky).then().statusCode(428).contentType("application/problem+json");
        send("PUT", path, "\"v7\"", fjordsky).then().statusCode(412).contentType("application/problem+json");
        Response changed = send("PUT", path, read.header("ETag"), fjordsky);
        changed.then().statusCode(200).header("ETag", is("\"v2\"")).body("name", is("Havørn Sky AS"));
        conforms("updateSupplier", changed);
        List<String> found = given().queryParam("q", "havørn").get("/v1/services").jsonPath().getList("items.supplierOrgNo");
        assertThat(found, hasItem("921100000"));
        assertThat(found, everyItem(is("921100000")));
    }

    @Test
    void aBadSupplierIsRefusedWithEveryProblem() {
        ObjectNode bad = (ObjectNode) Json.tree(given().get("/v1/suppliers/921100000").asString());
        String etag = given().get("/v1/suppliers/921100000").header("ETag");
        bad.put("contactEmail", "not an email").put("colour", "blue");
        ((ObjectNode) bad.path("address")).put("postalCode", "50130");
        Response refused = send("PUT", "/v1/suppliers/921100000", etag, bad);
        refused.then().statusCode(422).contentType("application/problem+json").body("type", is("/problems/invalid-supplier"))
                .body("errors.pointer", hasItems("/contactEmail", "/colour", "/address/postalCode"));
        conforms("updateSupplier", refused);
        ObjectNode other = (ObjectNode) Json.tree(given().get("/v1/suppliers/921100000").asString());
        other.put("orgNo", "921100001");
        send("PUT", "/v1/suppliers/921100000", given().get("/v1/suppliers/921100000").header("ETag"), other)
                .then().statusCode(422).body("errors.pointer", hasItem("/orgNo"));
        given().get("/v1/suppliers/921100000").then().body("contactEmail", is("salg@fjordsky.example.no"));
    }

    @Test
    void aNewSupplierAndItsServiceGoIntoTheExportAndTheRoundTripStillHolds() {
        ObjectNode supplier = (ObjectNode) Json.tree(given().get("/v1/suppliers/921100000").asString());
        supplier.put("orgNo", "123456789").put("name", "Skyfri AS");
        send("POST", "/v1/suppliers", null, supplier).then().statusCode(422).body("errors.pointer", hasItem("/orgNo"))
                .body("errors.detail", hasItem(containsString("mod-11")));
        supplier.put("orgNo", "974760673");
        Response created = send("POST", "/v1/suppliers", null, supplier);
        created.then().statusCode(201).header("ETag", is("\"v1\"")).header("Location", is("/v1/suppliers/974760673"));
        conforms("createSupplier", created);
        send("POST", "/v1/suppliers", null, supplier).then().statusCode(422).body("errors.pointer", hasItem("/orgNo"));

        ObjectNode service = (ObjectNode) Json.tree(given().get("/v1/services/fjordsky-objektlagring").asString());
        service.put("id", "skyfri-lagring").put("supplierOrgNo", "974760673");
        service.remove("frameworks");
        send("POST", "/v1/services", null, service).then().statusCode(201);

        ObjectNode export = readAsEditor("/v1/catalogue/export");
        assertThat(export.path("files").has("suppliers/974760673.json"), is(true));
        assertThat(export.path("files").has("services/974760673/skyfri-lagring.json"), is(true));
        given().auth().oauth2(editor).contentType("application/json").body(Json.text(export)).post("/v1/catalogue/imports?dryRun=true")
                .then().statusCode(200).body("changed", is(java.util.Map.of())).body("created", is(java.util.Map.of()));
    }

    @Test
    void editorsReadRatesAndChangeRanksWithIfMatch() {
        String path = "/v1/frameworks/" + FRAMEWORK;
        assertThat(given().get(path).jsonPath().getList("lots[0].suppliers.rates"), everyItem(nullValue()));
        Response read = given().auth().oauth2(editor).get(path);
        ObjectNode framework = (ObjectNode) Json.tree(read.asString());
        ArrayNode members = (ArrayNode) framework.path("lots").get(0).path("suppliers");
        assertThat(members.get(0).path("rates").isEmpty(), is(false));
        String first = members.get(0).path("orgNo").asText();
        String second = members.get(1).path("orgNo").asText();
        ((ObjectNode) members.get(0)).put("rank", 2);
        ((ObjectNode) members.get(1)).put("rank", 1);
        send("PUT", path, null, framework).then().statusCode(428);
        Response changed = send("PUT", path, read.header("ETag"), framework);
        int version = Integer.parseInt(read.header("ETag").replaceAll("[^0-9]", ""));
        changed.then().statusCode(200).header("ETag", is("\"v" + (version + 1) + "\""));
        conforms("updateFramework", changed);
        given().get(path).then().body("lots[0].suppliers.find { it.rank == 1 }.orgNo", is(second))
                .body("lots[0].suppliers.find { it.rank == 2 }.orgNo", is(first));
        send("PUT", path, read.header("ETag"), framework).then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void aBrokenFrameworkIsRefusedWithEveryProblemAndNothingChanges() {
        String path = "/v1/frameworks/cloud-infrastruktur-2026";
        Response read = given().auth().oauth2(editor).get(path);
        ObjectNode framework = (ObjectNode) Json.tree(read.asString());
        ArrayNode members = (ArrayNode) framework.path("lots").get(0).path("suppliers");
        ((ObjectNode) members.get(1)).put("rank", members.get(0).path("rank").asInt());
        ((ObjectNode) members.get(0)).put("orgNo", "991825827");
        ((ObjectNode) members.get(0).path("rates").get(0)).put("roleId", "ASTRONAUT");
        framework.put("thresholdHours", "0");
        Response refused = send("PUT", path, read.header("ETag"), framework);
        refused.then().statusCode(422).contentType("application/problem+json").body("type", is("/problems/invalid-framework"))
                .body("errors.pointer", hasItems("/lots/0/suppliers/1/rank", "/lots/0/suppliers/0/orgNo",
                        "/lots/0/suppliers/0/rates/0/roleId", "/thresholdHours"));
        conforms("updateFramework", refused);
        given().get(path).then().header("ETag", is(read.header("ETag")));
    }

    @Test
    void aLotThatServicesReferToCannotBeRemoved() {
        String path = "/v1/frameworks/cloud-infrastruktur-2026";
        JsonNode service = Json.tree(given().queryParam("framework", "cloud-infrastruktur-2026").queryParam("limit", 1)
                .get("/v1/services").asString()).path("items").get(0);
        String lotId = service.path("frameworks").get(0).path("lotId").asText();
        Response read = given().auth().oauth2(editor).get(path);
        ObjectNode framework = (ObjectNode) Json.tree(read.asString());
        ArrayNode lots = (ArrayNode) framework.path("lots");
        for (int i = 0; i < lots.size(); i++) {
            if (lots.get(i).path("id").asText().equals(lotId)) {
                lots.remove(i);
                break;
            }
        }
        send("PUT", path, read.header("ETag"), framework).then().statusCode(422)
                .body("errors.pointer", hasItem("/lots"))
                .body("errors.detail", hasItem(containsString("service '" + service.path("id").asText() + "'")));
    }

    @Test
    void twoEditorsChangeAFrameworkAtOnceAndOneGets412() throws Exception {
        String path = "/v1/frameworks/" + FRAMEWORK;
        Response read = given().auth().oauth2(editor).get(path);
        ObjectNode a = (ObjectNode) Json.tree(read.asString());
        a.put("thresholdHours", "240");
        ObjectNode b = (ObjectNode) Json.tree(read.asString());
        b.put("thresholdHours", "260");
        var pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> both = List.of(() -> send("PUT", path, read.header("ETag"), a).statusCode(),
                () -> send("PUT", path, read.header("ETag"), b).statusCode());
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var f : pool.invokeAll(both)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses.stream().sorted().toList(), is(List.of(200, 412)));
        String winner = statuses.get(0) == 200 ? "240" : "260";
        assertThat(given().get(path).jsonPath().getString("thresholdHours"), is(winner));
    }

    @Test
    void aNewFrameworkIsCheckedLikeTheFiles() {
        ObjectNode framework = readAsEditor("/v1/frameworks/" + FRAMEWORK);
        framework.put("id", "oslo-digitale-tjenester-3");
        ((ObjectNode) framework.path("maxValue")).put("amount", "-1");
        Response refused = send("POST", "/v1/frameworks", null, framework);
        refused.then().statusCode(422).body("errors.pointer", hasItem("/maxValue/amount"));
        conforms("createFramework", refused);
        ((ObjectNode) framework.path("maxValue")).set("amount", readAsEditor("/v1/frameworks/" + FRAMEWORK).path("maxValue").path("amount"));
        Response created = send("POST", "/v1/frameworks", null, framework);
        created.then().statusCode(201).header("ETag", is("\"v1\""));
        conforms("createFramework", created);
        send("POST", "/v1/frameworks", null, framework).then().statusCode(422).body("errors.pointer", hasItem("/id"));
        assertThat(given().get("/v1/frameworks?limit=100").jsonPath().getList("items.id"), hasItem("oslo-digitale-tjenester-3"));
        assertThat(given().get("/v1/frameworks?limit=100").jsonPath().getList("items.id"), not(hasItem("x")));
    }
}
