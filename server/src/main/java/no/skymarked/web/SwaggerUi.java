package no.skymarked.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

/** Swagger UI from its webjar at {@code /swagger-ui/}, pointed at this server's {@code /openapi}. */
public final class SwaggerUi {
    static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String INITIALIZER = """
            window.onload = function () {
              window.ui = SwaggerUIBundle({
                url: "/openapi?format=json",
                dom_id: "#swagger-ui",
                deepLinking: true,
                persistAuthorization: true,
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                layout: "StandaloneLayout"
              });
            };
            """;

    private SwaggerUi() {
    }

    public static void register(HttpRouting.Builder routing) {
        String version = webjarVersion();
        routing.get("/swagger-ui", (req, res) -> res.status(Status.MOVED_PERMANENTLY_301)
                        .header(HeaderNames.LOCATION, "/swagger-ui/").send())
                .get("/swagger-ui/swagger-initializer.js", (req, res) -> res
                        .header(HeaderNames.CONTENT_TYPE, "text/javascript; charset=UTF-8").send(INITIALIZER))
                .register("/swagger-ui", StaticContentService.builder(WEBJAR + version)
                        .welcomeFileName("index.html")
                        .build());
    }

    private static String webjarVersion() {
        String pom = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
        try (var in = SwaggerUi.class.getClassLoader().getResourceAsStream(pom)) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("Swagger UI webjar not on the classpath", e);
        }
    }
}
