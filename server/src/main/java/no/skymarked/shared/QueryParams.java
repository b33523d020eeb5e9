package no.skymarked.shared;

import io.helidon.common.uri.UriQuery;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads query parameters and refuses bad ones with a 400 that names the parameter. */
public final class QueryParams {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final UriQuery query;

    public QueryParams(UriQuery query) {
        this.query = query;
    }

    public String single(String name, int maxLength) {
        List<String> values = query.contains(name) ? query.all(name) : List.of();
        if (values.size() > 1) {
            throw ProblemException.badParameter(name, "give it at most once");
        }
        if (values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        String value = values.get(0).strip();
        if (value.length() > maxLength) {
            throw ProblemException.badParameter(name, "longer than " + maxLength + " characters");
        }
        return value;
    }

    /** All values of a repeatable parameter (also comma-separated), each matching {@code pattern}. */
    public List<String> many(String name, Pattern pattern, String expected) {
        if (!query.contains(name)) {
            return List.of();
        }
        List<String> values = query.all(name).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .distinct()
                .toList();
        for (String v : values) {
            if (!pattern.matcher(v).matches()) {
                throw ProblemException.badParameter(name, "'" + abbreviate(v) + "' is not " + expected);
            }
        }
        if (values.size() > 50) {
            throw ProblemException.badParameter(name, "at most 50 values");
        }
        return values;
    }

    public List<String> manyOf(String name, Set<String> allowed) {
        List<String> values = many(name, Pattern.compile(".*"), "");
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw ProblemException.badParameter(name, "'" + abbreviate(v) + "' is not one of " + new java.util.TreeSet<>(allowed));
            }
        }
        return values;
    }

    public int limit() {
        String raw = single("limit", 10);
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ProblemException.badParameter("limit", "must be between 1 and " + MAX_LIMIT);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("limit", "'" + abbreviate(raw) + "' is not a whole number");
        }
    }

    public String cursor() {
        return single(Cursor.PARAMETER, 200);
    }

    private static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
