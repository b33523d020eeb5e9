package no.skymarked.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import no.skymarked.Main;
import no.skymarked.auth.AuthSettings;
import no.skymarked.auth.DevKeys;
import no.skymarked.auth.TokenIssuer;
import no.skymarked.client.api.CallOffsApi;
import no.skymarked.client.api.FrameworksApi;
import no.skymarked.client.api.MiniCompetitionApi;
import no.skymarked.client.api.MiniCompetitionApi.APIAnswerQuestionRequest;
import no.skymarked.client.api.MiniCompetitionApi.APIAskQuestionRequest;
import no.skymarked.client.api.MiniCompetitionApi.APIAwardCallOffRequest;
import no.skymarked.client.api.MiniCompetitionApi.APIConcludeContractRequest;
import no.skymarked.client.api.MiniCompetitionApi.APIPublishCompetitionRequest;
import no.skymarked.client.api.MiniCompetitionApi.APIRecordEvaluationRequest;
import no.skymarked.client.api.MiniCompetitionApi.APISubmitTenderRequest;
import no.skymarked.client.model.AwardRequest;
import no.skymarked.client.model.CallOff;
import no.skymarked.client.model.CallOffRequest;
import no.skymarked.client.model.CompetitionPublication;
import no.skymarked.client.model.ContractRequest;
import no.skymarked.client.model.CriterionScore;
import no.skymarked.client.model.CriterionWeight;
import no.skymarked.client.model.Evaluation;
import no.skymarked.client.model.EvaluationRequest;
import no.skymarked.client.model.Money;
import no.skymarked.client.model.Notice;
import no.skymarked.client.model.PriceModel;
import no.skymarked.client.model.QuestionRequest;
import no.skymarked.client.model.AnswerRequest;
import no.skymarked.client.model.RoleHours;
import no.skymarked.client.model.Tender;
import no.skymarked.client.model.TenderEvaluation;
import no.skymarked.client.model.TenderRate;
import no.skymarked.client.model.TenderRequest;
import no.skymarked.client.support.ProblemException;
import no.skymarked.client.support.SkymarkedClient;
import no.skymarked.shared.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole mini-competition through the generated SDK with three tendering suppliers (the §3.4 tenders, 35/35/30
 * proportional: C wins), a controlled clock carrying it past the deadline and the standstill.
 */
class CompetitionSdkTest {
    private static final String DT2 = "oslo-digitale-tjenester-2";
    private static final String AGENCY = "991825827";
    private static final String A = "922000018";
    private static final String B = "922200009";
    private static final String C = "921900007";
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-12-01T08:00:00Z"));
    private static final Clock CLOCK = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(NOW.get(), zone);
        }

        @Override
        public Instant instant() {
            return NOW.get();
        }
    };
    private static Main.Running server;
    private static Database.Settings database;
    private static TokenIssuer tokens;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Files.createTempDirectory("skymarked-sdk-competition");
        Config config = Config.just(ConfigSources.create(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "skymarked.data.dir", dataDir.toString())));
        database = Database.forTest("sdk-competition-" + UUID.randomUUID());
        server = Main.start(config, CLOCK, database);
        tokens = new TokenIssuer(DevKeys.loadOrCreate(dataDir), AuthSettings.DEV_ISSUER, CLOCK);
    }

    @AfterAll
    static void stop() {
        server.stop();
        Database.dropTestSchema(database);
    }

    private static MiniCompetitionApi as(String orgNo, String scope) {
        return new MiniCompetitionApi(SkymarkedClient.create("http://127.0.0.1:" + server.port(),
                () -> tokens.issue(orgNo, List.of(scope), Duration.ofMinutes(5))));
    }

    private static TenderRequest tender(String rate, String description) {
        return new TenderRequest().rates(List.of(new TenderRate().roleId("ARCHITECT")
                .hourlyRate(new Money().amount(new BigDecimal(rate)).currency("NOK")))).solutionDescription(description);
    }

    private static APISubmitTenderRequest submit(String callOffId, String supplierOrgNo, TenderRequest tender) {
        return APISubmitTenderRequest.newBuilder().callOffId(callOffId).supplierOrgNo(supplierOrgNo).tenderRequest(tender).build();
    }

    private static TenderEvaluation scored(String org, String quality, String environment) {
        return new TenderEvaluation().supplierOrgNo(org).scores(List.of(
                new CriterionScore().criterionId("quality").score(quality).reason("Vurdert mot behovsbeskrivelsen"),
                new CriterionScore().criterionId("environment").score(environment).reason("Vurdert mot miljøkravene")));
    }

    @Test
    void threeSuppliersCompeteAndTheBestTenderIsContracted() throws ApiException {
        ApiClient buyerClient = SkymarkedClient.create("http://127.0.0.1:" + server.port(),
                () -> tokens.issue(AGENCY, List.of("skymarked:buyer"), Duration.ofMinutes(5)));
        new FrameworksApi(buyerClient).accedeToFramework(FrameworksApi.APIAccedeToFrameworkRequest.newBuilder().frameworkId(DT2).build());
        CallOff draft = new CallOffsApi(buyerClient).createCallOff(CallOffsApi.APICreateCallOffRequest.newBuilder()
                .callOffRequest(new CallOffRequest().frameworkId(DT2).lotId("utviklingsmetodikk")
                        .title("Arkitektur for ny saksbehandling").needDescription("Målarkitektur og migreringsplan")
                        .addEstimatedHoursItem(new RoleHours().roleId("ARCHITECT").hours(new BigDecimal("1000")))
                        .requestedRoute(CallOffRequest.RequestedRouteEnum.MINI_COMPETITION)).build());
        assertThat(draft.getStatus(), is(CallOff.StatusEnum.DRAFT));

        MiniCompetitionApi buyer = as(AGENCY, "skymarked:buyer");
        Instant deadline = NOW.get().plus(Duration.ofDays(14));
        CallOff published = buyer.publishCompetition(APIPublishCompetitionRequest.newBuilder().callOffId(draft.getId())
                .competitionPublication(new CompetitionPublication()
                .tenderDeadline(deadline.toString()).priceModel(PriceModel.PROPORTIONAL).voluntaryStandstillDays(3)
                .criteria(List.of(new CriterionWeight().criterionId("price").weight("0.35"),
                        new CriterionWeight().criterionId("quality").weight("0.35"),
                        new CriterionWeight().criterionId("environment").weight("0.30")))).build());
        assertThat(published.getStatus(), is(CallOff.StatusEnum.TENDERING));
        assertThat(published.getCompetition().getInvitedSuppliers(), hasSize(5));

        String question = as(B, "skymarked:supplier").askQuestion(APIAskQuestionRequest.newBuilder().callOffId(draft.getId())
                .questionRequest(new QuestionRequest().question("Er fjernarbeid ok?")).idempotencyKey(UUID.randomUUID().toString()).build()).getId();
        buyer.answerQuestion(APIAnswerQuestionRequest.newBuilder().callOffId(draft.getId()).questionId(question)
                .answerRequest(new AnswerRequest().answer("Ja, inntil 80 %.")).build());
        assertThat(as(C, "skymarked:supplier").listQuestions(draft.getId()).getItems().get(0).getAnswer(), is("Ja, inntil 80 %."));

        Tender receipt = as(A, "skymarked:supplier").submitTender(submit(draft.getId(), A, tender("1200.00", "Løsning A")));
        assertThat(receipt.getSealed(), is(true));
        as(B, "skymarked:supplier").submitTender(submit(draft.getId(), B, tender("1000.00", "Løsning B")));
        as(C, "skymarked:supplier").submitTender(submit(draft.getId(), C, tender("1500.00", "Løsning C")));
        ProblemException sealed = assertThrows(ProblemException.class, () -> buyer.listTenders(draft.getId()));
        assertThat(sealed.status(), is(403));
        assertThat(sealed.type(), is("/problems/tenders-sealed"));

        NOW.set(deadline);
        assertThat(buyer.listTenders(draft.getId()).getItems().stream().map(Tender::getSolutionDescription).toList(),
                containsInAnyOrder("Løsning A", "Løsning B", "Løsning C"));
        Evaluation evaluation = buyer.recordEvaluation(APIRecordEvaluationRequest.newBuilder().callOffId(draft.getId())
                .evaluationRequest(new EvaluationRequest().tenders(List.of(scored(A, "7", "6"), scored(B, "5", "8"), scored(C, "9", "9"))))
                .build());
        assertThat(evaluation.getRanking(), contains(C, B, A));
        assertThat(evaluation.getProposedWinnerOrgNo(), is(C));

        CallOff awarded = buyer.awardCallOff(APIAwardCallOffRequest.newBuilder().callOffId(draft.getId())
                .awardRequest(new AwardRequest().reasons("Best forhold mellom pris og kvalitet").evidenceReceived(true)).build());
        assertThat(awarded.getAwardedSupplierOrgNo(), is(C));
        assertThat(awarded.getAgreedValue().getAmount(), is(new BigDecimal("1500000.00")));
        Notice toB = as(B, "skymarked:supplier").listNotices(draft.getId()).getItems().get(0);
        assertThat(toB.getWinner().getSupplierOrgNo(), is(C));
        assertThat(toB.getWinner().getTotalDisplay(), is("8.18"));
        assertThat(toB.getYours().getRank(), is(2));
        assertThat(toB.getYours().getTotalDisplay(), is("7.65"));

        NOW.set(deadline.plus(Duration.ofDays(6)));
        java.time.OffsetDateTime signed = NOW.get().atOffset(ZoneOffset.UTC);
        CallOff contracted = buyer.concludeContract(APIConcludeContractRequest.newBuilder().callOffId(draft.getId())
                .contractRequest(new ContractRequest().buyerSignedAt(signed).supplierSignedAt(signed)).build());
        assertThat(contracted.getStatus(), is(CallOff.StatusEnum.CONTRACTED));
        assertThat(buyer.exportCallOff(MiniCompetitionApi.APIExportCallOffRequest.newBuilder().callOffId(draft.getId()).build())
                .getProtocol().getVerification().getIntact(), is(true));
    }
}
