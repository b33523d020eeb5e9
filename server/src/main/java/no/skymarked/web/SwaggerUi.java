package no.skymarked.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

/**
 * Swagger UI from its webjar at {@code /swagger-ui/}, pointed at this server's {@code /openapi}. With development
 * authentication (and only then) its Authorize dialog can also fetch a development token from {@code POST /dev/tokens}
 * for an organisation and scopes, and authorises with it.
 */
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
                plugins: [SwaggerUIBundle.plugins.DownloadUrl%s],
                layout: "StandaloneLayout"
              });
            };
            """;

    /**
     * Development authentication only: below the bearer field of the Authorize dialog, an organisation number, scopes
     * and a button that asks {@code POST /dev/tokens} for a token and authorises with it.
     */
    private static final String DEV_TOKEN_PLUGIN = """
            // Development authentication only (this server issues development tokens): the Authorize dialog fetches one
            function skymarkedDevToken(name) {
              var org = document.getElementById("dev-token-org").value.trim();
              var scopes = document.getElementById("dev-token-scopes").value.split(/[\\s,]+/).filter(Boolean);
              var status = document.getElementById("dev-token-status");
              status.textContent = "";
              fetch("/dev/tokens", {
                method: "POST",
                headers: {"Content-Type": "application/json", "Accept": "application/json"},
                body: JSON.stringify({org: org, scopes: scopes})
              }).then(function (response) {
                return response.json().then(function (body) { return {ok: response.ok, body: body}; });
              }).then(function (answer) {
                if (!answer.ok) {
                  status.textContent = (answer.body.title || "Refused") + ": " + (answer.body.detail || "");
                  return;
                }
                window.ui.preauthorizeApiKey(name, answer.body.token);
              }).catch(function (error) {
                status.textContent = "No development token: " + error;
              });
            }
            var SkymarkedDevTokenPlugin = function () {
              return {
                wrapComponents: {
                  HttpAuth: function (Original, system) {
                    var h = system.React.createElement;
                    return function (props) {
                      var own = h(Original, props);
                      if (!props.schema || props.schema.get("scheme") !== "bearer") {
                        return own;
                      }
                      return h("div", null, own, h("div", {className: "dev-token"},
                        h("h4", null, "Development token (development authentication only)"),
                        h("p", null, "Asks POST /dev/tokens of this server for a token of the organisation with the scopes,"
                          + " and authorises with it."),
                        h("div", {className: "wrapper"}, h("label", {htmlFor: "dev-token-org"}, "Organisation number:"),
                          h("input", {id: "dev-token-org", type: "text", defaultValue: "991825827"})),
                        h("div", {className: "wrapper"}, h("label", {htmlFor: "dev-token-scopes"}, "Scopes:"),
                          h("input", {id: "dev-token-scopes", type: "text", defaultValue: "skymarked:buyer"})),
                        h("button", {id: "dev-token-fetch", type: "button", className: "btn",
                          onClick: function () { skymarkedDevToken(props.name); }}, "Get a development token"),
                        h("div", {id: "dev-token-status", className: "errors"})));
                    };
                  }
                }
              };
            };
            """;

    private SwaggerUi() {
    }

    /** {@code devTokens}: development authentication is on, so the Authorize dialog offers development tokens. */
    public static void register(HttpRouting.Builder routing, boolean devTokens) {
        String version = webjarVersion();
        String initializer = devTokens
                ? DEV_TOKEN_PLUGIN + INITIALIZER.formatted(", SkymarkedDevTokenPlugin")
                : INITIALIZER.formatted("");
        routing.get("/swagger-ui", (req, res) -> res.status(Status.MOVED_PERMANENTLY_301)
                        .header(HeaderNames.LOCATION, "/swagger-ui/").send())
                .get("/swagger-ui/swagger-initializer.js", (req, res) -> res
                        .header(HeaderNames.CONTENT_TYPE, "text/javascript; charset=UTF-8").send(initializer))
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
