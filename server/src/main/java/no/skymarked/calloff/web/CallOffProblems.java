package no.skymarked.calloff.web;

import io.helidon.webserver.http.HttpRouting;
import java.util.List;
import no.skymarked.calloff.application.Refusal;
import no.skymarked.calloff.domain.IllegalTransition;
import no.skymarked.shared.Http;
import no.skymarked.shared.Problem;

/** Refusals of the call-off use cases and illegal status transitions as RFC 9457 problems. */
public final class CallOffProblems {
    private CallOffProblems() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(Refusal.class, (req, res, e) -> Http.problem(req, res, problem(e, req.path().path())))
                .error(IllegalTransition.class, (req, res, e) -> Http.problem(req, res, new Problem("/problems/invalid-status",
                        "Not possible now", 409, e.getMessage(), req.path().path(), null)));
    }

    static Problem problem(Refusal r, String instance) {
        int status = switch (r.kind()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case PRECONDITION_FAILED -> 412;
            case PRECONDITION_REQUIRED -> 428;
            case UNAVAILABLE -> 503;
        };
        List<Problem.FieldError> errors = r.fields().stream().map(f -> Problem.FieldError.pointer(f.pointer(), f.detail())).toList();
        return new Problem(r.type(), no.skymarked.shared.ProblemTitles.specific(r.type(), r.title()), status, r.getMessage(), instance, errors.isEmpty() ? null : errors,
                java.util.Map.copyOf(r.members()));
    }
}
