package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import no.skymarked.shared.Problem;
import no.skymarked.shared.ProblemException;

/**
 * Reads a JSON body strictly and collects every problem with its JSON pointer, so one 422 lists them all.
 * Readers return null for a missing or invalid value after recording why.
 */
final class BodyReader {
    private final List<Problem.FieldError> errors = new ArrayList<>();

    List<Problem.FieldError> errors() {
        return errors;
    }

    void add(String pointer, String detail) {
        errors.add(Problem.FieldError.pointer(pointer, detail));
    }

    /** Records every member of {@code node} that is not one of {@code fields}. */
    void only(JsonNode node, String at, Set<String> fields) {
        if (!node.isObject()) {
            add(at.isEmpty() ? "/" : at, "must be an object");
            return;
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                add(at + "/" + f, "unknown field; expected one of " + new TreeSet<>(fields));
            }
        });
    }

    private JsonNode value(JsonNode node, String at, String field, boolean required) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            if (required) {
                add(at + "/" + field, "is required");
            }
            return null;
        }
        return v;
    }

    String text(JsonNode node, String at, String field, int max, boolean required) {
        JsonNode v = value(node, at, field, required);
        if (v == null) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            add(at + "/" + field, "must be a non-empty string");
            return null;
        }
        if (v.asText().length() > max) {
            add(at + "/" + field, "is longer than " + max + " characters");
            return null;
        }
        return v.asText().strip();
    }

    /** A decimal given as a string (or a JSON number), at most {@code integerDigits} before and 4 after the point. */
    BigDecimal decimal(JsonNode node, String at, String field, int integerDigits, boolean required) {
        JsonNode v = value(node, at, field, required);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            BigDecimal n = v.decimalValue();  // bounded before it is ever written out: 1e2000000000 would take gigabytes
            if (n.scale() > 4 || n.precision() - n.scale() > integerDigits) {
                add(at + "/" + field, "must be a decimal number as a string, e.g. \"0.35\" or \"7.5\"");
                return null;
            }
        }
        String text = v.isNumber() ? v.decimalValue().toPlainString() : v.isTextual() ? v.asText() : "";
        if (!text.matches("-?[0-9]{1," + integerDigits + "}(\\.[0-9]{1,4})?")) {
            add(at + "/" + field, "must be a decimal number as a string, e.g. \"0.35\" or \"7.5\"");
            return null;
        }
        return new BigDecimal(text);
    }

    Integer integer(JsonNode node, String at, String field, int min, int max, boolean required) {
        JsonNode v = value(node, at, field, required);
        if (v == null) {
            return null;
        }
        if (!v.isInt() || v.asInt() < min || v.asInt() > max) {
            add(at + "/" + field, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return v.asInt();
    }

    Boolean bool(JsonNode node, String at, String field, boolean required) {
        JsonNode v = value(node, at, field, required);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            add(at + "/" + field, "must be true or false");
            return null;
        }
        return v.asBoolean();
    }

    <E extends Enum<E>> E enumOf(Class<E> type, JsonNode node, String at, String field, boolean required) {
        JsonNode v = value(node, at, field, required);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.isTextual() ? v.asText() : "");
        } catch (IllegalArgumentException e) {
            add(at + "/" + field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** An RFC 3339 instant with an offset, e.g. {@code 2026-12-10T12:00:00+01:00}. */
    Instant instant(JsonNode node, String at, String field, boolean required) {
        String text = text(node, at, field, 40, required);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            add(at + "/" + field, "must be a date-time with offset, e.g. 2026-12-10T12:00:00+01:00 or 2026-12-10T11:00:00Z");
            return null;
        }
    }

    LocalDate date(JsonNode node, String at, String field, boolean required) {
        String text = text(node, at, field, 10, required);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            add(at + "/" + field, "must be a date, e.g. 2027-01-31");
            return null;
        }
    }

    /** The array at {@code field}, or null (recorded when required or not an array). */
    JsonNode array(JsonNode node, String at, String field, boolean required) {
        JsonNode v = value(node, at, field, required);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            add(at + "/" + field, "must be an array");
            return null;
        }
        return v;
    }

    /** Throws one 422 listing every problem recorded, if any. */
    void failIfAny(String type, String title) {
        if (!errors.isEmpty()) {
            throw new ProblemException(422, type, title, errors.size() + " field(s) are invalid: " + errors.get(0).pointer()
                    + " " + errors.get(0).detail(), errors);
        }
    }
}
