package no.skymarked.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.skymarked.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogueApiTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension();

    @Test
    void searchWithoutFiltersPagesThroughEveryActiveServiceOnce() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/services").then().statusCode(200)
                    .contentType("application/json").extract().jsonPath();
            List<String> pageIds = page.getList("items.id");
            assertThat(pageIds.size(), lessThanOrEqualTo(7));
            ids.addAll(pageIds);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(ids.size(), greaterThanOrEqualTo(60));
        assertThat("no service twice", new HashSet<>(ids).size(), is(ids.size()));
        long categoryTotal = given().get("/v1/services").jsonPath().getList("facets.category.count", Long.class)
                .stream().mapToLong(Long::longValue).sum();
        assertThat(categoryTotal, is((long) ids.size()));
    }

    @Test
    void textSearchWithCategoryReturnsOnlyMatchingItemsAndFacets() {
        JsonPath body = given().queryParam("category", "SAAS").queryParam("q", "arkiv")
                .get("/v1/services").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = body.getList("items");
        assertThat(items.size(), greaterThan(0));
        assertThat(body.getList("items.category"), everyItem(is("SAAS")));
        for (Map<String, Object> item : items) {
            String text = (item.get("name") + " " + item.get("description") + " " + item.get("keywords")).toLowerCase(Locale.ROOT);
            String supplier = given().get("/v1/suppliers/" + item.get("supplierOrgNo")).jsonPath().getString("name");
            assertThat(item.get("id") + " matches 'arkiv'", (text + " " + supplier.toLowerCase(Locale.ROOT)).contains("arkiv"), is(true));
        }
        // multi-select: the category facet ignores the category filter, so the other categories keep their counts
        Map<String, Object> saas = body.getMap("facets.category.find { it.key == 'SAAS' }");
        assertThat(((Number) saas.get("count")).intValue(), is(items.size()));
        assertThat(saas.get("selected"), is(true));
        assertThat(body.getList("facets.category.key").size(), greaterThan(1));
        for (Map<String, Object> other : body.<Map<String, Object>>getList("facets.category")) {
            if (!"SAAS".equals(other.get("key"))) {
                assertThat(other.get("selected"), is(false));
                int alone = given().queryParam("category", other.get("key")).queryParam("q", "arkiv").queryParam("limit", 100)
                        .get("/v1/services").jsonPath().getList("items").size();
                assertThat("count of " + other.get("key"), ((Number) other.get("count")).intValue(), is(alone));
            }
        }
        assertThat(body.getList("facets.supplier.label"), everyItem(notNullValue()));
    }

    @Test
    void nameMatchesRankBeforeDescriptionMatches() {
        JsonPath body = given().queryParam("q", "arkiv").queryParam("limit", 100).get("/v1/services").jsonPath();
        List<Map<String, String>> names = body.getList("items.name");
        boolean seenNonNameMatch = false;
        for (Map<String, String> name : names) {
            boolean inName = name.values().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).contains("arkiv"));
            assertThat("a name match after a description-only match", inName && seenNonNameMatch, is(false));
            seenNonNameMatch |= !inName;
        }
    }

    @Test
    void filtersNarrowTheResultAndFacetsAddUp() {
        JsonPath all = given().queryParam("limit", 100).get("/v1/services").jsonPath();
        Map<String, Object> firstCert = all.getMap("facets.certification[0]");
        String certification = (String) firstCert.get("key");
        int expected = ((Number) firstCert.get("count")).intValue();
        JsonPath filtered = given().queryParam("certification", certification).queryParam("limit", 100)
                .get("/v1/services").jsonPath();
        assertThat(filtered.getList("items").size(), is(expected));
        for (List<String> certs : filtered.<List<String>>getList("items.certifications")) {
            assertThat(certs, hasItem(certification));
        }
        JsonPath norway = given().queryParam("dataLocation", "NO").queryParam("limit", 100).get("/v1/services").jsonPath();
        for (List<String> countries : norway.<List<String>>getList("items.dataLocation.storageCountries")) {
            assertThat(countries, hasItem("NO"));
        }
        String framework = all.getString("facets.framework[0].key");
        JsonPath underFramework = given().queryParam("framework", framework).queryParam("limit", 100).get("/v1/services").jsonPath();
        assertThat(underFramework.getList("items").size(), is(all.getInt("facets.framework[0].count")));
        String supplier = all.getString("facets.supplier[0].key");
        assertThat(given().queryParam("supplier", supplier).queryParam("limit", 100).get("/v1/services").jsonPath()
                .getList("items.supplierOrgNo"), everyItem(is(supplier)));
    }

    @Test
    void searchWithNoMatchesIsAnEmptyPage() {
        given().queryParam("q", "zzqxyvv").get("/v1/services").then().statusCode(200)
                .body("items.size()", is(0)).body("nextCursor", nullValue()).body("facets.category.size()", is(0));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "category, MAINFRAME",
            "limit, 0",
            "limit, 101",
            "limit, ten",
            "supplier, 123456789",
            "supplier, abc",
            "dataLocation, norway",
            "certification, ISO_1",
            "framework, Not An Id",
            "cursor, bm9wZQ",
    })
    void badParameterIsA400ProblemNamingIt(String name, String value) {
        given().queryParam(name, value).get("/v1/services").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("/problems/invalid-parameter"))
                .body("status", is(400))
                .body("detail", containsString("'" + name + "'"))
                .body("errors[0].parameter", is(name));
    }

    @Test
    void cursorOfAnotherQueryIsRefused() {
        String cursor = given().queryParam("limit", 1).get("/v1/services").jsonPath().getString("nextCursor");
        given().queryParam("limit", 1).queryParam("category", "SAAS").queryParam("cursor", cursor)
                .get("/v1/services").then().statusCode(400).body("errors[0].parameter", is("cursor"));
    }

    @Test
    void serviceByIdHasAnEtagAndAnswers304WhenUnchanged() {
        String id = given().get("/v1/services").jsonPath().getString("items[0].id");
        Response first = given().get("/v1/services/" + id);
        first.then().statusCode(200).body("id", is(id)).body("$schema", nullValue());
        String etag = first.header("ETag");
        assertThat(etag, is("\"v1\""));
        given().header("If-None-Match", etag).get("/v1/services/" + id).then().statusCode(304);
        given().header("If-None-Match", "\"v0\"").get("/v1/services/" + id).then().statusCode(200);
    }

    @Test
    void unknownServiceIsA404Problem() {
        given().get("/v1/services/no-such-service").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("/problems/not-found"))
                .body("detail", containsString("no-such-service"));
    }

    @Test
    void suppliersAreListedAndReadByOrganisationNumber() {
        JsonPath page = given().queryParam("limit", 100).get("/v1/suppliers").then().statusCode(200).extract().jsonPath();
        List<String> orgNos = page.getList("items.orgNo");
        assertThat(orgNos.size(), greaterThanOrEqualTo(12));
        given().get("/v1/suppliers/" + orgNos.get(0)).then().statusCode(200)
                .header("ETag", notNullValue()).body("orgNo", is(orgNos.get(0)));
    }

    @Test
    void supplierWithInvalidOrganisationNumberIs400AndUnknownIs404() {
        given().get("/v1/suppliers/123456789").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].parameter", is("orgNo"));
        given().get("/v1/suppliers/800000130").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void frameworksAreListedWithRankedLotsButWithoutRates() {
        JsonPath page = given().get("/v1/frameworks").then().statusCode(200).extract().jsonPath();
        List<String> ids = page.getList("items.id");
        assertThat(ids, hasItem("oslo-digitale-tjenester-2"));
        assertThat(page.getString("items"), not(containsString("hourlyRate")));
        given().get("/v1/frameworks/oslo-digitale-tjenester-2").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("thresholdHours", is("250"))
                .body("lots[0].suppliers.rank", hasItem(1))
                .body("lots[0].suppliers[0].rates", nullValue());
        given().get("/v1/frameworks/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void openApiDocumentIsServedAsYamlAndJson() {
        given().get("/openapi").then().statusCode(200).contentType(containsString("yaml"))
                .body(containsString("openapi: 3.0.3"));
        given().accept("application/json").get("/openapi").then().statusCode(200)
                .body("paths.'/v1/services'.get.operationId", is("searchServices"));
        given().get("/schemas/service.schema.json").then().statusCode(200).body("title", is("CloudService"));
        given().get("/schemas/secret.txt").then().statusCode(404);
    }

    @Test
    void swaggerUiIsServedAndPointsAtTheSpec() {
        given().get("/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
        given().get("/swagger-ui/swagger-initializer.js").then().statusCode(200).body(containsString("/openapi"));
        given().get("/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
    }

    @Test
    void healthReportsTheDatabase() {
        given().get("/health").then().statusCode(200).body("status", is("UP")).body("checks[0].name", is("database"));
    }

    @Test
    void unknownPathIsA404Problem() {
        given().get("/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyFacetCountsDistinctServices() {
        JsonPath all = given().queryParam("limit", 100).get("/v1/services").jsonPath();
        Set<String> keys = new HashSet<>(all.getList("facets.dataLocation.key"));
        assertThat(keys.size(), is(all.getList("facets.dataLocation").size()));
    }
}
