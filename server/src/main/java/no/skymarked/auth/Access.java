package no.skymarked.auth;

import io.helidon.webserver.http.ServerRequest;
import no.skymarked.shared.ProblemException;

/**
 * The one authorisation model every handler uses: a rule over the caller; refusal is 401 when nobody is
 * authenticated and 403 when the caller is known but not allowed.
 */
public final class Access {
    private Access() {
    }

    /** Who may do something. */
    @FunctionalInterface
    public interface Rule {
        boolean allows(Principal principal);

        static Rule anyone() {
            return p -> true;
        }

        static Rule authenticated() {
            return Principal::authenticated;
        }

        static Rule anyOf(Role... roles) {
            return p -> java.util.Arrays.stream(roles).anyMatch(p::has);
        }
    }

    public static Principal principal(ServerRequest req) {
        return req.context().get(Principal.class).orElse(Principal.ANONYMOUS);
    }

    /** The caller, if {@code rule} allows it; otherwise a 401 or 403 problem naming what was needed. */
    public static Principal require(ServerRequest req, Rule rule, String needed) {
        Principal principal = principal(req);
        if (rule.allows(principal)) {
            return principal;
        }
        if (!principal.authenticated()) {
            throw new Unauthenticated(needed);
        }
        throw new ProblemException(403, "/problems/forbidden", "Forbidden",
                "organisation " + principal.orgNo() + " with roles " + principal.roles() + " may not do this: " + needed,
                java.util.List.of());
    }

    /** 401 for a request that needs a token and has none. */
    public static final class Unauthenticated extends ProblemException {
        public Unauthenticated(String needed) {
            super(401, "/problems/unauthorized", "Unauthorized", "a bearer token is required: " + needed, java.util.List.of());
        }
    }
}
