package no.skymarked.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.skymarked.shared.Json;
import no.skymarked.shared.Page;
import no.skymarked.shared.Tx;

/**
 * The catalogue's search held in memory, for the embedded database: the same matches, ranking, order and facets as
 * the SQL search, answered from bit sets instead of a scan per query. A term matches a service when one of the
 * letter-and-digit runs of its search text contains the term (exactly what {@code search_text like '%term%'} does
 * for a term of letters and digits). The index is rebuilt when {@code catalogue_revision}, which every catalogue
 * write moves in its own transaction, differs from the revision it was built at; one cheap read per search.
 */
final class SearchIndex {
    private static final Pattern RUNS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private final DbClient db;
    private volatile Snapshot current;

    SearchIndex(DbClient db) {
        this.db = db;
    }

    /** Everything a search needs, at one catalogue revision; immutable once built. */
    private record Snapshot(long revision, String[] ids, String[] names, int[] byName, int[] rankOf, Vocabulary textTokens,
                            Vocabulary nameTokens, Map<String, Map<String, BitSet>> filters,
                            Map<String, List<String>[]> facetValues, Map<String, Map<String, String>> labels) {
    }

    private static final List<String> FACETS = List.of("category", "supplier", "dataLocation", "certification", "framework");

    SearchResult search(SearchQuery query, int limit, int offset) {
        Snapshot s = current();
        int n = s.ids().length;
        BitSet match = filter(s, "status", query.statuses(), n);
        and(match, s, "category", query.categories());
        and(match, s, "supplier", query.suppliers());
        and(match, s, "dataLocation", query.dataLocations());
        and(match, s, "certification", query.certifications());
        and(match, s, "framework", query.frameworks());
        List<BitSet> inName = new ArrayList<>();
        for (String term : query.terms()) {
            match.and(containing(s.textTokens(), term, n));
            inName.add(containing(s.nameTokens(), term, n));
        }
        // score: 1 per term, 2 where the term is in the name; then name and id, as the SQL orders them
        int terms = query.terms().size();
        List<String> pageIds = new ArrayList<>();
        int wanted = offset + limit + 1;
        int seen = 0;
        if (match.cardinality() < n / 8) {
            // few matches: sort them; many: walk the name order and stop once the page is full
            Integer[] docs = match.stream().boxed().toArray(Integer[]::new);
            Arrays.sort(docs, Comparator.<Integer>comparingInt(d -> -score(d, inName, terms)).thenComparingInt(d -> s.rankOf()[d]));
            for (int i = offset; i < Math.min(docs.length, wanted); i++) {
                pageIds.add(s.ids()[docs[i]]);
            }
            Page<JsonNode> page = Page.of(documents(pageIds), limit, offset, query.hash());
            return new SearchResult(page.items(), page.nextCursor(), facets(s, match));
        }
        for (int score = 2 * terms; score >= terms && pageIds.size() <= limit; score--) {
            for (int doc : s.byName()) {
                if (!match.get(doc) || score(doc, inName, terms) != score) {
                    continue;
                }
                if (seen++ >= offset) {
                    pageIds.add(s.ids()[doc]);
                }
                if (seen >= wanted) {
                    break;
                }
            }
        }
        Page<JsonNode> page = Page.of(documents(pageIds), limit, offset, query.hash());
        return new SearchResult(page.items(), page.nextCursor(), facets(s, match));
    }

    private static int score(int doc, List<BitSet> inName, int terms) {
        int score = terms;
        for (BitSet b : inName) {
            score += b.get(doc) ? 1 : 0;
        }
        return score;
    }

    private static BitSet filter(Snapshot s, String facet, List<String> values, int n) {
        BitSet any = new BitSet(n);
        Map<String, BitSet> byValue = s.filters().get(facet);
        for (String v : values) {
            BitSet b = byValue.get(v);
            if (b != null) {
                any.or(b);
            }
        }
        return any;
    }

    private static void and(BitSet match, Snapshot s, String facet, List<String> values) {
        if (!values.isEmpty()) {
            match.and(filter(s, facet, values, match.size()));
        }
    }

    private static BitSet containing(Vocabulary tokens, String term, int n) {
        BitSet out = new BitSet(n);
        tokens.containing(term, docs -> {
            for (int d : docs) {
                out.set(d);
            }
        });
        return out;
    }

    /**
     * The distinct tokens with the services they occur in, and for every three-character sequence the tokens that
     * have it: a term of three or more characters is looked for only in the tokens that have its rarest trigram.
     */
    static final class Vocabulary {
        private final String[] tokens;
        private final int[][] docs;
        private final Map<String, int[]> byTrigram;

        Vocabulary(Map<String, List<Integer>> postings) {
            tokens = postings.keySet().toArray(new String[0]);
            docs = new int[tokens.length][];
            Map<String, List<Integer>> trigrams = new HashMap<>();
            for (int t = 0; t < tokens.length; t++) {
                docs[t] = postings.get(tokens[t]).stream().mapToInt(Integer::intValue).toArray();
                String token = tokens[t];
                for (int i = 0; i + 3 <= token.length(); i++) {
                    List<Integer> list = trigrams.computeIfAbsent(token.substring(i, i + 3), g -> new ArrayList<>());
                    if (list.isEmpty() || list.getLast() != t) {
                        list.add(t);
                    }
                }
            }
            byTrigram = new HashMap<>(trigrams.size() * 2);
            trigrams.forEach((g, list) -> byTrigram.put(g, list.stream().mapToInt(Integer::intValue).toArray()));
        }

        /** Hands the postings of every token that contains {@code term} to {@code each}. */
        void containing(String term, Consumer<int[]> each) {
            if (term.length() < 3) {
                for (int t = 0; t < tokens.length; t++) {
                    if (tokens[t].contains(term)) {
                        each.accept(docs[t]);
                    }
                }
                return;
            }
            int[] fewest = null;
            for (int i = 0; i + 3 <= term.length(); i++) {
                int[] candidates = byTrigram.get(term.substring(i, i + 3));
                if (candidates == null) {
                    return;  // some trigram of the term is in no token
                }
                if (fewest == null || candidates.length < fewest.length) {
                    fewest = candidates;
                }
            }
            for (int t : fewest) {
                if (tokens[t].contains(term)) {
                    each.accept(docs[t]);
                }
            }
        }
    }

    private static Map<String, List<Facet>> facets(Snapshot s, BitSet match) {
        Map<String, List<Facet>> out = new LinkedHashMap<>();
        for (String facet : FACETS) {
            Map<String, Long> counts = new HashMap<>();
            List<String>[] values = s.facetValues().get(facet);
            for (int doc = match.nextSetBit(0); doc >= 0; doc = match.nextSetBit(doc + 1)) {
                for (String v : values[doc]) {
                    counts.merge(v, 1L, Long::sum);
                }
            }
            Map<String, String> labels = s.labels().getOrDefault(facet, Map.of());
            out.put(facet, counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> new Facet(e.getKey(), e.getValue(), labels.get(e.getKey()))).toList());
        }
        return out;
    }

    /** The page's documents from the database (the index keeps no documents), in the page's order. */
    private List<JsonNode> documents(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, JsonNode> byId = new HashMap<>();
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (Stream<DbRow> rows = db.execute().createQuery("select id, document from service where id in (" + marks + ")")
                .params(new ArrayList<Object>(ids)).execute()) {
            rows.forEach(r -> byId.put(r.column("id").get(String.class), Json.tree(r.column("document").get(String.class))));
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Builds the index now (in the background at start), so the first search does not wait for it. */
    void warm() {
        current();
    }

    private Snapshot current() {
        long revision = db.execute().createGet("select rev from catalogue_revision where id = 1").execute()
                .map(r -> ((Number) r.column("rev").get()).longValue()).orElse(-1L);
        Snapshot s = current;
        if (s != null && s.revision() == revision) {
            return s;
        }
        synchronized (this) {
            if (current == null || current.revision() != revision) {
                current = Tx.inTransaction(db, this::build);
            }
            return current;
        }
    }

    /** Reads the revision first, then the catalogue: data at least as new as the revision it is filed under. */
    @SuppressWarnings("unchecked")
    private Snapshot build(DbExecute tx) {
        long revision = tx.createGet("select rev from catalogue_revision where id = 1").execute()
                .map(r -> ((Number) r.column("rev").get()).longValue()).orElse(-1L);
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, Integer> docOf = new HashMap<>();
        Map<String, List<Integer>> text = new HashMap<>();
        Map<String, List<Integer>> name = new HashMap<>();
        Map<String, Map<String, BitSet>> filters = new HashMap<>();
        List<List<String>> categories = new ArrayList<>();
        List<List<String>> suppliers = new ArrayList<>();
        rows(tx, "select id, status, category, supplier_org_no, name_nb, name_text, search_text from service", r -> {
            int doc = ids.size();
            String id = r.column("id").get(String.class);
            ids.add(id);
            docOf.put(id, doc);
            names.add(r.column("name_nb").get(String.class));
            tokens(r.column("search_text").get(String.class), doc, text);
            tokens(r.column("name_text").get(String.class), doc, name);
            mark(filters, "status", r.column("status").get(String.class), doc);
            String category = r.column("category").get(String.class);
            String supplier = r.column("supplier_org_no").get(String.class);
            mark(filters, "category", category, doc);
            mark(filters, "supplier", supplier, doc);
            categories.add(List.of(category));
            suppliers.add(List.of(supplier));
        });
        int n = ids.size();
        Map<String, List<String>[]> facetValues = new HashMap<>();
        facetValues.put("category", categories.toArray(new List[0]));
        facetValues.put("supplier", suppliers.toArray(new List[0]));
        for (String[] side : new String[][] {{"dataLocation", "service_storage_country", "country"},
                {"certification", "service_certification", "certification"}, {"framework", "service_framework", "framework_id"}}) {
            List<String>[] values = new List[n];
            for (int i = 0; i < n; i++) {
                values[i] = new ArrayList<>();
            }
            rows(tx, "select service_id, " + side[2] + " as v from " + side[1], r -> {
                Integer doc = docOf.get(r.column("service_id").get(String.class));
                String v = r.column("v").get(String.class);
                if (doc != null && !values[doc].contains(v)) {
                    values[doc].add(v);
                    mark(filters, side[0], v, doc);
                }
            });
            facetValues.put(side[0], values);
        }
        Map<String, Map<String, String>> labels = new HashMap<>();
        Map<String, String> supplierNames = new HashMap<>();
        rows(tx, "select org_no, name from supplier", r -> supplierNames.put(r.column("org_no").get(String.class),
                r.column("name").get(String.class)));
        Map<String, String> frameworkTitles = new HashMap<>();
        rows(tx, "select id, title_nb from framework", r -> frameworkTitles.put(r.column("id").get(String.class),
                r.column("title_nb").get(String.class)));
        labels.put("supplier", supplierNames);
        labels.put("framework", frameworkTitles);
        for (String facet : FACETS) {
            filters.computeIfAbsent(facet, f -> new HashMap<>());
        }
        filters.computeIfAbsent("status", f -> new HashMap<>());
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer, String>comparing(names::get).thenComparing(ids::get));
        int[] byName = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        int[] rankOf = new int[n];
        for (int i = 0; i < n; i++) {
            rankOf[byName[i]] = i;
        }
        return new Snapshot(revision, ids.toArray(new String[0]), names.toArray(new String[0]), byName, rankOf,
                new Vocabulary(text), new Vocabulary(name), filters, facetValues, labels);
    }

    private static void rows(DbExecute tx, String sql, Consumer<DbRow> each) {
        try (Stream<DbRow> rows = tx.createQuery(sql).execute()) {
            rows.forEach(each);
        }
    }

    private static void tokens(String text, int doc, Map<String, List<Integer>> into) {
        if (text == null) {
            return;
        }
        for (String token : RUNS.split(text)) {
            if (!token.isEmpty()) {
                List<Integer> docs = into.computeIfAbsent(token, t -> new ArrayList<>());
                if (docs.isEmpty() || docs.getLast() != doc) {
                    docs.add(doc);
                }
            }
        }
    }

    private static void mark(Map<String, Map<String, BitSet>> filters, String facet, String value, int doc) {
        filters.computeIfAbsent(facet, f -> new HashMap<>()).computeIfAbsent(value, v -> new BitSet()).set(doc);
    }

}
