package no.skymarked.auth;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import no.skymarked.shared.Http;

/** {@code GET /v1/me}: who the server takes the caller to be (organisation, roles, client, person). */
public final class MeHttpService implements HttpService {
    @Override
    public void routing(HttpRules rules) {
        rules.get("/v1/me", this::me);
    }

    private void me(ServerRequest req, ServerResponse res) {
        Principal p = Access.require(req, Access.Rule.authenticated(), "tells who the token belongs to");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orgNo", p.orgNo());
        body.put("roles", p.roles().stream().map(Enum::name).sorted().toList());
        body.put("clientId", p.clientId());
        if (p.subject() != null) {
            body.put("subject", p.subject());
        }
        if (p.person() != null) {
            body.put("person", p.person());
        }
        Http.json(res, body);
    }
}
