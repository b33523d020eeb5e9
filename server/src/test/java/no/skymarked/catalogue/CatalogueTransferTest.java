package no.skymarked.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogueTransferTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension();
    private static String editor;

    @BeforeAll
    static void start() {
        editor = SERVER.server().token("983887457", "skymarked:editor");
    }

    private static ObjectNode export() {
        return (ObjectNode) Json.tree(given().auth().oauth2(editor).get("/v1/catalogue/export").then().statusCode(200).extract().asString());
    }

    private static io.restassured.response.Response importBundle(JsonNode bundle, boolean dryRun) {
        return given().auth().oauth2(editor).contentType("application/json").body(Json.text(bundle))
                .post("/v1/catalogue/imports?dryRun=" + dryRun);
    }

    @Test
    void exportWritesTheEditorsFilesBackByteForByte() throws Exception {
        Map<String, String> files = new CatalogueTransfer(SERVER.server().running().context().db(), Clock.systemUTC()).export();
        for (String path : new String[] {"suppliers/fjordsky.json", "services/fjordsky/fjordsky-objektlagring.json",
                "frameworks/oslo-digitale-tjenester-2.json"}) {
            assertThat(path, files.get(path), is(Files.readString(Path.of("../catalog-data").resolve(path))));
        }
        try (var repoFiles = Files.walk(Path.of("../catalog-data/services"))) {
            assertThat(files.keySet().stream().filter(p -> p.startsWith("services/")).count(),
                    is(repoFiles.filter(p -> p.toString().endsWith(".json")).count()));
        }
    }

    @Test
    void exportThenImportIsAnIdentity() {
        ObjectNode first = export();
        importBundle(first, true).then().statusCode(200).body("created", is(Map.of())).body("changed", is(Map.of()))
                .body("withdrawn", empty()).body("unchanged", is(first.path("files").size()));
        importBundle(first, false).then().statusCode(200);
        assertThat(export(), is(first));
    }

    @Test
    void unknownFieldsBesideTheFilesAreRefused() {
        ObjectNode bundle = export();
        bundle.put("dryRun", false);
        importBundle(bundle, true).then().statusCode(422).contentType("application/problem+json").body("errors.pointer", hasItem("/dryRun"));
    }

    @Test
    void oneBrokenFileAmongManyChangesNothing() {
        ObjectNode bundle = export();
        ObjectNode files = (ObjectNode) bundle.path("files");
        String pricePath = "services/granitt-cloud/granitt-dedikerte-servere.json";
        ((ObjectNode) files.path(pricePath).path("prices").get(0).path("price")).put("amount", "3999.00");
        String broken = "services/samspill/samspill-videomote.json";
        ((ObjectNode) files.path(broken).path("sla")).put("availabilityPercent", 99.9);
        importBundle(bundle, false).then().statusCode(422).contentType("application/problem+json")
                .body("type", is("/problems/invalid-catalogue"))
                .body("errors.pointer", hasItem("/files/services~1samspill~1samspill-videomote.json/sla/availabilityPercent"));
        given().get("/v1/services/granitt-dedikerte-servere").then().body("prices[0].price.amount", is("4200.00"));
    }

    @Test
    void dryRunReportsChangesAndWithdrawalsAndARealRunAppliesThem() {
        ObjectNode bundle = export();
        ObjectNode files = (ObjectNode) bundle.path("files");
        ((ObjectNode) files.path("services/polarsky/polarsky-serverless.json").path("prices").get(0).path("price")).put("amount", "2.10");
        files.remove("services/polarsky/polarsky-filhotell.json");
        importBundle(bundle, true).then().statusCode(200).body("dryRun", is(true))
                .body("changed.service", hasItem("polarsky-serverless")).body("withdrawn", is(java.util.List.of("polarsky-filhotell")));
        given().get("/v1/services/polarsky-serverless").then().body("prices[0].price.amount", is("2.40"));
        importBundle(bundle, false).then().statusCode(200).body("dryRun", is(false));
        given().get("/v1/services/polarsky-serverless").then().body("prices[0].price.amount", is("2.10")).header("ETag", is("\"v2\""));
        assertThat(given().queryParam("supplier", "921400004").queryParam("limit", 100).get("/v1/services").jsonPath().getList("items.id"),
                not(hasItem("polarsky-filhotell")));
        given().get("/v1/services/polarsky-filhotell").then().statusCode(200).body("status", is("WITHDRAWN"));
    }
}
