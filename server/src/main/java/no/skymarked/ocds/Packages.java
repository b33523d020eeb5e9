package no.skymarked.ocds;

import static no.skymarked.ocds.Node.list;
import static no.skymarked.ocds.Node.obj;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Release packages and record packages with the publisher, licence and publication policy of the settings. */
public final class Packages {
    private final OcdsSettings settings;

    public Packages(OcdsSettings settings) {
        this.settings = settings;
    }

    /**
     * A release package at {@code uri}; {@code next} (null: none) is the next page, with the Pagination extension.
     * Published at its newest release's date (or {@code now} when it has none).
     */
    public Map<String, Object> releasePackage(String uri, List<Map<String, Object>> releases, String next, Instant now) {
        Map<String, Object> p = header(uri, releases.stream().map(r -> (String) r.get("date")).max(String::compareTo)
                .map(d -> Instant.parse(d).toString()).orElse(now.toString()), next != null);
        p.put("releases", releases);
        if (next != null) {
            p.put("links", obj("next", next));
        }
        return p;
    }

    /**
     * The record package of one contracting process: its releases linked to the monthly bulk packages that hold
     * them ({@code baseUrl}/v1/ocds/bulk/yyyy-MM), and the compiled release.
     */
    public Map<String, Object> recordPackage(String uri, String baseUrl, String ocid, List<Map<String, Object>> releases) {
        Set<String> packages = new LinkedHashSet<>();
        List<Object> linked = new ArrayList<>();
        for (Map<String, Object> r : releases) {
            String bulk = bulkUrl(baseUrl, YearMonth.from(Instant.parse((String) r.get("date")).atOffset(ZoneOffset.UTC)));
            packages.add(bulk);
            linked.add(obj("url", bulk + "#" + r.get("id"), "date", r.get("date"), "tag", r.get("tag")));
        }
        String newest = releases.stream().map(r -> (String) r.get("date")).max((a, b) -> Instant.parse(a).compareTo(Instant.parse(b)))
                .orElseThrow();
        Map<String, Object> p = header(uri, Instant.parse(newest).toString(), false);
        p.put("packages", new ArrayList<>(packages));
        p.put("records", list(obj("ocid", ocid, "releases", linked, "compiledRelease", Compiling.compile(ocid, releases))));
        return p;
    }

    public static String bulkUrl(String baseUrl, YearMonth month) {
        return baseUrl + "/v1/ocds/bulk/" + month;
    }

    private Map<String, Object> header(String uri, String publishedDate, boolean paged) {
        Map<String, Object> publisher = obj("name", settings.publisherName(),
                "scheme", settings.publisherUid() == null ? null : settings.publisherScheme(), "uid", settings.publisherUid(),
                "uri", settings.publisherUri());
        return obj("uri", uri, "version", OcdsSettings.VERSION,
                "extensions", list(OcdsSettings.TECHNIQUES, paged ? OcdsSettings.PAGINATION : null),
                "publishedDate", publishedDate, "publisher", publisher, "license", settings.license(),
                "publicationPolicy", settings.publicationPolicy());
    }
}
