package no.skymarked.web;

import io.helidon.http.HttpException;
import io.helidon.webserver.http.HttpRouting;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import no.skymarked.shared.Http;
import no.skymarked.shared.Problem;
import no.skymarked.shared.ProblemException;

/** Maps every error to {@code application/problem+json}; nothing leaks a stack trace. */
public final class ProblemHandlers {
    private static final Logger LOG = Logger.getLogger(ProblemHandlers.class.getName());

    private ProblemHandlers() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(ProblemException.class, (req, res, e) -> {
                    if (e.status() == 401) {
                        res.header(io.helidon.http.HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"skymarked\"");
                    }
                    Http.problem(req, res, e.toProblem(req.path().path()));
                })
                .error(HttpException.class, (req, res, e) -> {
                    int status = e.status().code();
                    Http.problem(req, res, new Problem("/problems/http-" + status, e.status().reasonPhrase(), status,
                            status >= 500 ? "The request could not be handled." : e.getMessage(), req.path().path(), null));
                })
                .error(Exception.class, (req, res, e) -> {
                    LOG.log(Level.SEVERE, "Unhandled error on " + req.prologue().method() + " " + req.path().path(), e);
                    Http.problem(req, res, new Problem("/problems/internal-error", "Internal error", 500,
                            "The request could not be handled; the error is logged.", req.path().path(), null));
                });
    }

    /**
     * The last route: a path of the API asked with a method it does not allow is a 405 problem with {@code Allow};
     * anything else not matched before is a 404 problem.
     */
    public static void notFoundFallback(HttpRouting.Builder routing) {
        SpecPaths paths = new SpecPaths(no.skymarked.shared.RequestSchemas.spec());
        routing.any((req, res) -> {
            String path = req.path().path();
            var allowed = paths.allowed(path);
            String method = req.prologue().method().text();
            if (allowed.isPresent() && !allowed.get().contains(method)) {
                res.header(io.helidon.http.HeaderNames.ALLOW, String.join(", ", allowed.get()));
                Http.problem(req, res, new Problem("/problems/method-not-allowed", "Method not allowed", 405,
                        method + " is not allowed on " + path + "; allowed: " + String.join(", ", allowed.get()), path, List.of()));
                return;
            }
            Http.problem(req, res, new Problem("/problems/not-found", "Not found", 404, "No resource at " + path, path, List.of()));
        });
    }
}
