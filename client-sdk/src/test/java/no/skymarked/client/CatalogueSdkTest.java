package no.skymarked.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.skymarked.Main;
import no.skymarked.client.api.CatalogueApi;
import no.skymarked.client.api.CatalogueApi.APIGetServiceRequest;
import no.skymarked.client.api.CatalogueApi.APISearchServicesRequest;
import no.skymarked.client.api.FrameworksApi;
import no.skymarked.client.model.CloudService;
import no.skymarked.client.model.FacetCount;
import no.skymarked.client.model.FieldError;
import no.skymarked.client.model.ServiceCategory;
import no.skymarked.client.model.ServiceSearchPage;
import no.skymarked.client.support.Paging;
import no.skymarked.client.support.ProblemException;
import no.skymarked.client.support.SkymarkedClient;
import no.skymarked.shared.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Searches the catalogue through the generated SDK against a real server started in-process on a random port. */
class CatalogueSdkTest {
    private static Main.Running server;
    private static Database.Settings database;
    private static CatalogueApi catalogue;
    private static FrameworksApi frameworks;

    private static java.nio.file.Path dataDir;

    @BeforeAll
    static void start() throws java.io.IOException {
        dataDir = java.nio.file.Files.createTempDirectory("skymarked-sdk");
        Config config = Config.just(ConfigSources.create(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "skymarked.data.dir", dataDir.toString())));
        database = Database.forTest("sdk-" + UUID.randomUUID());
        server = Main.start(config, Clock.systemUTC(), database);
        ApiClient client = SkymarkedClient.create("http://127.0.0.1:" + server.port());
        catalogue = new CatalogueApi(client);
        frameworks = new FrameworksApi(client);
    }

    @AfterAll
    static void stop() {
        server.stop();
        Database.dropTestSchema(database);
    }

    @Test
    void searchFollowsNextCursorToTheEnd() throws ApiException {
        APISearchServicesRequest.Builder saas = APISearchServicesRequest.newBuilder().category(List.of(ServiceCategory.SAAS)).limit(5);
        ServiceSearchPage firstPage = catalogue.searchServices(saas.build());
        // multi-select facets: the category facet still counts every category; the selected one counts the matches
        FacetCount selected = firstPage.getFacets().getCategory().stream().filter(f -> "SAAS".equals(f.getKey())).findFirst().orElseThrow();
        assertThat(selected.getSelected(), is(true));
        long expected = selected.getCount();
        assertThat(firstPage.getNextCursor(), notNullValue());

        int pages = 0;
        int seen = 0;
        var ids = new HashSet<String>();
        String cursor = null;
        do {
            ServiceSearchPage page = catalogue.searchServices(saas.cursor(cursor).build());
            assertThat(page.getItems().size(), greaterThan(0));
            for (CloudService s : page.getItems()) {
                assertThat(s.getCategory(), is(CloudService.CategoryEnum.SAAS));
                ids.add(s.getId());
                seen++;
            }
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null);
        assertThat(pages, greaterThan(1));
        assertThat((long) seen, is(expected));
        assertThat(ids.size(), is(seen));
    }

    @Test
    void pagingHelperStreamsEveryMatch() {
        APISearchServicesRequest.Builder arkiv = APISearchServicesRequest.newBuilder().q("arkiv").limit(2);
        List<CloudService> all = Paging.stream(cursor -> catalogue.searchServices(arkiv.cursor(cursor).build()),
                ServiceSearchPage::getItems, ServiceSearchPage::getNextCursor).toList();
        assertThat(all.size(), greaterThan(2));
        assertThat(all.stream().map(CloudService::getPrices).toList(), everyItem(notNullValue()));
    }

    @Test
    void filtersAndTypedModelsRoundTrip() throws ApiException {
        ServiceSearchPage norway = catalogue.searchServices(APISearchServicesRequest.newBuilder().dataLocation(List.of("NO")).limit(100).build());
        assertThat(norway.getItems().size(), greaterThan(0));
        for (CloudService s : norway.getItems()) {
            assertThat(s.getDataLocation().getStorageCountries().contains("NO"), is(true));
            assertThat(s.getPrices().get(0).getPrice().getCurrency(), notNullValue());
        }
        CloudService one = catalogue.getService(APIGetServiceRequest.newBuilder().serviceId(norway.getItems().get(0).getId()).build());
        assertThat(one.getId(), is(norway.getItems().get(0).getId()));
        assertThat(frameworks.listFrameworks(FrameworksApi.APIListFrameworksRequest.newBuilder().build()).getItems().size(), greaterThanOrEqualTo(2));
        assertThat(frameworks.getFramework(FrameworksApi.APIGetFrameworkRequest.newBuilder().frameworkId("oslo-digitale-tjenester-2").build())
                        .getLots().get(0).getSuppliers().get(0).getRates(),
                org.hamcrest.Matchers.anyOf(nullValue(), org.hamcrest.Matchers.empty()));
    }

    @Test
    void tokenSupplierIsAskedOnEveryRequest() throws ApiException {
        var issuer = new no.skymarked.auth.TokenIssuer(no.skymarked.auth.DevKeys.loadOrCreate(dataDir),
                no.skymarked.auth.AuthSettings.DEV_ISSUER, Clock.systemUTC());
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        ApiClient client = SkymarkedClient.create("http://127.0.0.1:" + server.port(), () -> {
            calls.incrementAndGet();
            return issuer.issue("991825827", List.of("skymarked:buyer"), java.time.Duration.ofMinutes(5));
        });
        no.skymarked.client.api.IdentityApi identity = new no.skymarked.client.api.IdentityApi(client);
        assertThat(identity.getMe().getOrgNo(), is("991825827"));
        assertThat(identity.getMe().getRoles().get(0), is(no.skymarked.client.model.Me.RolesEnum.BUYER));
        assertThat(calls.get(), is(2));
        ProblemException anonymous = assertThrows(ProblemException.class, () -> new no.skymarked.client.api.IdentityApi(
                SkymarkedClient.create("http://127.0.0.1:" + server.port())).getMe());
        assertThat(anonymous.status(), is(401));
    }

    @Test
    void errorsSurfaceAsProblemExceptionsWithTheProblem() {
        ProblemException notFound = assertThrows(ProblemException.class,
                () -> catalogue.getService(APIGetServiceRequest.newBuilder().serviceId("no-such-service").build()));
        assertThat(notFound.status(), is(404));
        ProblemException badLimit = assertThrows(ProblemException.class,
                () -> catalogue.searchServices(APISearchServicesRequest.newBuilder().limit(1000).build()));
        assertThat(badLimit.status(), is(400));
        assertThat(badLimit.errors().stream().map(FieldError::getParameter).toList(), org.hamcrest.Matchers.hasItem("limit"));
    }
}
