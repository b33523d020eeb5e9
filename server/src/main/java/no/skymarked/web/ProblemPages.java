package no.skymarked.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.skymarked.shared.Http;
import no.skymarked.shared.Json;
import no.skymarked.shared.ProblemException;

/**
 * {@code GET /problems/{name}}: what a problem type means and how to fix it, so every {@code type} a response
 * carries resolves to a page. From {@code problems.yaml} (title and fix) and every sentence of the OpenAPI document
 * that names the type, with the operations it belongs to. HTML for browsers, JSON when asked for.
 */
public final class ProblemPages implements HttpService {
    private static final Pattern TYPE = Pattern.compile("/problems/([a-z0-9]+(?:-[a-z0-9]+)*)");

    /** One problem type's page. */
    public record Page(String name, String title, String fix, Map<String, Set<String>> mentions) {
    }

    private final Map<String, Page> pages;

    public ProblemPages(JsonNode spec) {
        this.pages = build(spec, catalogue());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/problems/{name}", this::page);
    }

    public java.util.Optional<Page> page(String name) {
        return java.util.Optional.ofNullable(pages.get(name));
    }

    private void page(ServerRequest req, ServerResponse res) {
        String name = Http.pathParam(req, "name");
        Page page = page(name).orElseThrow(() -> ProblemException.notFound("Problem type", name));
        String accept = req.headers().first(HeaderNames.ACCEPT).orElse("");
        if (accept.contains("application/json") && !accept.contains("text/html")) {
            ObjectNode n = Json.MAPPER.createObjectNode().put("type", "/problems/" + name).put("title", page.title());
            if (page.fix() != null) {
                n.put("fix", page.fix());
            }
            ObjectNode where = n.putObject("mentions");
            page.mentions().forEach((op, sentences) -> where.putArray(op).addAll(sentences.stream().map(Json.MAPPER.getNodeFactory()::textNode).toList()));
            Http.json(res, n);
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8").send(html(page));
    }

    static String html(Page page) {
        StringBuilder out = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(page.title())).append(" — Skymarked problem</title></head><body><h1>").append(esc(page.title()))
                .append("</h1><p><code>type: /problems/").append(esc(page.name())).append("</code></p>");
        if (page.fix() != null) {
            out.append("<h2>What it means and how to fix it</h2><p>").append(esc(page.fix())).append("</p>");
        }
        if (!page.mentions().isEmpty()) {
            out.append("<h2>Where the API describes it</h2><dl>");
            page.mentions().forEach((op, sentences) -> {
                out.append("<dt>").append(esc(op)).append("</dt>");
                sentences.forEach(s -> out.append("<dd>").append(esc(s)).append("</dd>"));
            });
            out.append("</dl>");
        }
        return out.append("<p><a href=\"/swagger-ui/\">API documentation</a></p></body></html>").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static JsonNode catalogue() {
        try (InputStream in = ProblemPages.class.getClassLoader().getResourceAsStream("problems.yaml")) {
            return in == null ? Json.MAPPER.createObjectNode() : new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("problems.yaml cannot be read", e);
        }
    }

    private static Map<String, Page> build(JsonNode spec, JsonNode catalogue) {
        Map<String, Map<String, Set<String>>> mentions = new LinkedHashMap<>();
        walk(spec, "the API", mentions);
        Set<String> names = new LinkedHashSet<>();
        catalogue.fieldNames().forEachRemaining(names::add);
        names.addAll(mentions.keySet());
        Map<String, Page> out = new LinkedHashMap<>();
        for (String name : names) {
            JsonNode entry = catalogue.path(name);
            String title = no.skymarked.shared.ProblemTitles.of(name);
            out.put(name, new Page(name, title, entry.hasNonNull("fix") ? entry.path("fix").asText() : null,
                    mentions.getOrDefault(name, Map.of())));
        }
        return out;
    }

    /** Every sentence that names a problem type, under the operation (or schema) it stands in. */
    private static void walk(JsonNode node, String where, Map<String, Map<String, Set<String>>> mentions) {
        if (node.isTextual()) {
            for (String sentence : node.asText().replaceAll("\\s+", " ").split("(?<=[.;])\\s+(?=[A-Z`(])")) {
                Matcher m = TYPE.matcher(sentence);
                while (m.find()) {
                    mentions.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(where, k -> new LinkedHashSet<>()).add(sentence.strip());
                }
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String here = e.getValue().has("operationId") ? e.getValue().path("operationId").asText()
                    + " (" + e.getKey().toUpperCase(java.util.Locale.ROOT) + ")" : where;
            walk(e.getValue(), here, mentions);
        }
        if (node.isArray()) {
            node.forEach(child -> walk(child, where, mentions));
        }
    }

    /** The names that have a page (for tests). */
    public List<String> names() {
        return new ArrayList<>(pages.keySet());
    }
}
