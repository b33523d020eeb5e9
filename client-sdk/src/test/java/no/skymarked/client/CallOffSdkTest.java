package no.skymarked.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.skymarked.Main;
import no.skymarked.auth.AuthSettings;
import no.skymarked.auth.DevKeys;
import no.skymarked.auth.TokenIssuer;
import no.skymarked.client.api.CallOffsApi;
import no.skymarked.client.api.CallOffsApi.APICreateCallOffRequest;
import no.skymarked.client.api.CallOffsApi.APIRespondToOfferRequest;
import no.skymarked.client.api.FrameworksApi;
import no.skymarked.client.model.CallOff;
import no.skymarked.client.model.CallOffRequest;
import no.skymarked.client.model.FrameworkLot;
import no.skymarked.client.model.LotSupplier;
import no.skymarked.client.model.Offer;
import no.skymarked.client.model.OfferAnswer;
import no.skymarked.client.model.Protocol;
import no.skymarked.client.model.RoleHours;
import no.skymarked.client.support.ProblemException;
import no.skymarked.client.support.SkymarkedClient;
import no.skymarked.shared.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end through the generated SDK: accede, call off 200 h, rank 1 declines, rank 2 accepts, protocol verifies. */
class CallOffSdkTest {
    private static final String DT2 = "oslo-digitale-tjenester-2";
    private static final String AGENCY = "991825827";
    private static Main.Running server;
    private static Database.Settings database;
    private static TokenIssuer tokens;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Files.createTempDirectory("skymarked-sdk-calloff");
        Config config = Config.just(ConfigSources.create(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "skymarked.data.dir", dataDir.toString())));
        database = Database.forTest("sdk-calloff-" + UUID.randomUUID());
        server = Main.start(config, Clock.systemUTC(), database);
        tokens = new TokenIssuer(DevKeys.loadOrCreate(dataDir), AuthSettings.DEV_ISSUER, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.stop();
        Database.dropTestSchema(database);
    }

    private static ApiClient as(String orgNo, String scope) {
        return SkymarkedClient.create("http://127.0.0.1:" + server.port(),
                () -> tokens.issue(orgNo, List.of(scope), Duration.ofMinutes(5)));
    }

    @Test
    void accedeCallOffDeclineThenAccept() throws ApiException {
        ApiClient buyer = as(AGENCY, "skymarked:buyer");
        FrameworksApi frameworks = new FrameworksApi(buyer);
        FrameworkLot lot = frameworks.getFramework(FrameworksApi.APIGetFrameworkRequest.newBuilder().frameworkId(DT2).build()).getLots().stream()
                .filter(l -> l.getId().equals("programmering")).findFirst().orElseThrow();
        List<String> ranked = lot.getSuppliers().stream()
                .sorted(java.util.Comparator.comparing(LotSupplier::getRank))
                .map(LotSupplier::getOrgNo).toList();

        assertThat(frameworks.accedeToFramework(FrameworksApi.APIAccedeToFrameworkRequest.newBuilder().frameworkId(DT2).build())
                .getAgencyOrgNo(), is(AGENCY));

        CallOffsApi callOffs = new CallOffsApi(buyer);
        CallOff created = callOffs.createCallOff(APICreateCallOffRequest.newBuilder().callOffRequest(new CallOffRequest()
                        .frameworkId(DT2).lotId("programmering")
                        .title("Skjemaløsning for tilskudd").needDescription("Utvikle og teste et nytt søknadsskjema")
                        .estimatedHours(List.of(new RoleHours().roleId("DEVELOPER").hours(new BigDecimal("200")))))
                .idempotencyKey("sdk-" + UUID.randomUUID()).build());
        assertThat(created.getRoute(), is(CallOff.RouteEnum.DIRECT_AWARD));
        assertThat(created.getStatus(), is(CallOff.StatusEnum.OFFERED));

        CallOffsApi rank1 = new CallOffsApi(as(ranked.get(0), "skymarked:supplier"));
        Offer first = rank1.listOffers(created.getId()).getItems().get(0);
        rank1.respondToOffer(APIRespondToOfferRequest.newBuilder().callOffId(created.getId()).offerId(first.getId())
                .offerAnswer(new OfferAnswer().decision(OfferAnswer.DecisionEnum.DECLINE).reason(OfferAnswer.ReasonEnum.NO_CAPACITY)).build());

        CallOffsApi rank2 = new CallOffsApi(as(ranked.get(1), "skymarked:supplier"));
        Offer second = rank2.listOffers(created.getId()).getItems().get(0);
        assertThat(second.getRank(), is(2));
        CallOff awarded = rank2.respondToOffer(APIRespondToOfferRequest.newBuilder().callOffId(created.getId()).offerId(second.getId())
                .offerAnswer(new OfferAnswer().decision(OfferAnswer.DecisionEnum.ACCEPT)).build());
        assertThat(awarded.getStatus(), is(CallOff.StatusEnum.AWARDED));
        assertThat(awarded.getAwardedSupplierOrgNo(), is(ranked.get(1)));

        BigDecimal rate = frameworks.getFrameworkPriceLists(DT2).getLots().stream()
                .filter(l -> l.getLotId().equals("programmering")).findFirst().orElseThrow().getSuppliers().stream()
                .filter(s -> s.getOrgNo().equals(ranked.get(1))).findFirst().orElseThrow().getRates().stream()
                .filter(r -> r.getRoleId().equals("DEVELOPER")).findFirst().orElseThrow().getHourlyRate().getAmount();
        assertThat(awarded.getAgreedValue().getAmount(), is(rate.multiply(new BigDecimal("200")).setScale(2)));

        Protocol protocol = callOffs.getCallOffProtocol(created.getId());
        assertThat(protocol.getVerification().getIntact(), is(true));
        assertThat(protocol.getEvents().stream().map(e -> e.getType()).toList(),
                contains("CALL_OFF_CREATED", "ROUTE_DECIDED", "OFFERED", "DECLINED", "OFFERED", "ACCEPTED", "AWARDED"));

        ProblemException overThreshold = assertThrows(ProblemException.class, () -> callOffs.createCallOff(
                APICreateCallOffRequest.newBuilder().callOffRequest(new CallOffRequest()
                        .frameworkId(DT2).lotId("programmering").title("Stort prosjekt").needDescription("For stort")
                        .estimatedHours(List.of(new RoleHours().roleId("DEVELOPER").hours(new BigDecimal("251"))))).build()));
        assertThat(overThreshold.status(), is(422));
        assertThat(overThreshold.type(), is("/problems/threshold-requires-mini-competition"));
    }
}
