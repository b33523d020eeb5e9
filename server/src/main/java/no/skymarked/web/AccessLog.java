package no.skymarked.web;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import no.skymarked.auth.Principal;

/**
 * One log line per request with its request id: {@code X-Request-Id} as the caller sent it (letters, digits and
 * {@code . _ : -}, at most 128), else a new one, echoed in the response. The line names the method, the path (never
 * the query or a header, so never a token), the status, the time taken and the organisation acting.
 */
public final class AccessLog implements Filter {
    public static final HeaderName X_REQUEST_ID = HeaderNames.create("X-Request-Id");
    static final Logger LOG = Logger.getLogger("no.skymarked.access");
    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String id = req.headers().first(X_REQUEST_ID).filter(v -> USABLE.matcher(v).matches()).orElseGet(() -> UUID.randomUUID().toString());
        res.header(X_REQUEST_ID, id);
        long started = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            long micros = (System.nanoTime() - started) / 1_000;
            String org = req.context().get(Principal.class).filter(Principal::authenticated).map(Principal::orgNo).orElse("-");
            LOG.info(() -> req.prologue().method().text() + " " + req.path().path() + " " + res.status().code() + " "
                    + (micros / 1000) + "." + String.format("%03d", micros % 1000) + " ms request-id=" + id + " org=" + org);
        }
    }
}
