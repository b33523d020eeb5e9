package no.skymarked.shared;

import java.util.List;

/**
 * RFC 9457 problem details. {@code type} is a stable relative URI per kind of error; {@code errors} lists each
 * invalid field (JSON pointer into the body) or query parameter.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public record FieldError(String pointer, String parameter, String detail) {
        public static FieldError pointer(String pointer, String detail) {
            return new FieldError(pointer, null, detail);
        }

        public static FieldError parameter(String name, String detail) {
            return new FieldError(null, name, detail);
        }
    }
}
