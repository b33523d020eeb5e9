package no.skymarked.catalogue.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * How catalogue text becomes search terms, the same at index and query time:
 * <ul>
 *   <li>every chain lower-cases and folds diacritics (é→e, ü→u, ä→æ, ö→ø) but keeps æ, ø and å as letters of their
 *       own, so "lønn" and "lonn" stay different words;</li>
 *   <li>Norwegian fields drop Norwegian stop words and stem bokmål and nynorsk ("arkivet", "arkiva" → "arkiv");</li>
 *   <li>English fields drop English stop words and stem English ("services" → "servic");</li>
 *   <li>{@code prefix} keeps the starts, 3–15 letters and unstemmed, of the words and of their known compound parts
 *       from the dictionary in {@code search/compound-parts.txt} ("postg" finds PostgreSQL, "lagring" finds
 *       Objektlagring; typo correction looks here too); {@code WORDS} is the folding alone, for the query's own
 *       words.</li>
 * </ul>
 */
public final class Analysis {
    /** NorwegianLightStemmer's BOKMAAL (1) and NYNORSK (2) flags together. */
    private static final int BOKMAAL_AND_NYNORSK = 1 | 2;
    static final int MIN_PREFIX = 3;
    static final int MAX_PREFIX = 15;
    static final CharArraySet NORWEGIAN_STOP = NorwegianAnalyzer.getDefaultStopSet();
    static final CharArraySet ENGLISH_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    static final CharArraySet COMPOUND_PARTS = dictionary();

    static final Analyzer NORWEGIAN = analyzer(t -> new NorwegianLightStemFilter(new StopFilter(t, NORWEGIAN_STOP), BOKMAAL_AND_NYNORSK));
    static final Analyzer ENGLISH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream t = new NordicFolding(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
            return new TokenStreamComponents(source, new PorterStemFilter(new StopFilter(t, ENGLISH_STOP)));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new NordicFolding(new LowerCaseFilter(in));
        }
    };
    static final Analyzer WORDS = analyzer(t -> t);
    /** Starts of the words and of their known compound parts ("objektlagring" → "obj" … "objektlagring", "lag" … "lagring"). */
    static final Analyzer PREFIX = analyzer(t -> new EdgeNGramTokenFilter(compounds(t), MIN_PREFIX, MAX_PREFIX, false));
    /** Starts of words only (supplier names, whose parts mislead). */
    static final Analyzer STARTS = analyzer(t -> new EdgeNGramTokenFilter(t, MIN_PREFIX, MAX_PREFIX, false));
    /** A query word's known compound parts, as the dictionary has them. */
    static final Analyzer PARTS = analyzer(t -> new PartsOnly(compounds(t)));

    private Analysis() {
    }

    /** The analyzer of every field the index has (keyword-like fields are not analyzed). */
    static Analyzer perField() {
        return new PerFieldAnalyzerWrapper(NORWEGIAN, Map.of(
                Fields.NAME_NO, NORWEGIAN, Fields.DESCRIPTION_NO, NORWEGIAN, Fields.KEYWORDS, NORWEGIAN, Fields.SUPPLIER_NAME, NORWEGIAN,
                Fields.NAME_EN, ENGLISH, Fields.DESCRIPTION_EN, ENGLISH,
                Fields.NAME_PREFIX, PREFIX, Fields.TEXT_PREFIX, PREFIX, Fields.SUPPLIER_PREFIX, STARTS));
    }

    /** The terms {@code analyzer} makes of {@code text}. */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The parts of a compound word as a query sees them: the longest known part at each place, without overlaps;
     * empty unless the word has at least two.
     */
    static List<String> compoundParts(String word) {
        List<String> parts = terms(PARTS, word);
        return parts.size() >= 2 ? parts : List.of();
    }

    private interface Chain {
        TokenStream after(TokenStream folded);
    }

    private static Analyzer analyzer(Chain chain) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, chain.after(new NordicFolding(new LowerCaseFilter(source))));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new NordicFolding(new LowerCaseFilter(in));
            }
        };
    }

    private static TokenStream compounds(TokenStream t) {
        // the word, then its parts of 3–15 letters (in words of 6 or more): the longest part at each place, no letter
        // used twice
        return new DictionaryCompoundWordTokenFilter(t, COMPOUND_PARTS, 6, 3, 15, true, false);
    }

    private static CharArraySet dictionary() {
        try (InputStream in = Analysis.class.getResourceAsStream("/search/compound-parts.txt")) {
            if (in == null) {
                throw new IllegalStateException("search/compound-parts.txt is missing from the class path");
            }
            CharArraySet set = new CharArraySet(512, false);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    set.add(word);
                }
            }
            return CharArraySet.unmodifiableSet(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps only what a compound filter added (the parts, at the word's position), not the words themselves. */
    private static final class PartsOnly extends TokenFilter {
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);

        PartsOnly(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (input.incrementToken()) {
                if (position.getPositionIncrement() == 0) {
                    position.setPositionIncrement(1);
                    return true;
                }
            }
            return false;
        }
    }

    /** Folds diacritics to ASCII except the Norwegian letters æ, ø and å; Swedish/German ä and ö become æ and ø. */
    static final class NordicFolding extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final char[] one = new char[1];
        private final char[] folded = new char[8];

        NordicFolding(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            char[] buffer = term.buffer();
            int length = term.length();
            boolean plain = true;
            for (int i = 0; i < length && plain; i++) {
                plain = buffer[i] < 0x80 || buffer[i] == 'æ' || buffer[i] == 'ø' || buffer[i] == 'å';
            }
            if (plain) {
                return true;
            }
            StringBuilder out = new StringBuilder(length + 4);
            for (int i = 0; i < length; i++) {
                char c = buffer[i];
                if (c < 0x80 || c == 'æ' || c == 'ø' || c == 'å') {
                    out.append(c);
                } else if (c == 'ä') {
                    out.append('æ');
                } else if (c == 'ö') {
                    out.append('ø');
                } else {
                    one[0] = c;
                    out.append(folded, 0, ASCIIFoldingFilter.foldToASCII(one, 0, folded, 0, 1));
                }
            }
            term.setEmpty().append(out);
            return true;
        }
    }
}
