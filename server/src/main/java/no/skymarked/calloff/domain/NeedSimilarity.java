package no.skymarked.calloff.domain;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether two need texts (title and need description) describe the same need, for the splitting check (E7). A
 * deterministic word-overlap measure, the Jaccard index of the texts' word sets: the words both share divided by the
 * words either has. The texts count as the same need when that share is at least {@link #MIN_SHARED_PERCENT} %
 * (compared in whole numbers: {@code 100 × shared ≥ 50 × all}).
 *
 * <p>Words: the text in Unicode NFKC, lower case, split at anything that is not a letter or a digit ("sak- og
 * arkivsystem" gives "sak", "og", "arkivsystem"); words of one character and the Norwegian (bokmål and nynorsk) and
 * English function words in {@link #STOP_WORDS} are left out. There is no stemming: "skjema" and "skjemaet" are
 * different words. Two texts without any word left are not similar (nothing to compare).
 */
public final class NeedSimilarity {
    public static final int MIN_SHARED_PERCENT = 50;

    /** Words that say nothing about the need: function words, and "ny/nytt/nye" (new), which most titles start with. */
    static final Set<String> STOP_WORDS = Set.of(
            "og", "i", "på", "til", "for", "av", "med", "som", "en", "et", "ei", "den", "det", "de", "dei", "dette", "disse",
            "om", "fra", "frå", "er", "vert", "blir", "å", "at", "har", "ved", "mot", "eller", "men", "ikke", "ikkje", "vi",
            "oss", "vår", "vårt", "våre", "sin", "sitt", "sine", "seg", "skal", "vil", "kan", "må", "så", "nå", "no",
            "ny", "nytt", "nye", "the", "and", "of", "to", "in", "on", "an", "new");

    private NeedSimilarity() {
    }

    /** The words of the texts, as compared (see the class comment); null texts have none. */
    public static Set<String> words(String... texts) {
        Set<String> out = new HashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            for (String word : normal.split("[^\\p{L}\\p{N}]+")) {
                if (word.codePointCount(0, word.length()) > 1 && !STOP_WORDS.contains(word)) {
                    out.add(word);
                }
            }
        }
        return out;
    }

    /** The same need by its words: at least half of all the words of the two texts are in both. */
    public static boolean similar(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        if (all.isEmpty()) {
            return false;
        }
        long shared = a.stream().filter(b::contains).count();
        return 100 * shared >= (long) MIN_SHARED_PERCENT * all.size();
    }
}
