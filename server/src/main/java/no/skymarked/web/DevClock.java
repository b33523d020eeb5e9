package no.skymarked.web;

import com.fasterxml.jackson.databind.JsonNode;
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
import no.skymarked.auth.Access;
import no.skymarked.auth.Role;
import no.skymarked.shared.Bodies;
import no.skymarked.shared.Http;
import no.skymarked.shared.ProblemException;

/**
 * Development only ({@code skymarked.dev.clock.enabled}): the server's clock runs at an adjustable offset from
 * real time, so a tour can take a mini-competition past its tender deadline without waiting days.
 * {@code GET /dev/clock} shows it; {@code PUT /dev/clock} with {@code {"now": "…"}} or {@code {"advance": "P7D"}}
 * (an editor's token) moves it. Deadlines, protocol times and the scheduler follow it; token expiry keeps real time.
 */
public final class DevClock extends Clock implements HttpService {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public DevClock(Clock base) {
        this.base = base;
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
                .put("/dev/clock", this::move);
    }

    private void move(ServerRequest req, ServerResponse res) {
        Access.require(req, Access.Rule.anyOf(Role.EDITOR), "move the development clock (editor)");
        JsonNode body = Bodies.object(req);
        try {
            if (body.hasNonNull("now")) {
                Instant target = Instant.parse(body.path("now").asText());
                offset.set(Duration.between(base.instant(), target));
            } else if (body.hasNonNull("advance")) {
                offset.updateAndGet(o -> o.plus(Duration.parse(body.path("advance").asText())));
            } else {
                throw Bodies.invalid("/problems/invalid-body", "/now", "give {\"now\": \"2026-12-20T11:00:00Z\"} or {\"advance\": \"P7D\"}");
            }
        } catch (DateTimeParseException e) {
            throw new ProblemException(422, "/problems/invalid-body", "Invalid body", "now must be an instant (2026-12-20T11:00:00Z)"
                    + " and advance an ISO 8601 duration (P7D, PT1H)", List.of());
        }
        Http.json(res, view());
    }

    private Map<String, String> view() {
        return Map.of("now", instant().toString(), "offset", offset.get().toString());
    }
}
