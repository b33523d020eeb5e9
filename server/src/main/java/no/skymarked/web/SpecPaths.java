package no.skymarked.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The paths of the OpenAPI document and the methods each allows, so a request with a method its path does not
 * allow is answered 405 with {@code Allow} (RFC 9110 §15.5.6) rather than 404.
 */
public final class SpecPaths {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private record Template(Pattern pattern, Set<String> methods) {
    }

    private final List<Template> templates = new ArrayList<>();

    public SpecPaths(JsonNode spec) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            Set<String> methods = new TreeSet<>();
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m)) {
                    methods.add(m.toUpperCase(java.util.Locale.ROOT));
                }
            });
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            templates.add(new Template(Pattern.compile(regex(path.getKey())), methods));
        }
    }

    /** The methods the document allows on {@code path}; empty when no path of the document matches it. */
    public Optional<Set<String>> allowed(String path) {
        return templates.stream().filter(t -> t.pattern().matcher(path).matches()).map(Template::methods).findFirst();
    }

    /** {@code /v1/call-offs/{callOffId}} → {@code \Q/v1/call-offs/\E[^/]+}: a parameter is one non-empty segment. */
    static String regex(String template) {
        StringBuilder out = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            out.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
        }
        return out.toString();
    }
}
