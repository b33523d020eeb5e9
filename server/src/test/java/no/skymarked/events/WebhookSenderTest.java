package no.skymarked.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A receiver that answers at once but sends its body a byte at a time is cut off at the timeout. */
class WebhookSenderTest {
    @Test
    void aBodyThatNeverEndsIsCutOffAtTheTimeoutAndTheStatusStands() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                for (int i = 0; i < 300; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException | java.io.IOException stopped) {
                // the sender went away
            }
            exchange.close();
        });
        server.createContext("/quick", exchange -> {
            byte[] body = "{\"challenge\":\"abc\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        try {
            WebhookSender sender = new WebhookSender(Duration.ofMillis(700));
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            long started = System.nanoTime();
            WebhookSender.Answer slow = sender.post(base + "/slow", Map.of(), "{}");
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(slow.status(), is(200));
            assertThat("cut off near the timeout, not after the 30 s the body would take", tookMs, lessThan(10_000L));
            assertThat(sender.post(base + "/quick", Map.of(), "{}").body(), is("{\"challenge\":\"abc\"}"));
        } finally {
            server.stop(0);
        }
    }
}
