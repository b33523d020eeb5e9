package no.skymarked.calloff.application;

import java.util.List;
import java.util.Map;

/**
 * A use case's refusal: what kind it is (the web maps the kind to an HTTP status), a stable problem type, a short
 * title, the detail and, for field problems, JSON pointers into the request.
 */
public final class Refusal extends RuntimeException {
    /** The kinds of refusal. */
    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, UNPROCESSABLE, PRECONDITION_FAILED, PRECONDITION_REQUIRED,
        /** This server cannot do it now (its configuration), though the request is right: 503. */
        UNAVAILABLE }

    /** A refused field: its JSON pointer and why. */
    public record Field(String pointer, String detail) {
    }

    /**
     * The title of a refusal whose type says it all (a rule's code): the web answers with the type's own title from
     * the problem catalogue ("Threshold requires mini-competition"), the one its problem page shows.
     */
    public static final String TITLE_OF_TYPE = null;

    private final Kind kind;
    private final String type;
    private final String title;
    private final List<Field> fields;
    private final Map<String, String> members;

    public Refusal(Kind kind, String type, String title, String detail, List<Field> fields) {
        this(kind, type, title, detail, fields, Map.of());
    }

    /** With extension members of the problem: machine-readable facts such as a suggested value. */
    public Refusal(Kind kind, String type, String title, String detail, List<Field> fields, Map<String, String> members) {
        super(detail);
        this.kind = kind;
        this.type = type;
        this.title = title;
        this.fields = List.copyOf(fields);
        this.members = Map.copyOf(members);
    }

    public static Refusal notFound(String what, String id) {
        return new Refusal(Kind.NOT_FOUND, "/problems/not-found", "Not found", what + " '" + id + "' does not exist", List.of());
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(Kind.FORBIDDEN, "/problems/forbidden", "Forbidden", detail, List.of());
    }

    public static Refusal forbidden(String type, String title, String detail) {
        return new Refusal(Kind.FORBIDDEN, type, title, detail, List.of());
    }

    public static Refusal conflict(String type, String title, String detail) {
        return new Refusal(Kind.CONFLICT, type, title, detail, List.of());
    }

    /** A 422-kind refusal of one field, its type the rule's code in kebab case. */
    public static Refusal invalid(String type, String pointer, String detail) {
        return new Refusal(Kind.UNPROCESSABLE, type, TITLE_OF_TYPE, detail,
                pointer == null ? List.of() : List.of(new Field(pointer, detail)));
    }

    /** The problem type of a rule code: {@code THRESHOLD_REQUIRES_MINI_COMPETITION} → {@code /problems/threshold-requires-mini-competition}. */
    public static String typeOf(String code) {
        return "/problems/" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Field> fields() {
        return fields;
    }

    public Map<String, String> members() {
        return members;
    }
}
