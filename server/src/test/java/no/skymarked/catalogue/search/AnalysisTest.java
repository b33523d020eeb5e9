package no.skymarked.catalogue.search;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The text analysis, price bands and the shared revision read, without a server or a database. */
class AnalysisTest {

    @Test
    void norwegianStemsBokmaalAndNynorskInflections() {
        assertThat(Analysis.terms(Analysis.NORWEGIAN, "arkivet"), contains("arkiv"));
        assertThat(Analysis.terms(Analysis.NORWEGIAN, "arkiva"), contains("arkiv"));
        assertThat(Analysis.terms(Analysis.NORWEGIAN, "Arkiv"), contains("arkiv"));
        assertThat(Analysis.terms(Analysis.NORWEGIAN, "lagringen"), is(Analysis.terms(Analysis.NORWEGIAN, "lagring")));
    }

    @Test
    void norwegianStopWordsAreDroppedOnlyInNorwegian() {
        assertThat(Analysis.terms(Analysis.NORWEGIAN, "og i for"), is(empty()));
        assertThat(Analysis.terms(Analysis.ENGLISH, "the services"), contains("servic"));
    }

    @Test
    void accentsFoldButNorwegianLettersStay() {
        assertThat(Analysis.terms(Analysis.WORDS, "Kafé Müller"), contains("kafe", "muller"));
        assertThat(Analysis.terms(Analysis.WORDS, "Lønn Æble Åpen"), contains("lønn", "æble", "åpen"));
        assertThat(Analysis.terms(Analysis.WORDS, "lonn"), not(hasItem("lønn")));
        assertThat(Analysis.terms(Analysis.WORDS, "Möte Bär"), contains("møte", "bær"));
    }

    @Test
    void compoundsAreSplitIntoTheirKnownParts() {
        assertThat(Analysis.compoundParts("skylagring"), contains("sky", "lagring"));
        assertThat(Analysis.compoundParts("sikkerhetskopi"), contains("sikkerhet", "kopi"));
        assertThat(Analysis.compoundParts("objektlagring"), contains("objekt", "lagring"));
        assertThat("a word that is one known part is not a compound", Analysis.compoundParts("lagring"), is(empty()));
        assertThat("no known parts", Analysis.compoundParts("fjellrev"), is(empty()));
    }

    @Test
    void startsOfCompoundPartsAreIndexedToo() {
        List<String> starts = Analysis.terms(Analysis.PREFIX, "Objektlagring");
        assertThat(starts, hasItem("objektlagring"));
        assertThat(starts, hasItem("lagring"));
        assertThat(Analysis.terms(Analysis.STARTS, "Arkivhuset"), not(hasItem("huset")));
    }

    @Test
    void prefixesAreThreeToFifteenLetters() {
        List<String> starts = Analysis.terms(Analysis.PREFIX, "PostgreSQL");
        assertThat(starts.getFirst(), is("pos"));
        assertThat(starts, hasItem("postgres"));
        assertThat(Analysis.terms(Analysis.PREFIX, "vm"), is(empty()));
    }

    @Test
    void stopWordsOfEitherLanguageNeedNotMatch() {
        assertThat(TextQuery.stopWord("og"), is(true));
        assertThat(TextQuery.stopWord("the"), is(true));
        assertThat(TextQuery.stopWord("arkiv"), is(false));
    }

    @Test
    void priceBandsAreHalfOpen() {
        assertThat(PriceBand.of(new BigDecimal("0.50")), is(PriceBand.UNDER_100));
        assertThat(PriceBand.of(new BigDecimal("99.99")), is(PriceBand.UNDER_100));
        assertThat(PriceBand.of(new BigDecimal("100.00")), is(PriceBand.FROM_100));
        assertThat(PriceBand.of(new BigDecimal("9999.99")), is(PriceBand.FROM_1000));
        assertThat(PriceBand.of(new BigDecimal("10000")), is(PriceBand.FROM_10000));
        assertThat(PriceBand.of(null), is(nullValue()));
    }

    @Test
    void searchesArrivingTogetherShareOneRevisionReadThatStartedAfterThem() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        AtomicLong committed = new AtomicLong(7);
        CountDownLatch firstReadStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstRead = new CountDownLatch(1);
        FreshRevision revision = new FreshRevision(() -> {
            long seen = committed.get();
            if (reads.incrementAndGet() == 1) {
                firstReadStarted.countDown();
                await(releaseFirstRead);
            }
            return seen;
        });
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        Future<Long> first = pool.submit(revision::get);
        firstReadStarted.await();
        committed.set(8);  // an edit commits while the first read runs: later searches must see it
        List<Future<Long>> later = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            later.add(pool.submit(revision::get));
        }
        Thread.sleep(100);
        releaseFirstRead.countDown();
        assertThat(first.get(), is(7L));
        for (Future<Long> f : later) {
            assertThat("a search that arrived after the edit sees it", f.get(), is(8L));
        }
        assertThat("twenty searches waiting together needed one more read", reads.get(), is(2));
        pool.shutdown();
    }

    @Test
    void onASharedDatabaseAReadWithinTheCommitWaitServesAndAnOlderOneDoesNot() throws Exception {
        AtomicLong clock = new AtomicLong();
        AtomicLong committed = new AtomicLong(1);
        AtomicInteger reads = new AtomicInteger();
        FreshRevision revision = new FreshRevision(() -> {
            reads.incrementAndGet();
            return committed.get();
        }, 100, clock::get);
        assertThat(revision.get(), is(1L));
        committed.set(2);  // an edit commits just after the read started; it is answered no sooner than 100 later
        clock.set(40);
        assertThat("a search at 40 cannot follow that edit's answer: the read that started at 0 serves", revision.get(), is(1L));
        assertThat(reads.get(), is(1));
        clock.set(101);
        assertThat("a search after the edit was answered reads again, and sees it", revision.get(), is(2L));
        assertThat(reads.get(), is(2));
        committed.set(3);
        clock.set(160);
        assertThat("half the window old: served, and a read started in the background", revision.get(), is(2L));
        clock.set(200);
        long served = revision.get();
        for (int i = 0; i < 500 && served != 3; i++) {  // until the background read (started at 160) is done
            Thread.sleep(10);
            served = revision.get();
        }
        assertThat("the read started at 160 in the background serves a search at 200", served, is(3L));
        assertThat("no search waited for a read of its own", reads.get(), is(3));
    }

    @Test
    void aFailedRevisionReadFailsItsSearchesAndTheNextReadIsTried() {
        AtomicInteger reads = new AtomicInteger();
        FreshRevision revision = new FreshRevision(() -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return 3;
        });
        try {
            revision.get();
            throw new AssertionError("expected the read's failure");
        } catch (IllegalStateException e) {
            assertThat(e.getMessage(), is("database down"));
        }
        assertThat(revision.get(), is(3L));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
