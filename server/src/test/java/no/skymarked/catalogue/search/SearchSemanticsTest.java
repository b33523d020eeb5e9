package no.skymarked.catalogue.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.skymarked.TestServerExtension;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@code GET /v1/services} promises about matching, facets, highlighting and freshness, over HTTP on the demo
 * catalogue; services and names the tests make are their own (words found nowhere else), so the order of the tests
 * does not matter.
 */
class SearchSemanticsTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension();
    private static String editor;

    @BeforeAll
    static void start() {
        editor = SERVER.server().token("983887457", "skymarked:editor");
    }

    private static List<String> ids(String q) {
        return search(given().queryParam("q", q)).getList("items.id", String.class);
    }

    private static JsonPath search(RequestSpecification request) {
        return request.queryParam("limit", 100).get("/v1/services").then().statusCode(200).extract().jsonPath();
    }

    /** Every service a search finds (following nextCursor). */
    private static List<String> all(Map<String, String> params) {
        List<String> out = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().queryParams(params);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = search(request);
            out.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return out;
    }

    private static ObjectNode read(String id) {
        return (ObjectNode) Json.tree(given().get("/v1/services/" + id).asString());
    }

    /** A new service like {@code template}, with its own id, name and description. */
    private static void create(String template, String id, String nameNb, String descriptionNb) {
        ObjectNode fresh = read(template);
        fresh.put("id", id);
        fresh.remove("keywords");
        ((ObjectNode) fresh.path("name")).put("nb", nameNb).put("en", nameNb);
        ((ObjectNode) fresh.path("description")).put("nb", descriptionNb).put("en", descriptionNb);
        given().auth().oauth2(editor).contentType("application/json").body(Json.text(fresh)).post("/v1/services")
                .then().statusCode(201);
    }

    @Test
    void anInflectedWordFindsTheArchives() {
        assertThat(ids("arkivet"), hasItems("arkivhuset-sak-arkiv", "arkivhuset-digitalt-arkiv", "polarsky-arkivlagring"));
    }

    @Test
    void aMisspeltWordFindsWhatItWasMeantFor() {
        List<String> found = ids("postgress");
        assertThat(found, hasItem("fjordsky-postgresql"));
        assertThat(found.get(0), is("fjordsky-postgresql"));
    }

    @Test
    void anExactMatchRanksAboveATypoMatch() {
        // "snøfrikk" is one edit from "snøfrakk"; neither word is anywhere in the demo catalogue
        create("polarsky-filhotell", "polarsky-snofrakk", "Snøfrakk fillager", "Fillager med snøfrakk for sikre data.");
        assertThat("one edit away is still found", ids("snøfrikk"), is(List.of("polarsky-snofrakk")));
        create("polarsky-filhotell", "polarsky-snofrikk", "Snøfrikk fillager", "Fillager med snøfrikk for sikre data.");
        List<String> found = ids("snøfrikk");
        assertThat(found.get(0), is("polarsky-snofrikk"));
        assertThat("the typo match is not above the exact one", found.indexOf("polarsky-snofrakk") == -1
                || found.indexOf("polarsky-snofrakk") > found.indexOf("polarsky-snofrikk"), is(true));
        assertThat(ids("snøfrakk").get(0), is("polarsky-snofrakk"));
    }

    @Test
    void norwegianLettersAreNotFoldedToAscii() {
        List<String> lonn = ids("lønn");
        assertThat(lonn, hasItem("oresund-hr"));
        List<String> ascii = ids("lonn");
        assertThat(ascii, not(hasItem("oresund-hr")));
        assertThat(ascii, not(is(lonn)));
    }

    @Test
    void aCategoryFilterStillCountsTheOtherCategories() {
        for (String q : new String[] {null, "sikkerhet", "data"}) {
            RequestSpecification request = given().queryParam("category", "SAAS");
            if (q != null) {
                request.queryParam("q", q);
            }
            JsonPath filtered = search(request);
            List<Map<String, Object>> categories = filtered.getList("facets.category");
            assertThat(q + ": categories listed", categories.size(), greaterThan(1));
            for (Map<String, Object> facet : categories) {
                String key = (String) facet.get("key");
                Map<String, String> alone = q == null ? Map.of("category", key) : Map.of("category", key, "q", q);
                assertThat(q + ": count of " + key, ((Number) facet.get("count")).intValue(), is(all(alone).size()));
                assertThat(q + ": " + key + " selected", facet.get("selected"), is(key.equals("SAAS")));
            }
            assertThat(filtered.getList("items.category", String.class), everyItem(is("SAAS")));
            assertThat(filtered.getList("facets.category.key", String.class), hasItem("SAAS"));
        }
    }

    @Test
    void withTwoFacetsSelectedEachCountsAsIfOnlyTheOthersWereAndTheRestCountTheHits() {
        for (String q : new String[] {null, "data"}) {
            Map<String, String> selection = new HashMap<>(Map.of("category", "SAAS", "certification", "ISO_27001"));
            if (q != null) {
                selection.put("q", q);
            }
            JsonPath page = search(given().queryParams(selection));
            List<String> hits = all(selection);
            assertThat(q + ": the selections leave hits", hits, not(empty()));
            for (String dim : List.of("category", "certification", "dataLocation", "supplier")) {
                List<Map<String, Object>> facets = page.getList("facets." + dim);
                assertThat(q + ": " + dim + " listed", facets, not(empty()));
                for (Map<String, Object> facet : facets) {
                    String key = (String) facet.get("key");
                    // a selected facet counts as if only the other selections were made; any other counts the hits
                    Map<String, String> with = new HashMap<>(selection);
                    with.put(dim, key);
                    assertThat(q + ": count of " + dim + "=" + key, ((Number) facet.get("count")).intValue(), is(all(with).size()));
                }
            }
            assertThat(q + ": the selected value counts the hits", page.getInt("facets.category.find { it.key == 'SAAS' }.count"),
                    is(hits.size()));
            assertThat(q + ": the hits are SAAS", page.getList("items.category", String.class), everyItem(is("SAAS")));
        }
    }

    @Test
    void aPriceBandFilterFindsExactlyItsCount() {
        List<Map<String, Object>> bands = search(given()).getList("facets.priceBand");
        assertThat(bands, not(empty()));
        int total = 0;
        for (Map<String, Object> band : bands) {
            String key = (String) band.get("key");
            int count = ((Number) band.get("count")).intValue();
            List<String> found = all(Map.of("priceBand", key));
            assertThat(key, found.size(), is(count));
            assertThat(key + " has a label", (String) band.get("label"), not(is((String) null)));
            total += count;
        }
        assertThat("every active service with a price is in one band", total, is(all(Map.of()).size()));
    }

    @Test
    void highlightsMarkTheMatchedWords() {
        JsonPath found = search(given().queryParam("q", "kubernetes").queryParam("highlight", "true"));
        List<String> listed = found.getList("items.id", String.class);
        assertThat(listed, hasItems("fjordsky-kubernetes", "polarsky-kubernetes"));
        Map<String, Map<String, String>> highlights = found.getMap("highlights");
        assertThat(highlights.keySet(), is(new java.util.LinkedHashSet<>(listed)));
        for (String id : listed) {
            assertThat(id, String.join(" ", highlights.get(id).values()), containsString("<b>Kubernetes</b>"));
        }
        assertThat(search(given().queryParam("q", "kubernetes")).getMap("$").containsKey("highlights"), is(false));
    }

    @Test
    void anInflectedWordIsHighlightedAsItStandsInTheText() {
        assertHighlighted("arkivet", List.of("arkivhuset-digitalt-arkiv", "nordlys-skjemabygger", "arkivhuset-saksbehandling"),
                "<b>arkiv</b>");
    }

    @Test
    void aCompoundPartIsHighlighted() {
        assertHighlighted("arkivet", List.of("arkivhuset-sak-arkiv", "polarsky-arkivlagring", "havbris-arkivintegrasjon"), "<b>");
    }

    /** Each of {@code ids}' snippets for {@code q}, taken together, contain {@code marked}. */
    private static void assertHighlighted(String q, List<String> ids, String marked) {
        Map<String, Map<String, String>> highlights = search(given().queryParam("q", q).queryParam("highlight", "true"))
                .getMap("highlights");
        for (String id : ids) {
            assertThat(id, String.join(" ", highlights.get(id).values()), containsString(marked));
        }
    }

    @Test
    void aCreatedChangedAndWithdrawnServiceIsSearchedAtOnce() {
        String id = "vaktbikkja-kvitrefjell";
        assertThat(ids("kvitrefjellvakt"), is(empty()));
        create("vaktbikkja-identitet", id, "Kvitrefjellvakt", "Vakthold for fjellstuer.");
        assertThat(ids("kvitrefjellvakt"), is(List.of(id)));

        Response before = given().get("/v1/services/" + id);
        ObjectNode changed = (ObjectNode) Json.tree(before.asString());
        ((ObjectNode) changed.path("name")).put("nb", "Gråtindvakt").put("en", "Gråtindvakt");
        given().auth().oauth2(editor).contentType("application/json").header("If-Match", before.header("ETag"))
                .body(Json.text(changed)).put("/v1/services/" + id).then().statusCode(200);
        assertThat(ids("gråtindvakt"), is(List.of(id)));
        assertThat(ids("kvitrefjellvakt"), is(empty()));

        given().auth().oauth2(editor).header("If-Match", given().get("/v1/services/" + id).header("ETag"))
                .delete("/v1/services/" + id).then().statusCode(200);
        assertThat(ids("gråtindvakt"), is(empty()));
    }

    @Test
    void equalMatchesAreInNorwegianNameOrderAlsoAfterAServiceIsRenamed() {
        // one description for all, matched by a word of its own: the same score, so the name decides (æ ø å after z)
        String text = "Kvirrelvarp med kvast.";
        Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put("kvast-aa", "Åker kvast");
        names.put("kvast-oe", "Ørret kvast");
        names.put("kvast-a", "Alfa kvast");
        names.put("kvast-ae", "Ærfugl kvast");
        names.put("kvast-z", "Zulu kvast");
        names.put("kvast-z2", "Zulu kvast");
        names.forEach((id, name) -> create("vaktbikkja-identitet", id, name, text));
        assertThat(ids("kvirrelvarp"), is(List.of("kvast-a", "kvast-z", "kvast-z2", "kvast-ae", "kvast-oe", "kvast-aa")));

        // renamed after the others were indexed: its new place among them, not its old one
        Response before = given().get("/v1/services/kvast-a");
        ObjectNode renamed = (ObjectNode) Json.tree(before.asString());
        ((ObjectNode) renamed.path("name")).put("nb", "Øvre kvast").put("en", "Øvre kvast");
        given().auth().oauth2(editor).contentType("application/json").header("If-Match", before.header("ETag"))
                .body(Json.text(renamed)).put("/v1/services/kvast-a").then().statusCode(200);
        assertThat(ids("kvirrelvarp"), is(List.of("kvast-z", "kvast-z2", "kvast-ae", "kvast-oe", "kvast-a", "kvast-aa")));
        assertThat(search(given().queryParam("q", "kvirrelvarp")).getString("items[4].name.nb"), is("Øvre kvast"));
        // the next page continues the same order
        JsonPath first = given().queryParam("q", "kvirrelvarp").queryParam("limit", 3).get("/v1/services")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.id", String.class), is(List.of("kvast-z", "kvast-z2", "kvast-ae")));
        assertThat(given().queryParam("q", "kvirrelvarp").queryParam("limit", 3).queryParam("cursor", first.getString("nextCursor"))
                .get("/v1/services").then().statusCode(200).extract().jsonPath().getList("items.id", String.class),
                is(List.of("kvast-oe", "kvast-a", "kvast-aa")));
    }

    @Test
    void aRenamedSupplierIsFoundByItsNewNameAtOnce() {
        String path = "/v1/suppliers/921300018";
        assertThat(ids("bregnehaug"), is(empty()));
        Response read = given().get(path);
        ObjectNode granitt = (ObjectNode) Json.tree(read.asString());
        granitt.put("name", "Bregnehaug Drift AS");
        given().auth().oauth2(editor).contentType("application/json").header("If-Match", read.header("ETag"))
                .body(Json.text(granitt)).put(path).then().statusCode(200);
        List<String> found = ids("bregnehaug");
        assertThat(found, hasItems("granitt-blokklagring", "granitt-database", "granitt-helsejournal"));
        assertThat(search(given().queryParam("q", "bregnehaug")).getList("items.supplierOrgNo", String.class), everyItem(is("921300018")));
    }

    @Test
    void aBadPriceBandOrHighlightIsRefusedNamingTheParameter() {
        given().queryParam("priceBand", "cheap").get("/v1/services").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].parameter", is("priceBand"));
        given().queryParam("highlight", "maybe").get("/v1/services").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].parameter", is("highlight"));
    }
}
