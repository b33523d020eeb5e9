package no.skymarked.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

/**
 * The title of each problem type: its entry in the problem catalogue ({@code problems.yaml}), else its name in words
 * ({@code /problems/threshold-requires-mini-competition} → "Threshold requires mini-competition"). The problem page of
 * the type shows the same title. A response never carries a title that says nothing of its type ("Refused",
 * "Unprocessable request"): {@link #specific} puts the type's own title in its place.
 */
public final class ProblemTitles {
    /** Titles that name no problem; a type's own title replaces them. */
    static final Set<String> GENERIC = Set.of("refused", "unprocessable request", "unprocessable entity", "bad request",
            "invalid", "conflict", "error", "rejected", "failed", "not allowed");
    private static final JsonNode CATALOGUE = load();

    private ProblemTitles() {
    }

    /** The title of a problem type, given as {@code /problems/<name>} or {@code <name>}. */
    public static String of(String type) {
        String name = type.startsWith("/problems/") ? type.substring("/problems/".length()) : type;
        JsonNode entry = CATALOGUE.path(name);
        if (entry.hasNonNull("title")) {
            return entry.path("title").asText();
        }
        String words = name.replace('-', ' ').replace("call off", "call-off").replace("mini competition", "mini-competition")
                .replace("e mail", "e-mail");
        return words.isEmpty() ? "Problem" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** {@code title}, unless it is missing or generic: then the type's own title. */
    public static String specific(String type, String title) {
        if (type != null && type.startsWith("/problems/") && (title == null || title.isBlank()
                || GENERIC.contains(title.strip().toLowerCase(Locale.ROOT)))) {
            return of(type);
        }
        return title;
    }

    private static JsonNode load() {
        try (InputStream in = ProblemTitles.class.getClassLoader().getResourceAsStream("problems.yaml")) {
            return in == null ? new ObjectMapper().createObjectNode() : new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("problems.yaml cannot be read", e);
        }
    }
}
