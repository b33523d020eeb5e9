package no.skymarked;

import io.restassured.RestAssured;
import java.time.Clock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real server per test class, with rest-assured pointed at it:
 * {@code @RegisterExtension static final TestServerExtension SERVER = new TestServerExtension();}
 */
public final class TestServerExtension implements BeforeAllCallback, AfterAllCallback {
    private final Clock clock;
    private final java.util.Map<String, String> settings;
    private TestServer server;

    public TestServerExtension() {
        this(Clock.systemUTC());
    }

    public TestServerExtension(Clock clock) {
        this(clock, java.util.Map.of());
    }

    /** A server with these configuration settings added (e.g. {@code skymarked.auth.jwks.url}). */
    public TestServerExtension(Clock clock, java.util.Map<String, String> settings) {
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.start(clock, settings);
        RestAssured.port = server.port();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    public TestServer server() {
        return server;
    }
}
