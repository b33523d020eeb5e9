package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Domain rules §3.2: the consensus locks the quality scores before prices are shown; §3.5: the draw seed is committed to. */
class QualityLockTest {
    private static final Instant T0 = Instant.parse("2026-12-15T11:00:00Z");

    private static Competition.Assessment scored(String org, String quality) {
        return new Competition.Assessment(org, new BigDecimal("1000000"), List.of(new Competition.Score("quality", new BigDecimal(quality), "r")), null);
    }

    private static Competition.Assessment rejected(String org) {
        return new Competition.Assessment(org, new BigDecimal("1000000"), List.of(), new Competition.Rejection("SUBSTANTIAL_DEVIATION", "r"));
    }

    @Test
    void lockedScoresNeverChangeButARejectionMayReplaceThem() {
        Competition.QualityLock lock = Competition.QualityLock.of(T0, List.of(scored("A", "7"), rejected("B")));
        assertThat(lock.changedIn(List.of(scored("A", "7.0"), rejected("B"))), is(empty()));
        assertThat(lock.changedIn(List.of(rejected("B"), scored("A", "8"))).stream().map(Violation::pointer).toList(),
                contains("/tenders/1/scores/0/score"));
        assertThat(lock.changedIn(List.of(rejected("A"), scored("B", "3"))), is(empty()));
        // B, rejected when the lock was made, is locked when first scored
        Competition.QualityLock later = lock.with(T0.plusSeconds(60), List.of(scored("A", "7"), scored("B", "3")));
        assertThat(later.tenders().get("B").lockedAt(), is(T0.plusSeconds(60)));
        assertThat(later.tenders().get("A").lockedAt(), is(T0));
        assertThat(later.changedIn(List.of(scored("A", "7"), scored("B", "4"))).stream().map(Violation::code).toList(),
                contains(Competition.QUALITY_LOCKED));
    }

    @Test
    void pricesAreShownOnlyOnceTheConsensusIsRecorded() {
        Competition c = new Competition(null, List.of(), List.of(), new Competition.Opening(T0, "seed"), null, null);
        assertThat(c.pricesRevealed(), is(false));
        c.record(new Competition.EvaluationRecord(1, T0, List.of(scored("A", "7")), true));
        assertThat(c.pricesRevealed(), is(true));
        assertThat(c.qualityLock().orElseThrow().lockedAt(), is(T0));
    }

    @Test
    void theOpeningPublishesTheSha256OfTheSeed() {
        Competition.Opening o = new Competition.Opening(T0, "abc");
        assertThat(o.drawSeedSha256(), is("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertThat(new Competition(null, List.of(), List.of(), o, null, null).drawSeedSha256("fallback"), is(o.drawSeedSha256()));
    }
}
