package no.skymarked.catalogue.search;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import no.skymarked.shared.Json;
import no.skymarked.shared.Page;
import no.skymarked.shared.Tx;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The catalogue's search index: Apache Lucene, in memory, one per server, built from the database at start and
 * brought up to date before a search whenever the committed {@code catalogue_revision} has moved — with only the
 * services whose {@code search_rev} is newer than the index, so an edit answered before a search is seen by it, on
 * every server (see {@link no.skymarked.shared.EmbeddedRevision} and {@link FreshRevision} for how the committed
 * revision is known).
 */
public final class CatalogueIndex implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CatalogueIndex.class.getName());
    private final DbClient db;
    private final FacetsConfig config = Fields.facetsConfig();
    /**
     * Each file as one buffer once written: every term lookup and postings read clones its file's input, and a file
     * kept as many blocks (the default) is cloned block by block, which cost a quarter of an uncached search.
     */
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory(new org.apache.lucene.store.SingleInstanceLockFactory(),
            org.apache.lucene.store.ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    private final IndexWriter writer;
    /** The catalogue revision committed now: known in this JVM for an embedded database, else read (shared by searches). */
    private final java.util.function.LongSupplier revisions;
    /** The embedded database's revision as published by its commits; null when it is read from the database. */
    private final java.util.concurrent.atomic.AtomicLong embedded;
    /** A lock, not a monitor: a virtual thread waiting for a build does not pin its carrier (JDK 21). */
    private final java.util.concurrent.locks.ReentrantLock refreshing = new java.util.concurrent.locks.ReentrantLock();
    private volatile Snapshot current;
    private volatile Stats stats = new Stats(0, -1, 0, 0, 0, 0, 0);
    private final java.util.concurrent.atomic.LongAdder cacheHits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder cacheMisses = new java.util.concurrent.atomic.LongAdder();
    private final int cacheEntries;
    private volatile Answers answers = new Answers(-1);

    /** Rendered answers of one catalogue revision, by request; dropped as a whole when the revision moves. */
    private record Answers(long revision, ConcurrentHashMap<String, byte[]> byRequest, java.util.concurrent.atomic.AtomicLong bytes) {
        Answers(long revision) {
            this(revision, new ConcurrentHashMap<>(), new java.util.concurrent.atomic.AtomicLong());
        }
    }

    /** At most this many bytes of answers are kept, whatever their number. */
    private static final long CACHE_MAX_BYTES = 64L * 1024 * 1024;

    /**
     * Figures of the last build or refresh, for logs, health and the benchmark; {@code cacheHits} and
     * {@code cacheMisses} count the searches answered from the answer cache and those searched afresh.
     */
    public record Stats(int services, long revision, long buildMillis, int changed, long heapBytes, long cacheHits, long cacheMisses) {
    }

    /**
     * One revision's index: its reader and facet state, the services' documents as stored (by id, served as they
     * are), their name order, and the facets' labels.
     */
    private record Snapshot(long revision, DirectoryReader reader, IndexSearcher searcher, Map<String, SortedSetDocValuesReaderState> states,
                            Documents documents, NameOrder order, Map<String, String> supplierNames,
                            Map<String, String> frameworkTitles) {
    }

    /** {@code cacheEntries}: how many rendered answers of the current revision to keep (0: none). */
    public CatalogueIndex(DbClient db, int cacheEntries) {
        this.db = db;
        this.cacheEntries = cacheEntries;
        this.embedded = no.skymarked.shared.EmbeddedRevision.of(db);
        if (embedded == null) {
            // a shared database: the revision is read, and a read up to the commit wait old serves (see FreshRevision)
            FreshRevision read = new FreshRevision(() -> revision(db.execute()), no.skymarked.shared.CommitWait.READ_WINDOW.toNanos(), System::nanoTime);
            this.revisions = read::get;
        } else {
            // embedded: published by its commits (known from the opening on; read strictly if not, since its commits
            // do not wait), and a commit published meanwhile may be newer, so the higher stays
            FreshRevision read = new FreshRevision(() -> revision(db.execute()));
            this.revisions = () -> {
                long known = embedded.get();
                return known != no.skymarked.shared.EmbeddedRevision.UNKNOWN ? known : embedded.accumulateAndGet(read.get(), Math::max);
            };
        }
        try {
            IndexWriterConfig iwc = new IndexWriterConfig(Analysis.perField());
            // the first build flushes once, into a segment per indexing thread, instead of flushing and merging as it goes
            iwc.setRAMBufferSizeMB(256);
            iwc.setUseCompoundFile(false);
            // a refresh does not wait for merges of small segments (Lucene waits up to 500 ms by default when a reader
            // is opened, which the first search after an edit then waited too); they finish in the background and a
            // later refresh takes them
            iwc.setMaxFullFlushMergeWaitMillis(0);
            iwc.setCommitOnClose(false);
            this.writer = new IndexWriter(directory, iwc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Stats stats() {
        Stats s = stats;
        return new Stats(s.services(), s.revision(), s.buildMillis(), s.changed(), s.heapBytes(), cacheHits.sum(), cacheMisses.sum());
    }

    /** Builds the index now (in the background at start), so the first search does not wait for it. */
    public void warm() {
        release(acquire(revisions.getAsLong()));
    }

    /**
     * The answer to a search as {@code render} makes it, from the cache when the same request was answered at the
     * catalogue revision committed now (a repeated search is then served without searching or serialising again).
     */
    public byte[] answer(SearchQuery query, int limit, int offset, Function<SearchResult, byte[]> render) {
        long revision = revisions.getAsLong();
        String key = query + "|" + limit + "|" + offset;
        Answers cached = answers;
        if (cached.revision() == revision) {
            byte[] hit = cached.byRequest().get(key);
            if (hit != null) {
                cacheHits.increment();
                return hit;
            }
        }
        cacheMisses.increment();
        Snapshot s = acquire(revision);
        byte[] body;
        try {
            body = render.apply(search(s, query, limit, offset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(s);
        }
        if (cacheEntries > 0) {
            Answers current = answers;
            if (current.revision() < s.revision()) {
                current = new Answers(s.revision());
                answers = current;
            }
            if (current.revision() == s.revision()) {
                if (current.byRequest().size() >= cacheEntries || current.bytes().get() + body.length > CACHE_MAX_BYTES) {
                    current.byRequest().clear();
                    current.bytes().set(0);
                }
                if (current.byRequest().put(key, body) == null) {
                    current.bytes().addAndGet(body.length);
                }
            }
        }
        return body;
    }

    private static void release(Snapshot s) {
        try {
            s.reader().decRef();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "releasing a search index reader failed", e);
        }
    }

    /**
     * Searches with every filter for the page and the counts of the unselected facets; each facet with a selection
     * is counted once more without its own filter (multi-select), by a constant-score run that ranks nothing.
     */
    private SearchResult search(Snapshot s, SearchQuery query, int limit, int offset) throws IOException {
        Query text = TextQuery.of(s.reader(), query.terms());
        Map<String, List<String>> filters = query.filters();
        int wanted = Math.max(1, offset + limit + 1);
        Sort sort = text == null ? new Sort(s.order().sortField()) : new Sort(SortField.FIELD_SCORE, s.order().sortField());
        FacetsCollectorManager.FacetsResult r = FacetsCollectorManager.search(s.searcher(), filtered(text, query, filters, null),
                wanted, sort, new FacetsCollectorManager());
        // every facet has a doc-values field of its own, so each count reads only its facet's values
        Map<String, Facets> counts = new HashMap<>();
        for (Map.Entry<String, SortedSetDocValuesReaderState> dim : s.states().entrySet()) {
            FacetsCollector hits = r.facetsCollector();
            if (filters.containsKey(dim.getKey())) {
                hits = s.searcher().search(new ConstantScoreQuery(filtered(text, query, filters, dim.getKey())),
                        new FacetsCollectorManager());
            }
            counts.put(dim.getKey(), new SortedSetDocValuesFacetCounts(dim.getValue(), hits));
        }
        ScoreDoc[] hits = r.topDocs().scoreDocs;
        List<SearchResult.Hit> rows = new ArrayList<>();
        for (int i = offset; i < hits.length; i++) {
            String id = id(hits[i]);
            rows.add(new SearchResult.Hit(id, s.documents().get(id)));
        }
        Page<SearchResult.Hit> page = Page.of(rows, limit, offset, query.hash());
        Map<String, Map<String, String>> highlights = !query.highlight() ? null
                : text == null ? new LinkedHashMap<>() : highlights(s, text, hits, offset, page.items().size());
        return new SearchResult(page.items(), page.nextCursor(), facets(s, counts, filters), highlights);
    }

    /** The text query with the status filter and every facet filter but {@code except}'s. */
    private Query filtered(Query text, SearchQuery query, Map<String, List<String>> filters, String except) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
        BooleanQuery.Builder statuses = new BooleanQuery.Builder();
        query.statuses().forEach(st -> statuses.add(new TermQuery(new Term(Fields.STATUS, st)), Occur.SHOULD));
        b.add(statuses.build(), Occur.FILTER);
        filters.forEach((dim, values) -> {
            if (!dim.equals(except)) {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                String field = config.getDimConfig(dim).indexFieldName;
                values.forEach(v -> any.add(new TermQuery(DrillDownQuery.term(field, dim, v)), Occur.SHOULD));
                b.add(any.build(), Occur.FILTER);
            }
        });
        return b.build();
    }

    private Map<String, List<Facet>> facets(Snapshot s, Map<String, Facets> counted, Map<String, List<String>> filters)
            throws IOException {
        Map<String, List<Facet>> out = new LinkedHashMap<>();
        for (String dim : Fields.FACETS) {
            Map<String, Long> counts = new HashMap<>();
            if (counted.containsKey(dim)) {
                FacetResult result = counted.get(dim).getAllChildren(dim);
                if (result != null) {
                    for (LabelAndValue lv : result.labelValues) {
                        counts.put(lv.label, lv.value.longValue());
                    }
                }
            }
            List<String> selected = filters.getOrDefault(dim, List.of());
            selected.forEach(v -> counts.putIfAbsent(v, 0L));
            out.put(dim, counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> new Facet(e.getKey(), e.getValue(), label(s, dim, e.getKey()), selected.contains(e.getKey())))
                    .toList());
        }
        return out;
    }

    private static String label(Snapshot s, String dim, String key) {
        return switch (dim) {
            case "supplier" -> s.supplierNames().get(key);
            case "framework" -> s.frameworkTitles().get(key);
            case "priceBand" -> PriceBand.labelOf(key);
            default -> null;
        };
    }

    private static Map<String, Map<String, String>> highlights(Snapshot s, Query text, ScoreDoc[] hits, int offset, int count)
            throws IOException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (count == 0) {
            return out;
        }
        ScoreDoc[] page = java.util.Arrays.copyOfRange(hits, offset, offset + count);
        // Words found by their start or by a compound part ("lagring" in Objektlagring) are marked whole: the prefix
        // fields are highlighted on the Norwegian name's and description's text, which the index keeps.
        // the catalogue's own text is escaped, so only the marks are markup
        UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(s.searcher(), Analysis.perField())
                .withFormatter(new org.apache.lucene.search.uhighlight.DefaultPassageFormatter("<b>", "</b>", "… ", true))) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, org.apache.lucene.search.DocIdSetIterator docs,
                                                           int cacheCharsThreshold) throws IOException {
                String[] stored = fields.clone();
                for (int f = 0; f < stored.length; f++) {
                    stored[f] = switch (stored[f]) {
                        case Fields.NAME_PREFIX -> Fields.NAME_NO;
                        case Fields.TEXT_PREFIX -> Fields.DESCRIPTION_NO;
                        default -> stored[f];
                    };
                }
                return super.loadFieldValues(stored, docs, cacheCharsThreshold);
            }
        };
        String[] fields = {Fields.NAME_NO, Fields.DESCRIPTION_NO, Fields.NAME_EN, Fields.DESCRIPTION_EN, Fields.NAME_PREFIX, Fields.TEXT_PREFIX};
        String[] names = {"name.nb", "description.nb", "name.en", "description.en", "name.nb", "description.nb"};
        Map<String, String[]> snippets = highlighter.highlightFields(fields, text,
                new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page), new int[] {1, 1, 1, 1, 1, 1});
        for (int i = 0; i < page.length; i++) {
            Map<String, String> one = new LinkedHashMap<>();
            for (int f = 0; f < fields.length; f++) {
                String snippet = snippets.get(fields[f])[i];
                if (snippet != null && snippet.contains("<b>")) {
                    one.putIfAbsent(names[f], snippet);  // a word found by its stem is marked first
                }
            }
            out.put(id(page[i]), one);
        }
        return out;
    }

    /** A hit's service id: the name order's sort value (every search sorts by it last). */
    private static String id(ScoreDoc hit) {
        Object[] values = ((org.apache.lucene.search.FieldDoc) hit).fields;
        return ((org.apache.lucene.util.BytesRef) values[values.length - 1]).utf8ToString();
    }

    /** A snapshot at least as new as {@code revision}, with its reader's reference taken (release with decRef). */
    private Snapshot acquire(long revision) {
        while (true) {
            Snapshot s = current;
            if (s == null || s.revision() < revision) {
                s = refresh(revision);
            }
            if (s.reader().tryIncRef()) {
                return s;
            }
        }
    }

    private Snapshot refresh(long revision) {
        refreshing.lock();
        try {
            Snapshot old = current;
            if (old != null && old.revision() >= revision) {
                return old;
            }
            long started = System.nanoTime();
            AtomicReference<Snapshot> made = new AtomicReference<>();
            int[] changed = new int[1];
            try {
                Tx.inTransaction(db, tx -> build(tx, old, made, changed));
            } catch (RuntimeException | Error e) {
                if (old == null) {
                    discardPartialBuild();
                }
                throw e;
            }
            Snapshot s = made.get();
            current = s;
            if (old != null) {
                release(old);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            stats = new Stats(s.reader().numDocs(), s.revision(), millis, changed[0], heapBytes(s), 0, 0);
            if (old == null) {
                LOG.info(String.format("search index built: services=%d revision=%d millis=%d heapBytes=%d",
                        s.reader().numDocs(), s.revision(), millis, stats.heapBytes()));
            } else {
                LOG.fine(() -> "search index refreshed to revision " + s.revision() + ": " + changed[0] + " services in " + millis + " ms");
            }
            return s;
        } finally {
            refreshing.unlock();
        }
    }

    private Void build(DbExecute tx, Snapshot old, AtomicReference<Snapshot> made, int[] changed) {
        long rev = revision(tx);
        Map<String, String> documents = new HashMap<>();
        // supplier names: searchable in their services, and the supplier facet's labels
        Map<String, String> suppliers = names(tx, "select org_no k, name v from supplier");
        changed[0] = index(tx, old == null ? -1 : old.revision(), old == null, documents, suppliers);
        try {
            long t0 = System.nanoTime();
            DirectoryReader opened = old == null ? DirectoryReader.open(writer) : DirectoryReader.openIfChanged(old.reader(), writer);
            if (opened == null) {
                old.reader().incRef();
                opened = old.reader();
            }
            DirectoryReader reader = opened;
            try {
                made.set(snapshot(tx, rev, reader, (old == null ? Documents.empty() : old.documents()).with(documents), suppliers, t0));
            } catch (IOException | RuntimeException | Error e) {
                reader.decRef();  // not handed to a snapshot
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    private Snapshot snapshot(DbExecute tx, long rev, DirectoryReader reader, Documents documents,
                              Map<String, String> suppliers, long t0) throws IOException {
        long t1 = System.nanoTime();
        Map<String, SortedSetDocValuesReaderState> states = new LinkedHashMap<>();
        var fields = org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader);
        for (String dim : Fields.FACETS) {
            String field = config.getDimConfig(dim).indexFieldName;
            if (fields.fieldInfo(field) != null) {  // a facet no service has a value of has no field yet
                states.put(dim, new DefaultSortedSetDocValuesReaderState(reader, field, config));
            }
        }
        Snapshot made = new Snapshot(rev, reader, new IndexSearcher(reader), states, documents, NameOrder.of(reader),
                suppliers, names(tx, "select id k, title_nb v from framework"));
        LOG.fine(String.format("reader opened in %d ms, facet state and name order in %d ms", (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000));
        return made;
    }

    /** After a failed first build nothing of it stays, so the next attempt adds every service once. */
    private void discardPartialBuild() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "clearing the search index after a failed build failed", e);
        }
    }

    /** The index files, the facet state, the name order and the kept documents (two bytes a character, as an estimate). */
    private long heapBytes(Snapshot s) {
        long bytes = 0;
        for (SortedSetDocValuesReaderState state : s.states().values()) {
            bytes += state instanceof DefaultSortedSetDocValuesReaderState d ? d.ramBytesUsed() : 0;
        }
        bytes += 2L * s.documents().chars() + s.order().ramBytesUsed();
        try {
            for (String file : directory.listAll()) {
                bytes += directory.fileLength(file);
            }
        } catch (IOException e) {
            // a file merged away meanwhile; the figure is an estimate anyway
        }
        return bytes;
    }

    /**
     * Writes the services changed after {@code since} (all at the first build) into the index; several threads
     * analyse while this one reads rows. Returns how many.
     */
    private int index(DbExecute tx, long since, boolean first, Map<String, String> documents, Map<String, String> suppliers) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        BlockingQueue<String[]> queue = new ArrayBlockingQueue<>(1024);
        String[] end = new String[0];
        AtomicReference<Throwable> failed = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().name("skymarked-search-index-" + i).daemon().start(() -> {
                try {
                    for (String[] row = queue.take(); row != end; row = queue.take()) {
                        if (failed.get() != null) {
                            continue;
                        }
                        Document doc;
                        try {
                            doc = Fields.of(Json.tree(row[1]), row[2], config);
                        } catch (RuntimeException e) {
                            // one document the index cannot take must not stop search for every other one
                            LOG.log(Level.WARNING, "service " + row[0] + " is left out of the search index: " + e.getMessage(), e);
                            continue;
                        }
                        if (first) {
                            writer.addDocument(doc);
                        } else {
                            writer.updateDocument(new Term(Fields.ID, row[0]), doc);
                        }
                    }
                } catch (Throwable t) {
                    failed.compareAndSet(null, t);
                    // keep taking until the end marker, so the reader never blocks on a full queue
                    try {
                        for (String[] row = queue.take(); row != end; row = queue.take()) {
                            // drained
                        }
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                    }
                }
            }));
        }
        int[] count = new int[1];
        long started = System.nanoTime();
        long[] waited = new long[1];
        try (Stream<DbRow> rows = tx.createQuery("select id, supplier_org_no, document from service where search_rev > ?")
                .params(since).execute()) {
            rows.forEach(r -> {
                String[] row = {r.column("id").get(String.class), r.column("document").get(String.class),
                        suppliers.get(r.column("supplier_org_no").get(String.class))};
                documents.put(row[0], row[1]);
                long before = System.nanoTime();
                put(queue, row);
                waited[0] += System.nanoTime() - before;
                count[0]++;
            });
        } finally {
            for (int i = 0; i < threads; i++) {
                put(queue, end);
            }
            for (Thread w : workers) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while indexing the catalogue", e);
                }
            }
        }
        if (failed.get() != null) {
            throw new IllegalStateException("indexing the catalogue failed", failed.get());
        }
        long total = (System.nanoTime() - started) / 1_000_000;
        LOG.fine(String.format("indexed %d services in %d ms; reading rows waited %d ms for the analysis", count[0], total,
                waited[0] / 1_000_000));
        return count[0];
    }

    private static void put(BlockingQueue<String[]> queue, String[] row) {
        try {
            queue.put(row);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing the catalogue", e);
        }
    }

    private static Map<String, String> names(DbExecute tx, String sql) {
        Map<String, String> out = new HashMap<>();
        try (Stream<DbRow> rows = tx.createQuery(sql).execute()) {
            rows.forEach(r -> out.put(r.column("k").get(String.class), r.column("v").get(String.class)));
        }
        return out;
    }

    private static long revision(DbExecute exec) {
        return exec.createGet("select rev from catalogue_revision where id = 1").execute()
                .map(r -> ((Number) r.column("rev").get()).longValue()).orElse(-1L);
    }

    @Override
    public void close() {
        try {
            Snapshot s = current;
            current = null;
            if (s != null) {
                s.reader().decRef();
            }
            writer.close();
            directory.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing the search index failed", e);
        }
    }
}
