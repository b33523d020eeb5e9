package no.skymarked.shared;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Small helpers every handler uses to answer in JSON and problem+json. */
public final class Http {
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private Http() {
    }

    public static void json(ServerResponse res, Object body) {
        res.header(HeaderNames.CONTENT_TYPE, JSON).send(Json.bytes(body));
    }

    /** Sends a single resource with its ETag, or 304 when the client's If-None-Match already has it. */
    public static void jsonWithEtag(ServerRequest req, ServerResponse res, Object body, String etag) {
        res.header(HeaderNames.ETAG, etag);
        String ifNoneMatch = req.headers().first(HeaderNames.IF_NONE_MATCH).orElse(null);
        if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag) || ifNoneMatch.equals("*"))) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        json(res, body);
    }

    public static void problem(ServerRequest req, ServerResponse res, Problem problem) {
        String title = ProblemTitles.specific(problem.type(), problem.title());
        Problem sent = title.equals(problem.title()) ? problem : new Problem(problem.type(), title, problem.status(), problem.detail(),
                problem.instance(), problem.errors(), problem.members());
        res.status(sent.status()).header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON).send(Json.bytes(sent));
    }

    public static String pathParam(ServerRequest req, String name) {
        return req.path().pathParameters().get(name);
    }
}
