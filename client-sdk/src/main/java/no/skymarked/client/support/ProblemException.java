package no.skymarked.client.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.skymarked.client.ApiClient;
import no.skymarked.client.ApiException;
import no.skymarked.client.model.FieldError;
import no.skymarked.client.model.Problem;

/**
 * An error answer of the Skymarked API (4xx or 5xx), read from its RFC 9457 {@code application/problem+json} body:
 * the problem's {@code type} (a stable relative URI such as {@code /problems/threshold-requires-mini-competition}),
 * {@code title}, HTTP {@code status}, {@code detail} and, for invalid input, {@code errors} each naming a JSON
 * pointer into the request body or a parameter.
 *
 * <p>Every call made through a client from {@link SkymarkedClient} throws it, and so does {@link Paging} while it
 * streams pages. It is unchecked, so it also leaves lambdas and streams unchanged:
 * <pre>{@code
 * try {
 *     callOffs.createCallOff(request);
 * } catch (ProblemException problem) {
 *     if (problem.is("/problems/threshold-requires-mini-competition")) { ... }
 *     problem.errors().forEach(e -> log(e.getPointer() + ": " + e.getDetail()));
 * }
 * }</pre>
 * An answer whose body is not a problem (e.g. from a proxy) is still a {@code ProblemException}, of type
 * {@code about:blank} with the status and the body as its detail.
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = ApiClient.createDefaultObjectMapper();
    private static final int MAX_DETAIL = 500;

    private final transient Problem problem;
    private final transient HttpHeaders headers;
    private final String body;

    protected ProblemException(Problem problem, HttpHeaders headers, String body, Throwable cause) {
        super(message(problem), cause);
        this.problem = problem;
        this.headers = headers;
        this.body = body;
    }

    /** The problem of an answer with {@code status}, {@code headers} and {@code body} (read with {@code mapper}). */
    public static ProblemException of(int status, HttpHeaders headers, String body, ObjectMapper mapper) {
        return new ProblemException(parse(status, body, mapper == null ? MAPPER : mapper), headers, body, null);
    }

    /**
     * The problem an {@link ApiException} carries, for code that calls the API through a client not made by
     * {@link SkymarkedClient}. An exception without an HTTP answer (e.g. the connection failed) has status 0.
     */
    public static ProblemException from(ApiException e) {
        return new ProblemException(parse(e.getCode(), e.getResponseBody(), MAPPER), e.getResponseHeaders(), e.getResponseBody(), e);
    }

    private static Problem parse(int status, String body, ObjectMapper mapper) {
        Problem parsed = null;
        if (body != null && body.trim().startsWith("{")) {
            try {
                parsed = mapper.readValue(body, Problem.class);
            } catch (java.io.IOException | RuntimeException e) {
                parsed = null;
            }
        }
        if (parsed == null || parsed.getType() == null) {
            String detail = body == null || body.isBlank() ? null
                    : body.length() > MAX_DETAIL ? body.substring(0, MAX_DETAIL) + "…" : body;
            parsed = new Problem().type("about:blank").title(status == 0 ? "No answer" : "HTTP " + status).detail(detail);
        }
        if (parsed.getStatus() == null) {
            parsed.setStatus(status);
        }
        return parsed;
    }

    private static String message(Problem p) {
        StringBuilder m = new StringBuilder().append(p.getStatus()).append(' ').append(p.getType());
        if (p.getTitle() != null) {
            m.append(": ").append(p.getTitle());
        }
        if (p.getDetail() != null) {
            m.append(" (").append(p.getDetail()).append(')');
        }
        if (p.getErrors() != null) {
            for (FieldError e : p.getErrors()) {
                m.append("; ").append(e.getPointer() != null ? e.getPointer() : e.getParameter()).append(' ').append(e.getDetail());
            }
        }
        return m.toString();
    }

    /** The problem's {@code type}, e.g. {@code /problems/invalid-parameter}; {@code about:blank} without a problem body. */
    public String type() {
        return problem.getType();
    }

    /** Whether the problem is of this type, given as the API writes it ({@code /problems/…}) or as its last segment. */
    public boolean is(String type) {
        String mine = type();
        return mine.equals(type) || mine.endsWith("/" + type);
    }

    public String title() {
        return problem.getTitle();
    }

    /** The HTTP status of the answer. */
    public int status() {
        return problem.getStatus();
    }

    public String detail() {
        return problem.getDetail();
    }

    public String instance() {
        return problem.getInstance();
    }

    /** The invalid fields (JSON pointer into the request body) or parameters; empty when the problem names none. */
    public List<FieldError> errors() {
        return problem.getErrors() == null ? List.of() : List.copyOf(problem.getErrors());
    }

    /** The JSON pointers of {@link #errors()} that name a field of the request body. */
    public List<String> pointers() {
        return errors().stream().map(FieldError::getPointer).filter(java.util.Objects::nonNull).toList();
    }

    /** The whole problem, with any members beyond the standard ones (e.g. {@code suggestedDeadline}). */
    public Problem problem() {
        return problem;
    }

    /** A header of the answer, e.g. {@code Retry-After} or {@code Allow}. */
    public Optional<String> header(String name) {
        return headers == null ? Optional.empty() : headers.firstValue(name);
    }

    public Map<String, List<String>> headers() {
        return headers == null ? Map.of() : headers.map();
    }

    /** The body as received. */
    public String body() {
        return body;
    }
}
