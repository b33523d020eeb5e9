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
    private TestServer server;

    public TestServerExtension() {
        this(Clock.systemUTC());
    }

    public TestServerExtension(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.start(clock);
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
