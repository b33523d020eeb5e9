package no.skymarked.catalogue.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.SimpleFieldComparator;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.Bits;

/**
 * The services of one index snapshot in Norwegian name order (then by id), as a position per document, and each
 * document's service id: worked out once when the snapshot is made, so sorting a search's hits compares two ints
 * instead of looking up and comparing names.
 */
final class NameOrder extends FieldComparatorSource {
    private final int[] position;
    private final String[] ids;

    private NameOrder(int[] position, String[] ids) {
        this.position = position;
        this.ids = ids;
    }

    static NameOrder of(IndexReader reader) throws IOException {
        int max = reader.maxDoc();
        byte[][] keys = new byte[max][];
        String[] ids = new String[max];
        int live = 0;
        Integer[] docs = new Integer[reader.numDocs()];
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedDocValues names = DocValues.getSorted(leaf.reader(), Fields.NAME_SORT);
            SortedDocValues idValues = DocValues.getSorted(leaf.reader(), Fields.ID);
            Bits liveDocs = leaf.reader().getLiveDocs();
            for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                if (liveDocs != null && !liveDocs.get(d)) {
                    continue;
                }
                int doc = leaf.docBase + d;
                if (names.advanceExact(d)) {
                    var key = names.lookupOrd(names.ordValue());
                    keys[doc] = Arrays.copyOfRange(key.bytes, key.offset, key.offset + key.length);
                } else {
                    keys[doc] = new byte[0];
                }
                ids[doc] = idValues.advanceExact(d) ? idValues.lookupOrd(idValues.ordValue()).utf8ToString() : "";
                docs[live++] = doc;
            }
        }
        Arrays.sort(docs, 0, live, (a, b) -> {
            int byName = Arrays.compareUnsigned(keys[a], keys[b]);
            return byName != 0 ? byName : ids[a].compareTo(ids[b]);
        });
        int[] position = new int[max];
        Arrays.fill(position, Integer.MAX_VALUE);
        for (int i = 0; i < live; i++) {
            position[docs[i]] = i;
        }
        return new NameOrder(position, ids);
    }

    /** The service id of a document of the snapshot. */
    String id(int doc) {
        return ids[doc];
    }

    SortField sortField() {
        return new SortField(Fields.NAME_SORT, this);
    }

    @Override
    public FieldComparator<?> newComparator(String field, int numHits, Pruning pruning, boolean reversed) {
        return new SimpleFieldComparator<Integer>() {
            private final int[] slots = new int[numHits];
            private int docBase;
            private int bottom;
            private int top;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
                docBase = context.docBase;
            }

            @Override
            public int compare(int a, int b) {
                return Integer.compare(slots[a], slots[b]);
            }

            @Override
            public void setBottom(int slot) {
                bottom = slots[slot];
            }

            @Override
            public int compareBottom(int doc) {
                return Integer.compare(bottom, position[docBase + doc]);
            }

            @Override
            public int compareTop(int doc) {
                return Integer.compare(top, position[docBase + doc]);
            }

            @Override
            public void copy(int slot, int doc) {
                slots[slot] = position[docBase + doc];
            }

            @Override
            public void setTopValue(Integer value) {
                top = value;
            }

            @Override
            public Integer value(int slot) {
                return slots[slot];
            }
        };
    }
}
