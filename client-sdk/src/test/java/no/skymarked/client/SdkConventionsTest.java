package no.skymarked.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import no.skymarked.Main;
import no.skymarked.auth.AuthSettings;
import no.skymarked.auth.DevKeys;
import no.skymarked.auth.TokenIssuer;
import no.skymarked.client.api.CallOffsApi;
import no.skymarked.client.api.CallOffsApi.APICreateCallOffRequest;
import no.skymarked.client.api.CatalogueApi;
import no.skymarked.client.api.CatalogueApi.APIGetServiceRequest;
import no.skymarked.client.api.CatalogueApi.APISearchServicesRequest;
import no.skymarked.client.api.CatalogueApi.APIUpdateServiceRequest;
import no.skymarked.client.api.FrameworksApi;
import no.skymarked.client.model.CallOff;
import no.skymarked.client.model.CallOffRequest;
import no.skymarked.client.model.CloudService;
import no.skymarked.client.model.Money;
import no.skymarked.client.model.RoleHours;
import no.skymarked.client.model.ServiceCategory;
import no.skymarked.client.model.ServiceSearchPage;
import no.skymarked.client.support.Conditional;
import no.skymarked.client.support.ETags;
import no.skymarked.client.support.Paging;
import no.skymarked.client.support.ProblemException;
import no.skymarked.client.support.SkymarkedClient;
import no.skymarked.shared.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the SDK promises its users beyond the generated calls: named model types, decimals as BigDecimal sent as
 * strings, enums that tolerate new values, typed problems (also from the pager), conditional reads that answer
 * "not modified", plain ETags, and idempotency keys per request. Against a real server where it takes one.
 */
class SdkConventionsTest {
    private static final String DT2 = "oslo-digitale-tjenester-2";
    private static final String AGENCY = "991825827";
    private static final String EDITOR = "983887457";
    private static Main.Running server;
    private static Database.Settings database;
    private static TokenIssuer tokens;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Files.createTempDirectory("skymarked-sdk-conventions");
        Config config = Config.just(ConfigSources.create(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "skymarked.data.dir", dataDir.toString())));
        database = Database.forTest("sdk-conventions-" + UUID.randomUUID());
        server = Main.start(config, Clock.systemUTC(), database);
        tokens = new TokenIssuer(DevKeys.loadOrCreate(dataDir), AuthSettings.DEV_ISSUER, Clock.systemUTC());
        new FrameworksApi(as(AGENCY, "skymarked:buyer")).accedeToFramework(
                FrameworksApi.APIAccedeToFrameworkRequest.newBuilder().frameworkId(DT2).build());
    }

    @AfterAll
    static void stop() {
        server.stop();
        Database.dropTestSchema(database);
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static ApiClient as(String orgNo, String scope) {
        return SkymarkedClient.create(base(), () -> tokens.issue(orgNo, List.of(scope), Duration.ofMinutes(5)));
    }

    private static CallOffRequest smallCallOff(String title) {
        return new CallOffRequest().frameworkId(DT2).lotId("programmering").title(title).needDescription("Et lite oppdrag")
                .estimatedHours(List.of(new RoleHours().roleId("DEVELOPER").hours(new BigDecimal("12.5"))));
    }

    @Test
    void everyModelClassHasANameNoNumberedInlineObject() throws IOException {
        Path models = Path.of(Money.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .resolve("no/skymarked/client/model");
        List<String> names;
        try (Stream<Path> files = Files.list(models)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length())).toList();
        }
        assertThat(names, hasItem("LotSupplier"));
        assertThat(names, hasItem("RoleRate"));
        assertThat(names, hasItem("FrameworkLot"));
        assertThat(names.stream().filter(n -> n.contains("Inner")).toList(), is(empty()));
        assertThat(names.stream().filter(n -> n.endsWith("Value")).toList(), is(empty()));
    }

    @Test
    void decimalsAreBigDecimalsWrittenAsPlainStrings() throws Exception {
        ObjectMapper mapper = SkymarkedClient.create(base()).getObjectMapper();
        String json = mapper.writeValueAsString(new RoleHours().roleId("DEVELOPER").hours(new BigDecimal("1E+2")).days(new BigDecimal("37.50")));
        assertThat(json, containsString("\"hours\":\"100\""));
        assertThat(json, containsString("\"days\":\"37.50\""));
        Money money = mapper.readValue("{\"amount\": \"1250.00\", \"currency\": \"NOK\"}", Money.class);
        assertThat(money.getAmount(), is(new BigDecimal("1250.00")));
        // the generated model alone (any mapper) sends amounts as strings too, as the spec requires
        assertThat(ApiClient.createDefaultObjectMapper().writeValueAsString(new Money().amount(new BigDecimal("1150.5")).currency("NOK")),
                containsString("\"amount\":\"1150.5\""));

        CallOff created = new CallOffsApi(as(AGENCY, "skymarked:buyer")).createCallOff(APICreateCallOffRequest.newBuilder()
                .callOffRequest(smallCallOff("Desimaler")).build());
        assertThat(created.getEstimatedHours().get(0).getHours(), is(new BigDecimal("12.5")));
        assertThat(created.getTotalHours().compareTo(new BigDecimal("12.5")), is(0));
        assertThat(created.getEstimatedValue().getAmount().signum(), is(1));
    }

    @Test
    void anEnumValueANewerServerSendsReadsAsUnknown() throws Exception {
        ObjectMapper mapper = SkymarkedClient.create(base()).getObjectMapper();
        CloudService service = mapper.readValue("{\"id\": \"x\", \"category\": \"QUANTUM\"}", CloudService.class);
        assertThat(service.getCategory(), is(CloudService.CategoryEnum.UNKNOWN_DEFAULT_OPEN_API));
        ServiceSearchPage page = mapper.readValue("{\"items\": [], \"facets\": {\"category\": []}}", ServiceSearchPage.class);
        assertThat(page.getItems(), is(empty()));
        assertThat(mapper.readValue("\"FAAS\"", ServiceCategory.class), is(ServiceCategory.UNKNOWN_DEFAULT_OPEN_API));
        // the generated enums tolerate it with any mapper
        assertThat(ApiClient.createDefaultObjectMapper().readValue("{\"id\": \"y\", \"route\": \"LOTTERY\", \"status\": \"PAUSED\"}",
                CallOff.class).getStatus(), is(CallOff.StatusEnum.UNKNOWN_DEFAULT_OPEN_API));
        assertThat(mapper.readValue("\"SAAS\"", ServiceCategory.class), is(ServiceCategory.SAAS));
    }

    @Test
    void aRefusalIsAProblemExceptionWithTypeTitleStatusDetailAndPointers() {
        CallOffsApi callOffs = new CallOffsApi(as(AGENCY, "skymarked:buyer"));
        ProblemException invalid = assertThrows(ProblemException.class, () -> callOffs.createCallOff(APICreateCallOffRequest.newBuilder()
                .callOffRequest(smallCallOff("x").title(null).estimatedHours(List.of(new RoleHours().roleId("DEVELOPER")))).build()));
        assertThat(invalid.status(), is(422));
        assertThat(invalid.type(), is("/problems/invalid-call-off"));
        assertThat(invalid.title(), is("Invalid call-off"));
        assertThat(invalid.pointers(), hasItem("/title"));
        assertThat(invalid.errors().stream().filter(e -> "/title".equals(e.getPointer())).findFirst().orElseThrow().getDetail(),
                is("is required"));
        assertThat(invalid.getMessage(), containsString("/title"));

        ProblemException threshold = assertThrows(ProblemException.class, () -> callOffs.createCallOff(APICreateCallOffRequest.newBuilder()
                .callOffRequest(smallCallOff("Stort").estimatedHours(List.of(new RoleHours().roleId("DEVELOPER").hours(new BigDecimal("251")))))
                .build()));
        assertThat(threshold.status(), is(422));
        assertThat(threshold.is("/problems/threshold-requires-mini-competition"), is(true));
        assertThat(threshold.is("threshold-requires-mini-competition"), is(true));
        assertThat(threshold.is("invalid-estimate"), is(false));
        assertThat(threshold.detail(), notNullValue());
        assertThat(threshold.header("Content-Type").orElseThrow(), startsWith("application/problem+json"));
    }

    @Test
    void anAnswerWithoutAProblemBodyIsStillAProblemException() {
        java.net.http.HttpHeaders headers = java.net.http.HttpHeaders.of(Map.of("Content-Type", List.of("text/html")), (k, v) -> true);
        ProblemException gateway = ProblemException.of(502, headers, "<html>Bad Gateway</html>", null);
        assertThat(gateway.status(), is(502));
        assertThat(gateway.type(), is("about:blank"));
        assertThat(gateway.title(), is("HTTP 502"));
        assertThat(gateway.detail(), is("<html>Bad Gateway</html>"));
        assertThat(gateway.errors(), is(empty()));
        assertThat(gateway.header("content-type").orElseThrow(), is("text/html"));
    }

    @Test
    void thePagerThrowsTheProblemOfAFailingPage() {
        CatalogueApi catalogue = new CatalogueApi(SkymarkedClient.create(base()));
        APISearchServicesRequest.Builder tooMany = APISearchServicesRequest.newBuilder().limit(1000);
        ProblemException problem = assertThrows(ProblemException.class, () -> Paging.stream(
                cursor -> catalogue.searchServices(tooMany.cursor(cursor).build()),
                ServiceSearchPage::getItems, ServiceSearchPage::getNextCursor).toList());
        assertThat(problem.status(), is(400));
        assertThat(problem.errors().get(0).getParameter(), is("limit"));

        // also through a client made without SkymarkedClient (whose calls throw ApiException)
        ApiClient plain = new ApiClient();
        plain.updateBaseUri(base());
        CatalogueApi plainCatalogue = new CatalogueApi(plain);
        ProblemException fromPlain = assertThrows(ProblemException.class, () -> Paging.stream(
                cursor -> plainCatalogue.searchServices(tooMany.cursor(cursor).build()),
                ServiceSearchPage::getItems, ServiceSearchPage::getNextCursor).findFirst());
        assertThat(fromPlain.status(), is(400));
        assertThat(fromPlain.errors().get(0).getParameter(), is("limit"));
        assertThat(fromPlain.getCause(), is(org.hamcrest.Matchers.instanceOf(ApiException.class)));
    }

    @Test
    void aConditionalReadAnswersNotModifiedAndItsPlainEtagEditsTheService() throws ApiException {
        CatalogueApi anonymous = new CatalogueApi(SkymarkedClient.create(base()));
        String id = "samspill-epost";
        Conditional<CloudService> first = Conditional.get(() -> anonymous.getServiceWithHttpInfo(
                APIGetServiceRequest.newBuilder().serviceId(id).build()));
        assertThat(first.notModified(), is(false));
        assertThat(first.value().getId(), is(id));
        String etag = first.etag();
        assertThat(etag, startsWith("\""));
        assertThat(etag, endsWith("\""));
        assertThat(etag, not(containsString("[")));

        Conditional<CloudService> again = Conditional.get(() -> anonymous.getServiceWithHttpInfo(
                APIGetServiceRequest.newBuilder().serviceId(id).ifNoneMatch(etag).build()));
        assertThat(again.notModified(), is(true));
        assertThat(again.ifModified().isPresent(), is(false));
        assertThat(again.etag(), is(etag));
        assertThrows(IllegalStateException.class, again::value);

        CatalogueApi editor = new CatalogueApi(as(EDITOR, "skymarked:editor"));
        CloudService changed = first.value().keywords(List.of("sdk-redigert"));
        ApiResponse<CloudService> edited = editor.updateServiceWithHttpInfo(APIUpdateServiceRequest.newBuilder()
                .serviceId(id).cloudService(changed).ifMatch(etag).build());
        assertThat(edited.getStatusCode(), is(200));
        String newEtag = ETags.of(edited);
        assertThat(newEtag, not(is(etag)));

        ProblemException stale = assertThrows(ProblemException.class, () -> editor.updateService(APIUpdateServiceRequest.newBuilder()
                .serviceId(id).cloudService(changed).ifMatch(etag).build()));
        assertThat(stale.status(), is(412));
        Conditional<CloudService> afterEdit = Conditional.get(() -> anonymous.getServiceWithHttpInfo(
                APIGetServiceRequest.newBuilder().serviceId(id).ifNoneMatch(etag).build()));
        assertThat(afterEdit.notModified(), is(false));
        assertThat(afterEdit.etag(), is(newEtag));
        assertThat(afterEdit.value().getKeywords(), is(List.of("sdk-redigert")));
    }

    @Test
    void anIdempotencyKeyPerRequestReplaysTheFirstAnswer() throws ApiException {
        CallOffsApi callOffs = new CallOffsApi(as(AGENCY, "skymarked:buyer"));
        String key = "sdk-" + UUID.randomUUID();
        CallOff first = callOffs.createCallOff(APICreateCallOffRequest.newBuilder().callOffRequest(smallCallOff("Nøkkel")).idempotencyKey(key).build());
        CallOff replay = callOffs.createCallOff(APICreateCallOffRequest.newBuilder().callOffRequest(smallCallOff("Nøkkel")).idempotencyKey(key).build());
        assertThat(replay.getId(), is(first.getId()));
        assertThat(replay.getCreatedAt(), is(first.getCreatedAt()));

        CallOff otherKey = callOffs.createCallOff(APICreateCallOffRequest.newBuilder().callOffRequest(smallCallOff("Nøkkel"))
                .idempotencyKey("sdk-" + UUID.randomUUID()).build());
        assertThat(otherKey.getId(), not(is(first.getId())));

        ProblemException reused = assertThrows(ProblemException.class, () -> callOffs.createCallOff(APICreateCallOffRequest.newBuilder()
                .callOffRequest(smallCallOff("Et annet oppdrag")).idempotencyKey(key).build()));
        assertThat(reused.status(), is(422));
        assertThat(reused.type(), is("/problems/idempotency-key-reused"));
    }
}
