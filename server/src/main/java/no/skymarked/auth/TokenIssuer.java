package no.skymarked.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import no.skymarked.shared.Json;

/** Makes Maskinporten-shaped access tokens signed with the dev key (dev mode and tests only). */
public record TokenIssuer(DevKeys keys, String issuer, Clock clock) {

    public String issue(String orgNo, Collection<String> scopes, Duration ttl) {
        return issue(orgNo, null, scopes, ttl);
    }

    /** A token naming the person acting ({@code sub}), when {@code subject} is not null. */
    public String issue(String orgNo, String subject, Collection<String> scopes, Duration ttl) {
        Instant now = clock.instant();
        ObjectNode claims = Json.MAPPER.createObjectNode()
                .put("iss", issuer)
                .put("client_id", "dev-" + orgNo)
                .put("scope", String.join(" ", scopes))
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(ttl).getEpochSecond())
                .put("jti", UUID.randomUUID().toString());
        if (subject != null) {
            claims.put("sub", subject);
        }
        claims.putObject("consumer").put("authority", "iso6523-actorid-upis").put("ID", "0192:" + orgNo);
        return Jwt.sign(claims, keys.kid(), keys.privateKey());
    }
}
