package no.skymarked.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.config.Config;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import no.skymarked.auth.Access;
import no.skymarked.auth.AuthSettings;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.shared.Bodies;
import no.skymarked.shared.Http;
import no.skymarked.shared.ProblemException;

/**
 * Development only ({@code skymarked.dev.clock.enabled}): the server's clock runs at an adjustable offset from
 * real time, so a tour can take a mini-competition past its tender deadline without waiting days.
 * {@code GET /dev/clock} shows it; {@code PUT /dev/clock} with {@code {"now": "…"}} or {@code {"advance": "P7D"}}
 * (an editor's token) moves it; {@code DELETE /dev/clock} (an editor's token) sets it back to real time, so a tour that
 * moved it leaves the next run a clean clock. Deadlines, protocol times and the scheduler follow it; token expiry keeps real time.
 */
public final class DevClock extends Clock implements HttpService {
    private static final Logger LOG = Logger.getLogger(DevClock.class.getName());
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public DevClock(Clock base) {
        this.base = base;
    }

    /** Whether the configuration turns the development clock on ({@code skymarked.dev.clock.enabled}). */
    public static boolean enabled(Config config) {
        return config.get("skymarked.dev.clock.enabled").asBoolean().orElse(false);
    }

    /**
     * Why the server must not start with this configuration, or null: a movable clock would let anyone with an editor
     * token move deadlines, so it runs only beside dev authentication (which production turns off).
     */
    public static String refusal(Config config) {
        if (enabled(config) && !AuthSettings.from(config).devMode()) {
            return "refusing to start: skymarked.dev.clock.enabled=true needs skymarked.auth.dev.enabled=true"
                    + " (the development clock must not run in production; turn skymarked.dev.clock.enabled off)";
        }
        return null;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/dev/clock", (req, res) -> Http.json(res, view()))
                .put("/dev/clock", this::move)
                .delete("/dev/clock", this::reset);
    }

    private void reset(ServerRequest req, ServerResponse res) {
        Principal who = Access.require(req, Access.Rule.anyOf(Role.EDITOR), "reset the development clock (editor)");
        Instant real = base.instant();
        Instant from = real.plus(offset.getAndSet(Duration.ZERO));
        LOG.warning(() -> "Development clock reset to real time by " + who.person() + " of " + who.orgNo() + ": from " + from
                + " to " + real);
        Http.json(res, view());
    }

    private void move(ServerRequest req, ServerResponse res) {
        Principal who = Access.require(req, Access.Rule.anyOf(Role.EDITOR), "move the development clock (editor)");
        JsonNode body = Bodies.object(req);
        Instant real = base.instant();
        Instant from;
        Instant to;
        try {
            if (body.hasNonNull("now")) {
                to = Instant.parse(body.path("now").asText());
                from = real.plus(offset.getAndSet(Duration.between(real, to)));
            } else if (body.hasNonNull("advance")) {
                Duration step = Duration.parse(body.path("advance").asText());
                from = real.plus(offset.getAndUpdate(o -> o.plus(step)));
                to = from.plus(step);
            } else {
                throw Bodies.invalid("/problems/invalid-body", "/now", "give {\"now\": \"2026-12-20T11:00:00Z\"} or {\"advance\": \"P7D\"}");
            }
        } catch (DateTimeParseException e) {
            throw new ProblemException(422, "/problems/invalid-body", "Invalid body", "now must be an instant (2026-12-20T11:00:00Z)"
                    + " and advance an ISO 8601 duration (P7D, PT1H)", List.of());
        }
        LOG.warning(() -> "Development clock moved by " + who.person() + " of " + who.orgNo() + ": from " + from + " to " + to
                + " (offset " + offset.get() + ")");
        Http.json(res, view());
    }

    private Map<String, String> view() {
        return Map.of("now", instant().toString(), "offset", offset.get().toString());
    }
}
