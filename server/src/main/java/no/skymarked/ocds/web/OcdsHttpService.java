package no.skymarked.ocds.web;

import io.helidon.common.uri.UriInfo;
import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import no.skymarked.ocds.OcdsSettings;
import no.skymarked.ocds.Org;
import no.skymarked.ocds.Packages;
import no.skymarked.ocds.Publication;
import no.skymarked.ocds.ReleaseKey;
import no.skymarked.shared.Http;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.QueryParams;

/**
 * {@code /v1/ocds}: the marketplace's open contracting data (OCDS 1.1.5 with the Techniques extension), public
 * like the framework catalogue: it holds only what is published, so no token is needed.
 */
public final class OcdsHttpService implements HttpService {
    private final Publication publication;
    private final OcdsSettings settings;
    private final Packages packages;
    private final Clock clock;

    public OcdsHttpService(Publication publication, OcdsSettings settings, Clock clock) {
        this.publication = publication;
        this.settings = settings;
        this.packages = new Packages(settings);
        this.clock = clock;
    }

    /**
     * The settings under {@code skymarked.ocds}: {@code prefix} (the registered ocid prefix), {@code publisher.name},
     * {@code publisher.uid} (its organisation number), {@code publisher.uri}, {@code license} (default NLOD 2.0),
     * {@code publication.policy} (default: the policy this server serves) and {@code base.url} (default: the
     * address of each request).
     */
    public static OcdsSettings settings(Config config) {
        Config c = config.get("skymarked.ocds");
        return new OcdsSettings(c.get("prefix").asString().orElse("ocds-skymk1"), c.get("publisher.name").asString().orElse("Skymarked"),
                Org.SCHEME, c.get("publisher.uid").asString().orElse(null), c.get("publisher.uri").asString().orElse(null),
                c.get("license").asString().orElse(OcdsSettings.NLOD), c.get("publication.policy").asString().orElse(null),
                c.get("base.url").asString().map(u -> u.replaceAll("/+$", "")).orElse(null));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/v1/ocds/releases", this::releases)
                .get("/v1/ocds/records/{ocid}", this::record)
                .get("/v1/ocds/bulk/{month}", this::bulk)
                .get("/v1/ocds/publication-policy", this::policy);
    }

    private void releases(ServerRequest req, ServerResponse res) {
        QueryParams params = new QueryParams(req.query());
        int limit = params.limit();
        Instant since = since(params.single("since", 40));
        String cursor = params.cursor();
        ReleaseKey after = cursor == null ? null : ReleaseKey.ofCursor(cursor).orElseThrow(() ->
                ProblemException.badParameter("cursor", "not a cursor issued by this API"));
        Publication.Page page = publication.releases(since, after, limit);
        String base = base(req);
        String query = (since == null ? "" : "since=" + enc(since.toString()) + "&") + "limit=" + limit;
        String uri = base + "/v1/ocds/releases?" + query + (cursor == null ? "" : "&cursor=" + enc(cursor));
        String next = page.next() == null ? null : base + "/v1/ocds/releases?" + query + "&cursor=" + enc(page.next().cursor());
        send(res, packages.releasePackage(uri, page.releases(), next, clock.instant()), base);
    }

    private void record(ServerRequest req, ServerResponse res) {
        String ocid = req.path().pathParameters().get("ocid");
        List<Map<String, Object>> releases = publication.record(ocid).orElseThrow(() -> ProblemException.notFound("OCDS record", ocid));
        String base = base(req);
        send(res, packages.recordPackage(base + "/v1/ocds/records/" + ocid, base, ocid, releases), base);
    }

    private void bulk(ServerRequest req, ServerResponse res) {
        String raw = req.path().pathParameters().get("month");
        YearMonth month;
        try {
            month = raw.matches("\\d{4}-\\d{2}") ? YearMonth.parse(raw) : null;
        } catch (DateTimeParseException e) {
            month = null;
        }
        if (month == null) {
            throw ProblemException.badParameter("month", "'" + (raw.length() > 20 ? raw.substring(0, 20) + "…" : raw)
                    + "' is not a month as yyyy-MM, e.g. 2026-12");
        }
        List<Map<String, Object>> releases = publication.month(month);
        if (releases.isEmpty()) {
            // a release package holds at least one release (OCDS): an empty month has none to give
            throw ProblemException.notFound("OCDS bulk package of month", month.toString());
        }
        String base = base(req);
        send(res, packages.releasePackage(Packages.bulkUrl(base, month), releases, null, clock.instant()), base);
    }

    private void policy(ServerRequest req, ServerResponse res) {
        try (var in = OcdsHttpService.class.getResourceAsStream("/ocds/publication-policy.md")) {
            res.header(HeaderNames.CONTENT_TYPE, "text/markdown; charset=UTF-8").send(in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void send(ServerResponse res, Map<String, Object> pkg, String base) {
        if (!pkg.containsKey("publicationPolicy")) {
            pkg.put("publicationPolicy", base + "/v1/ocds/publication-policy");
        }
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=60");
        Http.json(res, pkg);
    }

    private static Instant since(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            Instant since = java.time.OffsetDateTime.parse(raw).toInstant();
            if (since.isBefore(Instant.EPOCH) || since.isAfter(ReleaseKey.LATEST)) {
                throw ProblemException.badParameter("since", "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
            }
            return since;
        } catch (java.time.DateTimeException e) {
            throw ProblemException.badParameter("since", "'" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw)
                    + "' is not an RFC 3339 date-time, e.g. 2026-12-01T00:00:00Z");
        }
    }

    private String base(ServerRequest req) {
        if (settings.baseUrl() != null) {
            return settings.baseUrl();
        }
        UriInfo uri = req.requestedUri();
        return uri.scheme() + "://" + uri.host() + ":" + uri.port();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
