package no.skymarked.catalogue.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The query for {@code q}: every word must match (stop words such as "og", "i", "the" need not, unless there are
 * only such words, nor words every
 * service of the catalogue is about, such as "sky", "cloud", "tjeneste", which only rank), and a word matches
 * a service, best first, when
 * <ol>
 *   <li>its stem is a word of the name (Norwegian or English), then of the keywords or supplier name, then of the
 *       description ("arkivet" finds "arkiv", "services" finds "service");</li>
 *   <li>it is the start of a word ("postg" finds PostgreSQL) or a known part of a compound ("lagring" finds
 *       "Objektlagring"), in the name before the text;</li>
 *   <li>it is a compound whose last known part occurs, the more of its other parts the better ("skylagring" finds
 *       "lagring i skyen" first, then other storage: the last part of a Norwegian compound is what it is);</li>
 *   <li>only when none of that exists anywhere in the catalogue, and the word has five letters or more: a word or
 *       start of a word one edit away ("postgress" finds PostgreSQL, "kubernets" Kubernetes), ranked below every
 *       exact match.</li>
 * </ol>
 * Within a word the best of these counts (BM25 per field); the words' scores add up.
 */
final class TextQuery {
    static final float NAME = 4f;
    static final float KEYWORD = 2f;
    static final float TEXT = 1f;
    private static final float TYPO = 0.05f;
    static final int TYPO_MIN_LENGTH = 5;
    /** Words one edit away a typo is matched with, at most, per field (ten words stay far below Lucene's clause limit). */
    private static final int TYPO_EXPANSIONS = 10;

    private TextQuery() {
    }

    /**
     * Words every service of a cloud catalogue is about: they rank what has them higher but need not match ("lagring
     * i skyen" finds storage services that do not say "sky"), unless the search has no other words.
     */
    static final java.util.Set<String> CATALOGUE_WORDS = java.util.Set.of("sky", "skyen", "skya", "skyer", "skyene", "cloud",
            "clouds", "tjeneste", "tjenester", "tjenesten", "tjenestene", "service", "services", "løsning", "løysing", "løsninger");

    /** The query for the words of {@code q} (already split and lower-cased), or null when there are none. */
    static Query of(IndexReader reader, List<String> words) {
        List<String> wanted = words.stream().filter(w -> !stopWord(w)).toList();
        boolean onlyStopWords = wanted.isEmpty() && !words.isEmpty();
        boolean onlyCatalogueWords = wanted.stream().allMatch(CATALOGUE_WORDS::contains);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (String word : onlyStopWords ? words : wanted) {
            Query q = word(reader, word);
            boolean optional = CATALOGUE_WORDS.contains(word) && !onlyCatalogueWords;
            if (q == null && !optional) {
                // a word that can match nothing the index has (e.g. a two-letter stop word alone) matches nothing
                return new MatchNoDocsQuery("'" + word + "' can match no indexed word");
            }
            if (q != null) {
                all.add(q, optional ? Occur.SHOULD : Occur.MUST);
                clauses++;
            }
        }
        return clauses == 0 ? null : all.build();
    }

    static boolean stopWord(String word) {
        return Analysis.NORWEGIAN_STOP.contains(word) || Analysis.ENGLISH_STOP.contains(word);
    }

    private static Query word(IndexReader reader, String word) {
        List<Query> alternatives = new ArrayList<>();
        Terms terms = new Terms(reader);
        List<String> stems = Analysis.terms(Analysis.NORWEGIAN, word);
        for (String stem : stems) {
            add(alternatives, terms, Fields.NAME_NO, stem, NAME);
            add(alternatives, terms, Fields.KEYWORDS, stem, KEYWORD);
            add(alternatives, terms, Fields.SUPPLIER_NAME, stem, KEYWORD);
            add(alternatives, terms, Fields.DESCRIPTION_NO, stem, TEXT);
        }
        for (String stem : Analysis.terms(Analysis.ENGLISH, word)) {
            add(alternatives, terms, Fields.NAME_EN, stem, NAME);
            add(alternatives, terms, Fields.DESCRIPTION_EN, stem, TEXT);
        }
        // the start of a word or of a compound part, as typed or stemmed ("lagringen" finds Objektlagring)
        List<String> folded = Analysis.terms(Analysis.WORDS, word);
        java.util.Set<String> starts = new java.util.LinkedHashSet<>(folded);
        starts.addAll(stems);
        for (String start : starts) {
            starts(alternatives, terms, start);
        }
        List<String> parts = Analysis.compoundParts(word);
        if (!parts.isEmpty()) {
            BooleanQuery.Builder each = new BooleanQuery.Builder();
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i);
                List<Query> where = new ArrayList<>();
                for (String stem : Analysis.terms(Analysis.NORWEGIAN, part)) {
                    add(where, terms, Fields.NAME_NO, stem, NAME);
                    add(where, terms, Fields.KEYWORDS, stem, KEYWORD);
                    add(where, terms, Fields.DESCRIPTION_NO, stem, TEXT);
                }
                starts(where, terms, part);
                boolean last = i == parts.size() - 1;
                if (last && where.isEmpty()) {
                    each = null;  // the part it is made of is nowhere: the compound cannot match that way
                    break;
                }
                if (!where.isEmpty()) {
                    // the last part is what a Norwegian compound is (skylagring is lagring); the others narrow it down
                    each.add(new DisjunctionMaxQuery(where, 0.1f), last ? Occur.MUST : Occur.SHOULD);
                }
            }
            if (each != null) {
                alternatives.add(new BoostQuery(each.build(), 0.4f));
            }
        }
        if (!terms.found) {
            for (String w : folded) {
                if (w.codePointCount(0, w.length()) >= TYPO_MIN_LENGTH) {
                    // the prefix fields hold words (and starts of longer ones) of up to MAX_PREFIX letters
                    String start = w.length() > Analysis.MAX_PREFIX ? w.substring(0, Analysis.MAX_PREFIX) : w;
                    for (String field : List.of(Fields.NAME_PREFIX, Fields.TEXT_PREFIX, Fields.SUPPLIER_PREFIX)) {
                        alternatives.add(new BoostQuery(new ConstantScoreQuery(
                                new FuzzyQuery(new Term(field, start), 1, 1, TYPO_EXPANSIONS, true)), TYPO));
                    }
                }
            }
        }
        return alternatives.isEmpty() ? null : new DisjunctionMaxQuery(alternatives, 0.1f);
    }

    private static void starts(List<Query> alternatives, Terms terms, String start) {
        if (start.length() >= Analysis.MIN_PREFIX) {
            String s = start.length() > Analysis.MAX_PREFIX ? start.substring(0, Analysis.MAX_PREFIX) : start;
            add(alternatives, terms, Fields.NAME_PREFIX, s, NAME * 0.5f);
            add(alternatives, terms, Fields.TEXT_PREFIX, s, TEXT * 0.4f);
            add(alternatives, terms, Fields.SUPPLIER_PREFIX, s, TEXT * 0.4f);
        }
    }

    /**
     * Adds the term's query when the index holds the term: one that is nowhere would only cost its lookups and a place
     * in the disjunction every match is ranked through, and change nothing.
     */
    private static void add(List<Query> alternatives, Terms terms, String field, String text, float boost) {
        Term term = new Term(field, text);
        if (terms.found(term)) {
            alternatives.add(new BoostQuery(new TermQuery(term), boost));
        }
    }

    /**
     * Whether any of a word's terms is in the index (otherwise the word is taken for a typo); a term only in services
     * replaced since the last merge still counts, so this may differ a little between servers.
     */
    private static final class Terms {
        private final IndexReader reader;
        boolean found;

        Terms(IndexReader reader) {
            this.reader = reader;
        }

        boolean found(Term term) {
            try {
                boolean in = reader.docFreq(term) > 0;
                found |= in;
                return in;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
