package no.skymarked.auth;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.logging.Logger;
import no.skymarked.shared.Http;
import no.skymarked.shared.Problem;

/**
 * Authenticates every request that carries {@code Authorization: Bearer …}; a request without it is anonymous.
 * A token that is present but not good is refused with 401 on every path, public or not.
 */
public final class AuthFilter implements Filter {
    private static final Logger LOG = Logger.getLogger(AuthFilter.class.getName());
    private final TokenVerifier verifier;

    public AuthFilter(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String authorization = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
        if (authorization == null) {
            req.context().register(Principal.ANONYMOUS);
            chain.proceed();
            return;
        }
        try {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new AuthenticationFailed("Authorization must use the Bearer scheme");
            }
            req.context().register(verifier.verify(authorization.substring(7).strip()));
        } catch (AuthenticationFailed e) {
            // Logged with the reason only: never the token.
            LOG.info(() -> "Refused a bearer token on " + req.prologue().method().text() + " " + req.path().path()
                    + " from " + req.remotePeer().host() + ": " + e.getMessage());
            unauthorized(req, res, "invalid_token", e.getMessage());
            return;
        }
        chain.proceed();
    }

    static void unauthorized(io.helidon.webserver.http.ServerRequest req, io.helidon.webserver.http.ServerResponse res,
                             String error, String reason) {
        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"skymarked\""
                + (error == null ? "" : ", error=\"" + error + "\", error_description=\"" + reason.replace("\"", "'") + "\""));
        Http.problem(req, res, new Problem("/problems/unauthorized", "Unauthorized", 401, reason, req.path().path(), null));
    }
}
