package no.skymarked.shared;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details. {@code type} is a stable relative URI per kind of error; {@code errors} lists each
 * invalid field (JSON pointer into the body) or query parameter; {@code members} are extension members written at
 * the top level beside them (RFC 9457 §3.2), e.g. {@code suggestedDeadline}.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      @JsonAnyGetter Map<String, Object> members) {
    public Problem {
        members = members == null ? Map.of() : Map.copyOf(members);
    }

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, Map.of());
    }

    public record FieldError(String pointer, String parameter, String detail) {
        public static FieldError pointer(String pointer, String detail) {
            return new FieldError(pointer, null, detail);
        }

        public static FieldError parameter(String name, String detail) {
            return new FieldError(null, name, detail);
        }
    }
}
