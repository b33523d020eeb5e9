package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SplittingCheckTest {
    private static final BigDecimal THRESHOLD = new BigDecimal("250");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");
    private static final CallOffNeed FORM = new CallOffNeed(null, "Søknadsskjema", "Nytt skjema for søknad om tilskudd");
    private static final CallOffNeed ARCHIVE = new CallOffNeed(null, "Migrering av arkiv", "Flytte sak- og arkivsystemet til skyen");

    private static DirectCallOff co(String id, int daysBefore, String hours) {
        return co(id, "991825827", "fw-dt2", "lot-1", daysBefore, hours);
    }

    private static DirectCallOff co(String id, String buyer, String fw, String lot, int daysBefore, String hours) {
        return new DirectCallOff(id, buyer, fw, lot, TODAY.minusDays(daysBefore), new BigDecimal(hours), CallOffStatus.OFFERED, FORM);
    }

    private static DirectCallOff co(String id, String lot, int daysBefore, String hours, CallOffStatus status, CallOffNeed need) {
        return new DirectCallOff(id, "991825827", "fw-dt2", lot, TODAY.minusDays(daysBefore), new BigDecimal(hours), status, need);
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

    /** The rule's own example: 240 h in one lot, then 240 h for the same need in another lot five days later. */
    @Test
    void theSameNeedInAnotherLotOfTheFrameworkCounts_E7() {
        SplittingFlag flag = SplittingCheck.check(THRESHOLD, List.of(co("lotA", "991825827", "fw-dt2", "lot-1", 5, "240")),
                co("lotB", "991825827", "fw-dt2", "lot-2", 0, "240"));
        assertThat(flag.level(), is(SplittingFlag.Level.EXCEEDS_THRESHOLD));
        assertThat(flag.involvedIds(), contains("lotA", "lotB"));
        assertThat(flag.totalHours(), comparesEqualTo(new BigDecimal("480")));
        assertThat(flag.bases(), hasEntry("lotA", CallOffNeed.Basis.SIMILAR_TEXT));
    }

    @Test
    void otherFrameworksBuyersOlderAndLaterCallOffsDoNotCount() {
        List<DirectCallOff> earlier = List.of(
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
    void cancelledAndCascadeExhaustedCallOffsBoughtNothingAndDoNotCount_E7() {
        List<DirectCallOff> earlier = List.of(co("cancelled", "lot-1", 3, "240", CallOffStatus.CANCELLED, FORM),
                co("exhausted", "lot-2", 2, "240", CallOffStatus.CASCADE_EXHAUSTED, FORM),
                co("awarded", "lot-1", 1, "5", CallOffStatus.AWARDED, FORM));
        SplittingFlag flag = SplittingCheck.check(THRESHOLD, earlier, co("new", 0, "240"));
        assertThat(flag.level(), is(SplittingFlag.Level.WARN));
        assertThat(flag.involvedIds(), contains("awarded", "new"));
    }

    @Test
    void anotherNeedOfTheSameAgencyDoesNotCount_E7() {
        SplittingFlag flag = SplittingCheck.check(THRESHOLD, List.of(co("archive", "lot-1", 5, "240", CallOffStatus.AWARDED, ARCHIVE)),
                co("new", 0, "240"));
        assertThat(flag.level(), is(SplittingFlag.Level.NONE));
    }

    @Test
    void theSameProjectReferenceIsTheSameNeedWhateverTheTexts_E7() {
        CallOffNeed archiveOfP7 = new CallOffNeed("P-7", ARCHIVE.title(), ARCHIVE.description());
        CallOffNeed formOfP7 = new CallOffNeed(" p-7 ", FORM.title(), FORM.description());
        SplittingFlag flag = SplittingCheck.check(THRESHOLD, List.of(co("archive", "lot-1", 5, "240", CallOffStatus.OFFERED, archiveOfP7)),
                co("form", "lot-2", 0, "240", CallOffStatus.OFFERED, formOfP7));
        assertThat(flag.level(), is(SplittingFlag.Level.EXCEEDS_THRESHOLD));
        assertThat(flag.bases(), hasEntry("archive", CallOffNeed.Basis.PROJECT_REFERENCE));
    }

    @Test
    void differentProjectReferencesDoNotSeparateTheSameTexts_E7() {
        CallOffNeed formOfP1 = new CallOffNeed("P-1", FORM.title(), FORM.description());
        CallOffNeed formOfP2 = new CallOffNeed("P-2", FORM.title(), FORM.description());
        SplittingFlag flag = SplittingCheck.check(THRESHOLD, List.of(co("p1", "lot-1", 5, "240", CallOffStatus.OFFERED, formOfP1)),
                co("p2", "lot-2", 0, "240", CallOffStatus.OFFERED, formOfP2));
        assertThat(flag.level(), is(SplittingFlag.Level.EXCEEDS_THRESHOLD));
        assertThat(flag.bases(), hasEntry("p1", CallOffNeed.Basis.SIMILAR_TEXT));
    }

    @Test
    void configurableWindow() {
        List<DirectCallOff> earlier = List.of(co("a", 40, "200"));
        assertThat(SplittingCheck.check(THRESHOLD, 30, earlier, co("new", 0, "100")).level(),
                is(SplittingFlag.Level.NONE));
        assertThat(SplittingCheck.check(THRESHOLD, 40, earlier, co("new", 0, "100")).level(),
                is(SplittingFlag.Level.EXCEEDS_THRESHOLD));
    }

    // ---- E7 REQ: the call-off that crosses the threshold needs a justification and another person's approval ----

    private static final SplittingFlag CROSSING = SplittingCheck.check(THRESHOLD, List.of(co("a", 5, "240")), co("new", 0, "240"));

    @Test
    void crossingWithoutAJustificationIsRefusedNamingTheMember_E7() {
        Violation v = SplittingCheck.justified(CROSSING, null, "ola@etat.no").orElseThrow();
        assertThat(v.code(), is("SPLITTING_JUSTIFICATION_REQUIRED"));
        assertThat(v.pointer(), is("/splitting"));
        assertThat(v.message(), containsString("480 h, above the threshold of 250 h within 90 days"));
        assertThat(SplittingCheck.justified(CROSSING, new SplittingJustification(" ", "kari@etat.no"), "ola@etat.no")
                .orElseThrow().pointer(), is("/splitting/justification"));
        assertThat(SplittingCheck.justified(CROSSING, new SplittingJustification("Egne behov", null), "ola@etat.no")
                .orElseThrow().pointer(), is("/splitting/approvedBy"));
    }

    @Test
    void theRequesterCannotApproveTheirOwnJustification_E7() {
        Violation v = SplittingCheck.justified(CROSSING, new SplittingJustification("Egne behov", " OLA@etat.no "), "ola@etat.no")
                .orElseThrow();
        assertThat(v.code(), is("APPROVER_IS_REQUESTER"));
        assertThat(v.pointer(), is("/splitting/approvedBy"));
    }

    @Test
    void aJustificationApprovedByAnotherPersonLetsItThrough_E7() {
        assertThat(SplittingCheck.justified(CROSSING, new SplittingJustification("Egne behov", "kari@etat.no"), "ola@etat.no"),
                is(Optional.empty()));
    }

    @Test
    void aWarningNeedsNoJustification_E7() {
        SplittingFlag warn = SplittingCheck.check(THRESHOLD, List.of(co("a", 5, "100")), co("new", 0, "100"));
        assertThat(warn.level(), is(SplittingFlag.Level.WARN));
        assertThat(SplittingCheck.justified(warn, null, "ola@etat.no"), is(Optional.empty()));
    }
}
