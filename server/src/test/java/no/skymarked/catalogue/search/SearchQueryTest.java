package no.skymarked.catalogue.search;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.helidon.common.uri.UriQuery;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.QueryParams;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void splitsWordsKeepingNorwegianLetters() {
        assertThat(SearchQuery.terms("Sikkerhetskopi, Ærlig  på-nett!"), contains("sikkerhetskopi", "ærlig", "på", "nett"));
    }

    @Test
    void blankTextHasNoTerms() {
        assertThat(SearchQuery.terms("  ,, "), is(empty()));
        assertThat(SearchQuery.terms(null), is(empty()));
    }

    @Test
    void tooManyWordsIsRefusedNamingQ() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> SearchQuery.terms("a b c d e f g h i j k"));
        assertThat(e.getMessage(), org.hamcrest.Matchers.containsString("'q'"));
    }

    @Test
    void unknownCategoryIsRefusedNamingTheParameter() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> SearchQuery.from(new QueryParams(UriQuery.create("category=MAINFRAME"))));
        assertThat(e.status(), is(400));
        assertThat(e.getMessage(), org.hamcrest.Matchers.containsString("'category'"));
    }

    @Test
    void supplierWithWrongCheckDigitIsRefused() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> SearchQuery.from(new QueryParams(UriQuery.create("supplier=123456789"))));
        assertThat(e.getMessage(), org.hamcrest.Matchers.containsString("mod-11"));
    }

    @Test
    void hashDependsOnFilters() {
        SearchQuery a = SearchQuery.from(new QueryParams(UriQuery.create("category=SAAS")));
        SearchQuery b = SearchQuery.from(new QueryParams(UriQuery.create("category=IAAS")));
        SearchQuery c = SearchQuery.from(new QueryParams(UriQuery.create("category=SAAS&q=")));
        assertThat(a.hash(), not(b.hash()));
        assertThat(a.hash(), is(c.hash()));
    }

    @Test
    void filtersAcceptRepeatedAndCommaSeparatedValues() {
        SearchQuery q = SearchQuery.from(new QueryParams(UriQuery.create("category=SAAS,PAAS&category=IAAS&dataLocation=NO")));
        assertThat(q.categories(), contains("SAAS", "PAAS", "IAAS"));
        assertThat(q.dataLocations(), contains("NO"));
    }
}
