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
import no.skymarked.catalogdata.CatalogueBundle;
import no.skymarked.catalogue.CatalogueHttpService;
import no.skymarked.catalogue.CatalogueLoader;
import no.skymarked.framework.FrameworkHttpService;
import no.skymarked.shared.Database;
import no.skymarked.web.ApiDocsService;
import no.skymarked.web.HealthService;
import no.skymarked.web.ProblemHandlers;
import no.skymarked.web.SwaggerUi;

/** Starts the Skymarked server: config, database, catalogue, routing. */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = Config.create();
        Running running = start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
    }

    /** A started server with what it runs on. */
    public record Running(WebServer server, AppContext context) {
        public int port() {
            return server.port();
        }

        public void stop() {
            server.stop();
            context.db().close();
        }
    }

    public static Running start(Config config, Clock clock) {
        long started = System.nanoTime();
        Path dataDir = Path.of(config.get("skymarked.data.dir").asString().orElse("./data"));
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        Database.Settings settings = Database.settings(config, dataDir);
        return start(config, clock, settings);
    }

    public static Running start(Config config, Clock clock, Database.Settings settings) {
        long started = System.nanoTime();
        DbClient db = Database.open(settings);
        AppContext context = AppContext.create(db, clock);
        if (config.get("skymarked.catalogue.load-demo").asBoolean().orElse(true)) {
            CatalogueLoader.loadIfEmpty(db, CatalogueBundle.fromClasspath(Main.class.getClassLoader()), clock);
        }
        WebServer server = WebServer.builder()
                .config(config.get("server"))
                .routing(routing -> routing(routing, context))
                .build()
                .start();
        LOG.info(() -> String.format("Skymarked is up at http://localhost:%d/ (Swagger UI: /swagger-ui/) in %d ms, database %s",
                server.port(), (System.nanoTime() - started) / 1_000_000, settings.isPostgres() ? "PostgreSQL" : "H2"));
        return new Running(server, context);
    }

    static void routing(HttpRouting.Builder routing, AppContext context) {
        ProblemHandlers.register(routing);
        routing.register(new ApiDocsService())
                .register(new HealthService(context.db()))
                .register(new CatalogueHttpService(context.catalogue()))
                .register(new FrameworkHttpService(context.catalogue()));
        routing.get("/", (req, res) -> res.status(302).header("Location", "/swagger-ui/").send());
        SwaggerUi.register(routing);
        ProblemHandlers.notFoundFallback(routing);
    }
}
