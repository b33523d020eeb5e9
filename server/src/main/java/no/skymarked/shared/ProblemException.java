package no.skymarked.shared;

import java.util.List;

/** Every refusal the marketplace gives: carries the problem that is sent as {@code application/problem+json}. */
public class ProblemException extends RuntimeException {
    private final String type;
    private final String title;
    private final int status;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.type = type;
        this.title = title;
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "/problems/not-found", "Not found", what + " '" + id + "' does not exist", List.of());
    }

    public static ProblemException badParameter(String name, String detail) {
        return new ProblemException(400, "/problems/invalid-parameter", "Invalid parameter",
                "query parameter '" + name + "': " + detail, List.of(Problem.FieldError.parameter(name, detail)));
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance, errors.isEmpty() ? null : errors);
    }

    public int status() {
        return status;
    }
}
