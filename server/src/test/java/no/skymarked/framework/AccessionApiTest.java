package no.skymarked.framework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccessionApiTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension();
    private static final String CLOUD = "cloud-infrastruktur-2026";
    private static final String DT2 = "oslo-digitale-tjenester-2";
    /** An agency the Oslo framework names through its group "oslo-kommune", and the cloud framework does not. */
    private static final String ANY_AGENCY = "991825827";
    /** A valid organisation number no demo framework identifies. */
    private static final String UNNAMED_AGENCY = "971037113";
    private static String eligible;

    @BeforeAll
    static void start() {
        eligible = given().get("/v1/frameworks/" + CLOUD).jsonPath().getString("eligibleAgencies[1]");
    }

    @Test
    void buyerAccedesForItselfOnceAndSeesItsAccession() {
        String token = SERVER.server().token(eligible, "skymarked:buyer");
        String id = given().auth().oauth2(token).contentType("application/json").body("{\"lots\": [\"iaas\"]}")
                .post("/v1/frameworks/" + CLOUD + "/accessions").then().statusCode(201)
                .body("agencyOrgNo", is(eligible)).body("lots", is(List.of("iaas"))).extract().jsonPath().getString("id");
        given().auth().oauth2(token).post("/v1/frameworks/" + CLOUD + "/accessions").then().statusCode(200).body("id", is(id));
        given().auth().oauth2(token).get("/v1/accessions").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.agencyOrgNo", everyItem(is(eligible)));
    }

    @Test
    void aMemberOfAGroupTheFrameworkNamesMayAccede() {
        assertThat(given().get("/v1/frameworks/" + DT2).jsonPath().getList("eligibleGroups[0].members"), hasItem(ANY_AGENCY));
        given().auth().oauth2(SERVER.server().token(ANY_AGENCY, "skymarked:buyer")).post("/v1/frameworks/" + DT2 + "/accessions")
                .then().statusCode(201).body("lots.size()", is(4));
    }

    @Test
    void anAgencyNoListOrGroupNamesIsRefused() {
        // E16 (FOA § 26-1(3), KOFA 2015/65): naming no agency is never "any agency"
        given().auth().oauth2(SERVER.server().token(UNNAMED_AGENCY, "skymarked:buyer")).post("/v1/frameworks/" + DT2 + "/accessions")
                .then().statusCode(422).contentType("application/problem+json").body("type", is("/problems/agency-not-eligible"))
                .body("errors[0].pointer", is("/agencyOrgNo"));
    }

    @Test
    void afterTheAwardOnlyAnAgencyTheLateAccessionClauseNamesMayAccede() {
        // E18: 978000002 is identified by the cloud framework but its late-accession clause does not name it
        JsonPath cloud = given().get("/v1/frameworks/" + CLOUD).jsonPath();
        assertThat(cloud.getList("eligibleAgencies"), hasItem("978000002"));
        assertThat(cloud.getList("lateAccession.agencies"), not(hasItem("978000002")));
        given().auth().oauth2(SERVER.server().token("978000002", "skymarked:buyer")).post("/v1/frameworks/" + CLOUD + "/accessions")
                .then().statusCode(422).contentType("application/problem+json").body("type", is("/problems/late-accession-not-allowed"))
                .body("detail", containsString("awarded on 2025-12-15"));
    }

    @Test
    void agencyNotIdentifiedInTheNoticeIsRefused() {
        given().auth().oauth2(SERVER.server().token(ANY_AGENCY, "skymarked:buyer")).post("/v1/frameworks/" + CLOUD + "/accessions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("/problems/agency-not-eligible"));
    }

    @Test
    void buyerMayNotAccedeForAnotherAgency() {
        given().auth().oauth2(SERVER.server().token(ANY_AGENCY, "skymarked:buyer")).contentType("application/json")
                .body("{\"agencyOrgNo\": \"" + eligible + "\"}").post("/v1/frameworks/" + CLOUD + "/accessions")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void editorRegistersAnAccessionForANamedAgency() {
        String editor = SERVER.server().token("983887457", "skymarked:editor");
        given().auth().oauth2(editor).post("/v1/frameworks/" + CLOUD + "/accessions").then().statusCode(422)
                .body("errors[0].pointer", is("/agencyOrgNo"));
        given().auth().oauth2(editor).contentType("application/json").body("{\"agencyOrgNo\": \"123456789\"}")
                .post("/v1/frameworks/" + CLOUD + "/accessions").then().statusCode(422).body("type", is("/problems/invalid-orgno"));
        String agency = given().get("/v1/frameworks/" + CLOUD).jsonPath().getString("eligibleAgencies[2]");
        given().auth().oauth2(editor).contentType("application/json").body("{\"agencyOrgNo\": \"" + agency + "\"}")
                .post("/v1/frameworks/" + CLOUD + "/accessions").then().statusCode(201).body("agencyOrgNo", is(agency));
        assertThat(given().auth().oauth2(editor).get("/v1/accessions?frameworkId=" + CLOUD).jsonPath()
                .getList("items.agencyOrgNo"), hasItem(agency));
    }

    @Test
    void badBodiesAndUnknownThingsAreProblems() {
        String token = SERVER.server().token(ANY_AGENCY, "skymarked:buyer");
        given().auth().oauth2(token).contentType("application/json").body("{\"lots\": [\"no-such-lot\"]}")
                .post("/v1/frameworks/" + DT2 + "/accessions").then().statusCode(422)
                .body("type", is("/problems/lot-unknown")).body("errors[0].pointer", is("/lots/0"));
        given().auth().oauth2(token).contentType("application/json").body("{\"lots\": [")
                .post("/v1/frameworks/" + DT2 + "/accessions").then().statusCode(400).body("type", is("/problems/malformed-body"));
        given().auth().oauth2(token).contentType("application/json").body("[1, 2]")
                .post("/v1/frameworks/" + DT2 + "/accessions").then().statusCode(400);
        given().auth().oauth2(token).post("/v1/frameworks/nope/accessions").then().statusCode(404);
    }
}
