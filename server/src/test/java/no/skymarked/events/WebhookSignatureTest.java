package no.skymarked.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures as the Standard Webhooks reference library verifies them, and the retry schedule. */
class WebhookSignatureTest {

    private static Map<String, List<String>> multi(Map<String, String> headers) {
        Map<String, List<String>> out = new HashMap<>();
        headers.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }

    @Test
    void theReferenceLibraryVerifiesOurSignatureAndRefusesATamperedBody() throws Exception {
        String secret = WebhookSignature.newSecret();
        assertThat(secret, startsWith("whsec_"));
        String body = "{\"specversion\":\"1.0\",\"id\":\"7\"}";
        Map<String, String> headers = WebhookSignature.headers(secret, "7", Instant.now().getEpochSecond(), body);
        new Webhook(secret).verify(body, multi(headers));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(secret).verify(body.replace("7", "8"), multi(headers)));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(WebhookSignature.newSecret()).verify(body, multi(headers)));
    }

    @Test
    void theSignatureIsTheOneTheReferenceLibraryComputes() throws Exception {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        long timestamp = 1_614_265_330L;
        String body = "{\"test\": 2432232314}";
        assertThat(WebhookSignature.headers(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp, body).get("webhook-signature"),
                is(new Webhook(secret).sign("msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp, body)));
    }

    @Test
    void retriesBackOffAndStopAfterTheEighthFailure() {
        assertThat(Backoff.after(1).orElseThrow(), is(Duration.ofSeconds(5)));
        assertThat(Backoff.after(2).orElseThrow(), is(Duration.ofMinutes(5)));
        assertThat(Backoff.after(7).orElseThrow(), is(Duration.ofHours(10)));
        assertThat(Backoff.after(8).isPresent(), is(false));
    }
}
