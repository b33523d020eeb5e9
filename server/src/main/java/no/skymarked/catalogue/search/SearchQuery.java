package no.skymarked.catalogue.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import no.skymarked.catalogdata.OrganisationNumber;
import no.skymarked.shared.Cursor;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.QueryParams;

/**
 * A catalogue search: free-text words (see {@link TextQuery} for what matches) and filters (any value within a
 * filter, every filter must hold); active services only unless a status is asked for; {@code highlight} asks for
 * matched snippets.
 */
public record SearchQuery(List<String> terms,
                          List<String> categories,
                          List<String> suppliers,
                          List<String> dataLocations,
                          List<String> certifications,
                          List<String> frameworks,
                          List<String> priceBands,
                          List<String> statuses,
                          boolean highlight) {
    public static final Set<String> STATUSES = Set.of("ACTIVE", "WITHDRAWN");
    public static final Set<String> CATEGORIES = Set.of("IAAS", "PAAS", "SAAS", "CONSULTING");
    public static final Set<String> CERTIFICATIONS = Set.of("ISO_27001", "ISO_27017", "ISO_27018", "ISO_27701",
            "ISO_9001", "ISO_14001", "SOC2_TYPE2", "ISAE_3402", "ISAE_3000", "C5", "CSA_STAR");
    static final int MAX_TERMS = 10;
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ORG_NO = Pattern.compile("[0-9]{9}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,78}[a-z0-9]");

    public static SearchQuery from(QueryParams params) {
        List<String> suppliers = params.many("supplier", ORG_NO, "a nine-digit organisation number");
        for (String orgNo : suppliers) {
            if (!OrganisationNumber.isValid(orgNo)) {
                throw ProblemException.badParameter("supplier", "'" + orgNo + "' has a wrong check digit (mod-11)");
            }
        }
        return new SearchQuery(
                terms(params.single("q", 200)),
                params.manyOf("category", CATEGORIES),
                suppliers,
                params.many("dataLocation", COUNTRY, "an ISO 3166-1 alpha-2 country code in capitals, e.g. NO"),
                params.manyOf("certification", CERTIFICATIONS),
                params.many("framework", ID, "a framework id"),
                params.manyOf("priceBand", new java.util.LinkedHashSet<>(PriceBand.keys())),
                statuses(params.manyOf("status", STATUSES)),
                highlight(params.single("highlight", 20)));
    }

    /** The facet filters by facet name (only those given). */
    public java.util.Map<String, List<String>> filters() {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        List<List<String>> values = List.of(categories, suppliers, dataLocations, certifications, frameworks, priceBands);
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isEmpty()) {
                out.put(Fields.FACETS.get(i), values.get(i));
            }
        }
        return out;
    }

    private static boolean highlight(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.badParameter("highlight", "'" + value + "' is not true or false");
    }

    /** Withdrawn services are found only when asked for. */
    private static List<String> statuses(List<String> given) {
        return given.isEmpty() ? List.of("ACTIVE") : given;
    }

    /** Splits free text into lower-case search terms (letters and digits, Norwegian letters included). */
    static List<String> terms(String q) {
        if (q == null) {
            return List.of();
        }
        List<String> terms = new ArrayList<>();
        Arrays.stream(SPLIT.split(q.toLowerCase(Locale.ROOT)))
                .filter(t -> !t.isEmpty())
                .distinct()
                .forEach(terms::add);
        if (terms.size() > MAX_TERMS) {
            throw ProblemException.badParameter("q", "at most " + MAX_TERMS + " words");
        }
        return terms;
    }

    /** A stable fingerprint of the query, which binds page cursors to it. */
    public String hash() {
        return Cursor.hash(String.join(" ", terms) + "|" + categories + suppliers + dataLocations + certifications + frameworks
                + (priceBands.isEmpty() ? "" : "price" + priceBands) + statuses);
    }
}
