package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The word-overlap measure of the splitting check, on Norwegian titles and need descriptions. */
class NeedSimilarityTest {

    private static boolean similar(String title1, String need1, String title2, String need2) {
        return NeedSimilarity.similar(NeedSimilarity.words(title1, need1), NeedSimilarity.words(title2, need2));
    }

    @Test
    void wordsAreLowerCaseWithoutPunctuationFunctionWordsOrSingleLetters() {
        assertThat(NeedSimilarity.words("Nytt SØKNADSSKJEMA for tilskudd – del 2!", "Sak- og arkivsystem i skyen, å flytte"),
                containsInAnyOrder("søknadsskjema", "tilskudd", "del", "sak", "arkivsystem", "skyen", "flytte"));
        assertThat(NeedSimilarity.words(null, "og i på"), is(Set.of()));
    }

    @Test
    void aRephrasedContinuationIsTheSameNeed() {
        // {søknadsskjema, skjema, søknad, tilskudd} and {søknadsskjema, del, skjema, søknad, tilskudd, vedlegg, kvittering}: 4 of 7
        assertThat(similar("Søknadsskjema", "Nytt skjema for søknad om tilskudd",
                "Søknadsskjema del 2", "Skjema for søknad om tilskudd: vedlegg og kvittering"), is(true));
    }

    @Test
    void theSameTextInOtherCaseAndPunctuationIsTheSameNeed() {
        assertThat(similar("Ny innbyggertjeneste", "Utvikling av skjema for søknad om tilskudd",
                "NY INNBYGGERTJENESTE.", "utvikling av skjema, for søknad om tilskudd"), is(true));
    }

    @Test
    void exactlyHalfOfTheWordsSharedIsTheSameNeed() {
        // {brannalarm, varsling} and {brannalarm, varsling, sms, integrasjon}: 2 of 4
        assertThat(similar("Brannalarm", "varsling", "Brannalarm", "varsling sms integrasjon"), is(true));
        // {brannalarm, varsling} and {brannalarm, varsling, sms, integrasjon, test}: 2 of 5
        assertThat(similar("Brannalarm", "varsling", "Brannalarm", "varsling sms integrasjon test"), is(false));
    }

    @Test
    void anotherNeedOfTheSameAgencyIsNotSimilar() {
        assertThat(similar("Søknadsskjema", "Nytt skjema for søknad om tilskudd",
                "Migrering av arkiv", "Flytte sak- og arkivsystemet til skyen"), is(false));
        // one shared word of many is not enough: a form for grants and a form for building permits
        assertThat(similar("Søknadsskjema for tilskudd", "Skjema for søknad om kulturtilskudd",
                "Byggesøknad", "Digitalt skjema for byggesak og nabovarsel"), is(false));
    }

    @Test
    void textsWithoutWordsAreNotSimilar() {
        assertThat(similar("og", "i", "på", "til"), is(false));
    }

    @Test
    void theSameProjectReferenceIsTheSameNeedIgnoringCaseAndSpace() {
        CallOffNeed a = new CallOffNeed("PRJ-2026-14", "Søknadsskjema", "Skjema for tilskudd");
        CallOffNeed b = new CallOffNeed(" prj-2026-14", "Arkiv", "Migrering");
        assertThat(a.sameNeedAs(b).orElseThrow(), is(CallOffNeed.Basis.PROJECT_REFERENCE));
        assertThat(new CallOffNeed("PRJ-1", "Arkiv", "Migrering").sameNeedAs(new CallOffNeed("PRJ-2", "Arkiv", "Migrering")).orElseThrow(),
                is(CallOffNeed.Basis.SIMILAR_TEXT));
        assertThat(new CallOffNeed(null, "Arkiv", "Migrering").sameNeedAs(a).isPresent(), is(false));
        assertThat(new CallOffNeed(" ", "Arkiv", "Migrering").sameNeedAs(new CallOffNeed(" ", "Søknad", "Skjema")).isPresent(), is(false));
    }
}
