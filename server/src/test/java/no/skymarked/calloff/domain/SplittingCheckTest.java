package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplittingCheckTest {
    private static final BigDecimal THRESHOLD = new BigDecimal("250");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    private static DirectCallOff co(String id, int daysBefore, String hours) {
        return co(id, "991825827", "fw-dt2", "lot-1", daysBefore, hours);
    }

    private static DirectCallOff co(String id, String buyer, String fw, String lot, int daysBefore, String hours) {
        return new DirectCallOff(id, buyer, fw, lot, TODAY.minusDays(daysBefore), new BigDecimal(hours));
    }

    @Test
    void callOffsWithin90DaysInclusiveThatTogetherExceedTheThresholdAreFlagged_E7() {
        List<DirectCallOff> earlier = List.of(co("old", 91, "200"), co("edge", 90, "100"), co("recent", 30, "100"));
        SplittingFlag flag = SplittingCheck.check(THRESHOLD, earlier, co("new", 0, "60"));
        assertThat(flag.level(), is(SplittingFlag.Level.EXCEEDS_THRESHOLD));
        assertThat(flag.exceedsThreshold(), is(true));
        assertThat(flag.involvedIds(), contains("edge", "recent", "new"));
        assertThat(flag.totalHours(), comparesEqualTo(new BigDecimal("260")));
    }

    @Test
    void sumEqualToThresholdIsOnlyAWarning_E7() {
        SplittingFlag flag = SplittingCheck.check(THRESHOLD, List.of(co("a", 10, "200")), co("new", 0, "50.00"));
        assertThat(flag.level(), is(SplittingFlag.Level.WARN));
        assertThat(flag.exceedsThreshold(), is(false));
        assertThat(flag.involvedIds(), contains("a", "new"));
    }

    @Test
    void oneHundredthOfAnHourOverIsFlagged() {
        SplittingFlag flag = SplittingCheck.check(THRESHOLD, List.of(co("a", 0, "200")), co("new", 0, "50.01"));
        assertThat(flag.level(), is(SplittingFlag.Level.EXCEEDS_THRESHOLD));
    }

    @Test
    void otherLotsFrameworksBuyersOlderAndLaterCallOffsDoNotCount() {
        List<DirectCallOff> earlier = List.of(
                co("otherLot", "991825827", "fw-dt2", "lot-2", 5, "240"),
                co("otherFw", "991825827", "fw-x", "lot-1", 5, "240"),
                co("otherBuyer", "974760673", "fw-dt2", "lot-1", 5, "240"),
                co("tooOld", 91, "240"),
                co("later", -1, "240"),
                co("new", 0, "240"));
        SplittingFlag flag = SplittingCheck.check(THRESHOLD, earlier, co("new", 0, "240"));
        assertThat(flag.level(), is(SplittingFlag.Level.NONE));
        assertThat(flag.involvedIds(), contains("new"));
        assertThat(flag.totalHours(), comparesEqualTo(new BigDecimal("240")));
    }

    @Test
    void configurableWindow() {
        List<DirectCallOff> earlier = List.of(co("a", 40, "200"));
        assertThat(SplittingCheck.check(THRESHOLD, 30, earlier, co("new", 0, "100")).level(),
                is(SplittingFlag.Level.NONE));
        assertThat(SplittingCheck.check(THRESHOLD, 40, earlier, co("new", 0, "100")).level(),
                is(SplittingFlag.Level.EXCEEDS_THRESHOLD));
    }
}
