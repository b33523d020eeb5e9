package no.skymarked.examples.agency;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import no.skymarked.client.ApiClient;
import no.skymarked.client.ApiException;
import no.skymarked.client.api.CallOffsApi;
import no.skymarked.client.api.CallOffsApi.APICreateCallOffRequest;
import no.skymarked.client.api.CatalogueApi;
import no.skymarked.client.api.CatalogueApi.APISearchServicesRequest;
import no.skymarked.client.api.FrameworksApi;
import no.skymarked.client.api.FrameworksApi.APIAccedeToFrameworkRequest;
import no.skymarked.client.model.CallOff;
import no.skymarked.client.model.CallOffRequest;
import no.skymarked.client.model.CloudService;
import no.skymarked.client.model.FacetCount;
import no.skymarked.client.model.RoleHours;
import no.skymarked.client.model.ServiceCategory;
import no.skymarked.client.model.ServiceSearchPage;
import no.skymarked.client.support.Paging;
import no.skymarked.client.support.ProblemException;
import no.skymarked.client.support.SkymarkedClient;

/**
 * What an agency's system does with the Skymarked SDK: finds SaaS services with facets, pages through every service
 * stored in Norway, calls off 120 developer hours under a framework with an idempotency key (a retry gives the same
 * call-off), and handles the refusal of a call-off too large for direct award by asking for a mini-competition.
 *
 * <p>Run it against a server: {@code java … AgencyApp http://localhost:8080} with a buyer token in
 * {@code SKYMARKED_TOKEN} (e.g. {@code bin/dev token --org 991825827 --scope skymarked:buyer}).
 */
public final class AgencyApp {
    static final String FRAMEWORK = "oslo-digitale-tjenester-2";
    static final String LOT = "programmering";

    private final ApiClient client;
    private final PrintStream out;

    public AgencyApp(ApiClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    public static void main(String[] args) throws ApiException {
        String baseUri = args.length > 0 ? args[0] : System.getenv().getOrDefault("SKYMARKED_URL", "http://localhost:8080");
        String token = System.getenv("SKYMARKED_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("Set SKYMARKED_TOKEN to a buyer token, e.g. $(bin/dev token --org 991825827 --scope skymarked:buyer)");
            System.exit(2);
        }
        new AgencyApp(SkymarkedClient.create(baseUri, () -> token), System.out).run();
    }

    public void run() throws ApiException {
        searchWithFacets();
        pageThroughNorway();
        callOffWithIdempotencyKey();
        handleTheThresholdRefusal();
    }

    void searchWithFacets() throws ApiException {
        CatalogueApi catalogue = new CatalogueApi(client);
        ServiceSearchPage page = catalogue.searchServices(APISearchServicesRequest.newBuilder()
                .category(List.of(ServiceCategory.SAAS)).dataLocation(List.of("NO")).limit(3).build());
        out.println("SaaS stored in Norway, first page: " + page.getItems().stream().map(CloudService::getId)
                .collect(Collectors.joining(", ")));
        out.println("  by supplier: " + facets(page.getFacets().getSupplier()));
        out.println("  by certification: " + facets(page.getFacets().getCertification()));
    }

    private static String facets(List<FacetCount> counts) {
        return counts.stream().map(f -> f.getKey() + "=" + f.getCount()).collect(Collectors.joining(" "));
    }

    void pageThroughNorway() {
        CatalogueApi catalogue = new CatalogueApi(client);
        APISearchServicesRequest.Builder norway = APISearchServicesRequest.newBuilder().dataLocation(List.of("NO")).limit(5);
        long count = Paging.stream(cursor -> catalogue.searchServices(norway.cursor(cursor).build()),
                ServiceSearchPage::getItems, ServiceSearchPage::getNextCursor).count();
        out.println("Services stored in Norway (pages of 5): " + count);
    }

    void callOffWithIdempotencyKey() throws ApiException {
        new FrameworksApi(client).accedeToFramework(APIAccedeToFrameworkRequest.newBuilder().frameworkId(FRAMEWORK).build());
        CallOffsApi callOffs = new CallOffsApi(client);
        // one key per business operation, stored with it: a retry after a timeout sends the same key and body
        String key = "agency-app-" + UUID.randomUUID();
        APICreateCallOffRequest request = APICreateCallOffRequest.newBuilder()
                .callOffRequest(callOff("Nytt søknadsskjema", "120")).idempotencyKey(key).build();
        CallOff created = callOffs.createCallOff(request);
        CallOff retried = callOffs.createCallOff(request);
        out.println("Call-off " + created.getId() + ": " + created.getRoute() + ", " + created.getStatus()
                + ", " + created.getTotalHours() + " hours, estimated " + created.getEstimatedValue().getAmount()
                + " " + created.getEstimatedValue().getCurrency());
        out.println("Retry with the same Idempotency-Key: " + (retried.getId().equals(created.getId()) ? "the same call-off" : "ANOTHER call-off"));
    }

    void handleTheThresholdRefusal() throws ApiException {
        CallOffsApi callOffs = new CallOffsApi(client);
        CallOffRequest large = callOff("Ny saksbehandlingsløsning", "400");
        try {
            callOffs.createCallOff(APICreateCallOffRequest.newBuilder().callOffRequest(large)
                    .idempotencyKey("agency-app-" + UUID.randomUUID()).build());
            out.println("A call-off of 400 hours was accepted for direct award");
        } catch (ProblemException problem) {
            out.println("Refused: " + problem.status() + " " + problem.type() + " (" + problem.title() + ")");
            if (problem.is("/problems/threshold-requires-mini-competition")) {
                CallOff draft = callOffs.createCallOff(APICreateCallOffRequest.newBuilder()
                        .callOffRequest(large.requestedRoute(CallOffRequest.RequestedRouteEnum.MINI_COMPETITION))
                        .idempotencyKey("agency-app-" + UUID.randomUUID()).build());
                out.println("As a mini-competition instead: " + draft.getId() + " " + draft.getRoute() + ", " + draft.getStatus());
            }
        }
    }

    private static CallOffRequest callOff(String title, String hours) {
        return new CallOffRequest().frameworkId(FRAMEWORK).lotId(LOT).title(title)
                .needDescription("Utvikling og test, med universell utforming")
                .estimatedHours(List.of(new RoleHours().roleId("DEVELOPER").hours(new BigDecimal(hours))));
    }
}
