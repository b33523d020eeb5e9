package no.skymarked.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import no.skymarked.catalogdata.OrganisationNumber;
import no.skymarked.shared.Bodies;
import no.skymarked.shared.Http;
import no.skymarked.shared.Json;
import no.skymarked.shared.ProblemException;

/**
 * {@code POST /dev/tokens}: in development authentication only (never registered otherwise, so 404), and only for a
 * caller on this machine, a token signed with the development key in milliseconds instead of a JVM start per token.
 */
public final class DevTokensService implements HttpService {
    static final Duration MAX_TTL = Duration.ofHours(12);
    private final TokenIssuer issuer;

    public DevTokensService(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/dev/tokens", this::issue);
    }

    private void issue(ServerRequest req, ServerResponse res) {
        if (!fromThisMachine(req)) {
            throw new ProblemException(403, "/problems/forbidden", "Forbidden",
                    "development tokens are made only for callers on the server's own machine", List.of());
        }
        JsonNode body = Bodies.object(req);
        String org = body.path("org").asText("");
        if (!OrganisationNumber.isValid(org)) {
            throw Bodies.invalid("/problems/invalid-orgno", "/org", "'" + org + "' is not a valid organisation number (nine digits, mod 11)");
        }
        List<String> scopes = new ArrayList<>();
        body.path("scopes").forEach(s -> scopes.add(s.asText()));
        if (scopes.isEmpty()) {
            throw Bodies.invalid("/problems/invalid-body", "/scopes", "give one or more scopes, e.g. [\"skymarked:buyer\"]");
        }
        for (int i = 0; i < scopes.size(); i++) {
            if (Role.ofScope(scopes.get(i)).isEmpty()) {
                throw Bodies.invalid("/problems/invalid-body", "/scopes/" + i, "'" + scopes.get(i) + "' is not a Skymarked scope;"
                        + " known: skymarked:buyer, skymarked:supplier, skymarked:editor, skymarked:auditor");
            }
        }
        String sub = body.hasNonNull("sub") ? body.path("sub").asText().strip() : null;
        Duration ttl = ttl(body.path("ttl").asText("PT1H"));
        String token = issuer.issue(org, sub == null || sub.isEmpty() ? null : sub, scopes, ttl);
        res.status(201);
        Http.json(res, Json.MAPPER.createObjectNode().put("token", token).put("tokenType", "Bearer")
                .put("expiresAt", issuer.clock().instant().plus(ttl).toString()));
    }

    private static Duration ttl(String text) {
        try {
            Duration ttl = Duration.parse(text);
            if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
                throw Bodies.invalid("/problems/invalid-body", "/ttl", "between PT1S and " + MAX_TTL);
            }
            return ttl;
        } catch (DateTimeParseException e) {
            throw Bodies.invalid("/problems/invalid-body", "/ttl", "an ISO 8601 duration such as PT1H");
        }
    }

    private static boolean fromThisMachine(ServerRequest req) {
        try {
            return InetAddress.getByName(req.remotePeer().host()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
