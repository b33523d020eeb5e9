package no.skymarked;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Logger;
import no.skymarked.auth.AuthFilter;
import no.skymarked.auth.AuthSettings;
import no.skymarked.auth.MeHttpService;
import no.skymarked.auth.TokenCommand;
import no.skymarked.auth.TokenVerifier;
import no.skymarked.catalogdata.CatalogueBundle;
import no.skymarked.catalogue.CatalogueHttpService;
import no.skymarked.catalogue.CatalogueLoader;
import no.skymarked.framework.AccessionHttpService;
import no.skymarked.calloff.LapseScheduler;
import no.skymarked.transparency.TransparencyHttpService;
import no.skymarked.transparency.TransparencyLog;
import no.skymarked.framework.FrameworkHttpService;
import no.skymarked.shared.Database;
import no.skymarked.web.ApiDocsService;
import no.skymarked.web.DevClock;
import no.skymarked.web.HealthService;
import no.skymarked.web.ProblemHandlers;
import no.skymarked.web.SwaggerUi;

/** Starts the Skymarked server: config, database, catalogue, routing. */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] given) {
        if (given.length > 0 && "audit".equals(given[0])) {
            // offline, on files alone: no configuration, no logging set-up, only its findings on the output
            System.exit(no.skymarked.transparency.AuditCommand.run(given, System.out, System.err));
        }
        LogConfig.configureRuntime();
        boolean debug = java.util.Arrays.asList(given).contains("--debug");
        String[] args = java.util.Arrays.stream(given).filter(a -> !a.equals("--debug")).toArray(String[]::new);
        Config config = Config.create();
        if (args.length > 0 && "token".equals(args[0])) {
            System.exit(TokenCommand.run(args, config, System.out, System.err));
        }
        if (args.length > 0 && "catalogue".equals(args[0])) {
            System.exit(no.skymarked.catalogue.CatalogueCommand.run(args, config, System.out, System.err));
        }
        if (args.length > 0) {
            System.err.println("usage: java -jar skymarked-server.jar [--debug] [token --org <orgNo> --scope <scope> [--ttl PT1H]"
                    + " | catalogue export <dir> | catalogue import <dir> [--dry-run] [--reason TEXT] [--verbose]"
                    + " | audit --export FILE --checkpoint FILE [--key FILE] [--consistency FILE]]");
            System.exit(2);
        }
        // the pool's own report of a database it cannot reach is a stack; the one line below says it (--debug shows all)
        Logger pool = Logger.getLogger("com.zaxxer.hikari");
        java.util.logging.Level poolLevel = pool.getLevel();
        if (!debug) {
            pool.setLevel(java.util.logging.Level.OFF);
        }
        try {
            Running running = start(config, Clock.systemUTC());
            pool.setLevel(poolLevel);
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
        } catch (RuntimeException e) {
            System.err.println(StartupFailure.describe(e));
            if (debug) {
                e.printStackTrace();
            }
            System.exit(1);
        }
    }

    /** A started server with what it runs on. */
    public record Running(WebServer server, AppContext context, LapseScheduler lapses, TransparencyLog transparency,
                          no.skymarked.events.DeliveryScheduler webhooks) {
        public int port() {
            return server.port();
        }

        public void stop() {
            lapses.close();
            transparency.close();
            webhooks.close();
            server.stop();
            context.db().close();
        }
    }

    public static Running start(Config config, Clock clock) {
        return start(config, clock, Database.settings(config, dataDir(config)));
    }

    public static Running start(Config config, Clock realClock, Database.Settings settings) {
        long started = System.nanoTime();
        String refusal = DevClock.refusal(config);
        if (refusal != null) {
            throw new StartupFailure(refusal);
        }
        no.skymarked.ocds.OcdsSettings ocds = ocdsSettings(config);
        StartupFailure.requirePortFree(config);
        Clock clock = DevClock.enabled(config) ? new DevClock(realClock) : realClock;
        Path dataDir = dataDir(config);
        // token expiry follows real time, also when the development clock has been moved
        TokenVerifier verifier = AuthSettings.from(config).verifier(dataDir, realClock);
        var kek = no.skymarked.calloff.TenderCustody.kek(config, dataDir);  // before the database: without one, no start
        DbClient db = Database.open(settings);
        Path tenderKeys = Path.of(config.get("skymarked.tenders.key.dir").asString().orElse(dataDir.resolve("tender-keys").toString()));
        // webhooks may go to loopback and private addresses only in development (skymarked.webhooks.private.allowed)
        boolean privateWebhookTargets = config.get("skymarked.webhooks.private.allowed").asBoolean()
                .orElse(AuthSettings.from(config).devMode());
        AppContext context = AppContext.create(db, settings.isPostgres(), clock, verifier, kek, tenderKeys,
                config.get("skymarked.search.cache.entries").asInt().orElse(no.skymarked.catalogue.CatalogueRepository.DEFAULT_SEARCH_CACHE), realClock,
                privateWebhookTargets);
        if (config.get("skymarked.catalogue.demo.enabled").asBoolean().orElse(true)) {
            CatalogueLoader.loadIfEmpty(db, CatalogueBundle.fromClasspath(Main.class.getClassLoader()), clock);
        }
        context.catalogue().warmSearch();
        TransparencyLog transparency = TransparencyLog.open(db, kek, clock,
                config.get("skymarked.transparency.origin").asString().orElse("skymarked/protocol-log"),
                config.get("skymarked.transparency.checkpoint.max-age").as(java.time.Duration.class).orElse(java.time.Duration.ofSeconds(30)),
                config.get("skymarked.transparency.period").as(java.time.Duration.class).orElse(java.time.Duration.ofSeconds(1)));
        WebServer server = WebServer.builder()
                .config(config.get("server"))
                .routing(routing -> {
                    AuthSettings auth = AuthSettings.from(config);
                    routing(routing, context, transparency, accessLogEnabled(config), auth.devMode(), ocds);
                    if (auth.devMode()) {
                        // development authentication only: tokens over HTTP for tours and Swagger UI (else 404)
                        routing.register(new no.skymarked.auth.DevTokensService(
                                new no.skymarked.auth.TokenIssuer(no.skymarked.auth.DevKeys.loadOrCreate(dataDir), auth.issuer(), realClock)));
                    }
                    ProblemHandlers.notFoundFallback(routing);
                })
                .build()
                .start();
        if (server.port() < 0) {
            throw new StartupFailure("the web server did not start on port " + config.get("server.port").asInt().orElse(8080)
                    + ": see the log above");
        }
        boolean devAuth = AuthSettings.from(config).devMode();
        LOG.info(() -> String.format("Skymarked is up at http://localhost:%d/ (Swagger UI: /swagger-ui/) in %d ms; database %s,"
                        + " data directory %s, authentication %s, development clock %s",
                server.port(), (System.nanoTime() - started) / 1_000_000, settings.isPostgres() ? "PostgreSQL" : "H2 (embedded)",
                dataDir.toAbsolutePath().normalize(), devAuth ? "development keys (not for production)" : "Maskinporten-style JWKS",
                clock instanceof DevClock ? "ON (PUT /dev/clock moves it)" : "off"));
        java.time.Duration lapsePeriod = config.get("skymarked.calloffs.lapse.period").as(java.time.Duration.class)
                .orElse(java.time.Duration.ofSeconds(30));
        java.time.Duration webhookPeriod = config.get("skymarked.webhooks.delivery.period").as(java.time.Duration.class)
                .orElse(java.time.Duration.ofSeconds(5));
        return new Running(server, context, new LapseScheduler(context.callOffs().deadlines(), lapsePeriod), transparency,
                new no.skymarked.events.DeliveryScheduler(context.events().delivery(), webhookPeriod));
    }

    private static Path dataDir(Config config) {
        Path dataDir = Path.of(config.get("skymarked.data.dir").asString().orElse("./data"));
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        return dataDir;
    }

    /** The open contracting data settings; an ocid prefix that is not {@code ocds-} and six letters or digits stops the start. */
    private static no.skymarked.ocds.OcdsSettings ocdsSettings(Config config) {
        try {
            return no.skymarked.ocds.web.OcdsHttpService.settings(config);
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("skymarked.ocds.prefix: " + e.getMessage());
        }
    }

    /**
     * {@code skymarked.access-log.enabled}; the environment variable the README names, SKYMARKED_ACCESS_LOG_ENABLED,
     * reaches Helidon's config as {@code skymarked.access.log.enabled} (a dash needs {@code _dash_}), so that is read too.
     */
    static boolean accessLogEnabled(Config config) {
        return config.get("skymarked.access-log.enabled").asBoolean()
                .orElseGet(() -> config.get("skymarked.access.log.enabled").asBoolean().orElse(true));
    }

    static void routing(HttpRouting.Builder routing, AppContext context, TransparencyLog transparency, boolean accessLog,
                        boolean devAuth, no.skymarked.ocds.OcdsSettings ocds) {
        no.skymarked.calloff.web.CallOffProblems.register(routing);
        ProblemHandlers.register(routing);
        if (accessLog) {
            routing.addFilter(new no.skymarked.web.AccessLog());
        }
        routing.addFilter(new AuthFilter(context.tokens()));
        routing.register(new ApiDocsService())
                .register(new MeHttpService())
                .register(new HealthService(context.db(), context.catalogue()))
                .register(new CatalogueHttpService(context.catalogue(),
                        new no.skymarked.catalogue.CatalogueEditing(context.db(), context.catalogue(), context.clock()),
                        new no.skymarked.catalogue.SupplierEditing(context.db(), context.catalogue(), context.clock())))
                .register(new FrameworkHttpService(context.catalogue(),
                        new no.skymarked.framework.FrameworkEditing(context.db(), context.catalogue(), context.clock())))
                .register(new no.skymarked.catalogue.CatalogueTransferHttpService(
                        new no.skymarked.catalogue.CatalogueTransfer(context.db(), context.clock())))
                .register(new AccessionHttpService(context.catalogue(), context.accessions(), context.clock()))
                .register(new no.skymarked.calloff.web.CallOffHttpService(context.callOffs()))
                .register(new no.skymarked.calloff.web.CompetitionHttpService(context.callOffs(), transparency))
                .register(new TransparencyHttpService(transparency, context.callOffs()))
                .register(new no.skymarked.events.EventsHttpService(context.events().feed()))
                .register(new no.skymarked.events.WebhookHttpService(context.events().subscriptions()));
        var ocdsStore = new no.skymarked.ocds.store.OcdsStore(context.db());
        routing.register(new no.skymarked.ocds.web.OcdsHttpService(new no.skymarked.ocds.Publication(ocdsStore,
                new no.skymarked.ocds.store.FactsReader(ocdsStore, context.callOffs().publicRecord()),
                new no.skymarked.ocds.Ocid(ocds.prefix())), ocds, context.clock()));
        if (context.clock() instanceof DevClock devClock) {
            routing.register(devClock);
        }
        routing.register(new no.skymarked.web.ProblemPages(no.skymarked.shared.RequestSchemas.spec()));
        routing.get("/", (req, res) -> res.status(302).header("Location", "/swagger-ui/").send());
        SwaggerUi.register(routing, devAuth);
    }
}
