package no.skymarked.events;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Posts a webhook request and reads the answer: no redirects followed, short timeouts, at most 64 KiB of the body read,
 * and the body read within the request timeout too (a receiver that sends its body a byte at a time is cut off, so one
 * slow receiver cannot hold up the delivery worker).
 */
public final class WebhookSender {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY = 64 * 1024;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final Duration bodyTimeout;

    public WebhookSender() {
        this(REQUEST_TIMEOUT);
    }

    WebhookSender(Duration bodyTimeout) {
        this.bodyTimeout = bodyTimeout;
    }

    /** The receiver's answer: its status and the start of its body. */
    public record Answer(int status, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public Answer post(String url, Map<String, String> headers, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", CloudEvents.MEDIA_TYPE).header("User-Agent", "Skymarked-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            InputStream in = response.body();
            java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
            Thread deadline = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(bodyTimeout);
                    in.close();
                } catch (InterruptedException | IOException done) {
                    // read in time, or closed already
                }
            });
            try (in) {
                byte[] buffer = new byte[8192];
                for (int n; read.size() < MAX_BODY && (n = in.read(buffer, 0, Math.min(buffer.length, MAX_BODY - read.size()))) > 0; ) {
                    read.write(buffer, 0, n);
                }
            } catch (IOException cutOff) {
                // the body did not arrive within the timeout: the status stands, the body is what came
            } finally {
                deadline.interrupt();
            }
            return new Answer(response.statusCode(), read.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a URL the client can send to: " + e.getMessage(), e);
        }
    }
}
