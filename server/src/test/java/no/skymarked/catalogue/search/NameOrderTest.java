package no.skymarked.catalogue.search;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The name order against a plain sort by collation key and id, over several segments and replaced documents. */
class NameOrderTest {
    private static final String[] WORDS = {"Arkiv", "arkiv", "Zulu", "Ærfugl", "Ørret", "Åker", "Øvre", "Aalesund", "Ål", "Ære", "Énergie", "Zebra"};

    private record Service(String id, String name) {
    }

    private static Document doc(Service s) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, s.id(), Field.Store.NO));
        d.add(new SortedDocValuesField(Fields.ID, new BytesRef(s.id())));
        d.add(new SortedDocValuesField(Fields.NAME_SORT, Fields.sortKey(s.name())));
        return d;
    }

    @Test
    void hitsOfEverySegmentAreInNorwegianNameOrderThenById() throws Exception {
        Random random = new Random(7);
        List<Service> services = new ArrayList<>();
        try (var dir = new ByteBuffersDirectory(); var writer = new IndexWriter(dir, new IndexWriterConfig())) {
            for (int segment = 0; segment < 4; segment++) {
                for (int i = 0; i < 60; i++) {
                    Service s = new Service("s" + random.nextInt(400), WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? "" : " " + random.nextInt(5)));
                    services.removeIf(x -> x.id().equals(s.id()));
                    services.add(s);
                    writer.updateDocument(new Term(Fields.ID, s.id()), doc(s));
                }
                writer.flush();  // a segment of its own, and deletions in the earlier ones
            }
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertThat("several segments", reader.leaves().size() > 1, is(true));
                Comparator<Service> norwegian = Comparator.<Service, BytesRef>comparing(s -> Fields.sortKey(s.name()))
                        .thenComparing(s -> new BytesRef(s.id()));
                List<String> expected = services.stream().sorted(norwegian).map(Service::id).toList();
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int n : new int[] {3, 10, expected.size()}) {
                    ScoreDoc[] hits = searcher.search(new MatchAllDocsQuery(), n, new Sort(NameOrder.of(reader).sortField())).scoreDocs;
                    assertThat("top " + n, ids(reader, hits), is(expected.subList(0, n)));
                }
            }
        }
    }

    private static List<String> ids(DirectoryReader reader, ScoreDoc[] hits) throws Exception {
        List<String> out = new ArrayList<>();
        for (ScoreDoc hit : hits) {
            var leaf = reader.leaves().get(ReaderUtil.subIndex(hit.doc, reader.leaves()));
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), Fields.ID);
            ids.advanceExact(hit.doc - leaf.docBase);
            out.add(ids.lookupOrd(ids.ordValue()).utf8ToString());
        }
        return out;
    }
}
