package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bound chains: genesis per call-off, head and state recorded beside the rows, each damage named. */
class BoundChainTest {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final ChainState OFFERED = new ChainState("OFFERED", "DIRECT_AWARD", null, null);
    private static final ChainState AWARDED = ChainState.of("AWARDED", "DIRECT_AWARD", "974760673", new BigDecimal("180000.00"));

    private static List<ProtocolEvent> chain(String callOffId, int rows) {
        List<ProtocolEvent> out = new ArrayList<>();
        ChainHead head = null;
        for (int i = 0; i < rows; i++) {
            ProtocolEvent e = ProtocolChain.next(callOffId, ChainFormat.BOUND, head, T0.plusSeconds(i), "system", "EVENT_" + i,
                    "{\"n\":" + i + "}", i == rows - 1 ? AWARDED : OFFERED);
            out.add(e);
            head = new ChainHead(e.seq(), e.hash());
        }
        return out;
    }

    private static ChainRecord record(String id, List<ProtocolEvent> events, ChainHead head, ChainState state) {
        return new ChainRecord(id, ChainFormat.BOUND, events, head, state);
    }

    private static ChainHead headOf(List<ProtocolEvent> events) {
        ProtocolEvent last = events.get(events.size() - 1);
        return new ChainHead(last.seq(), last.hash());
    }

    private static List<ChainVerification.Problem> problems(ChainRecord r) {
        return r.verify().findings().stream().map(ChainVerification.Finding::problem).toList();
    }

    @Test
    void genesisIsTheHashOfTheTagAndTheCallOffId() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("skymarked/protocol-chain/v2\u0000co-1".getBytes(StandardCharsets.UTF_8));
        assertThat(ProtocolChain.genesis("co-1"), is(HexFormat.of().formatHex(digest)));
        assertThat(chain("co-1", 1).get(0).previousHash(), is(ProtocolChain.genesis("co-1")));
        assertThat(ProtocolChain.genesis("co-1"), not(is(ProtocolChain.genesis("co-2"))));
    }

    @Test
    void anUntouchedChainWithItsHeadAndStateIsIntact() {
        List<ProtocolEvent> events = chain("co-1", 5);
        ChainVerification v = record("co-1", events, headOf(events), AWARDED).verify();
        assertThat(v.intact(), is(true));
        assertThat(v.findings().isEmpty(), is(true));
    }

    @Test
    void theSameRowsUnderAnotherCallOffDoNotHashAlike() {
        assertThat(chain("co-1", 3).get(2).hash(), not(is(chain("co-2", 3).get(2).hash())));
    }

    @Test
    void aDeletedTailIsNamedByTheRecordedHead() {
        List<ProtocolEvent> events = chain("co-1", 5);
        ChainHead head = headOf(events);
        ChainRecord r = record("co-1", events.subList(0, 3), head, OFFERED);
        assertThat(problems(r), contains(ChainVerification.Problem.TAIL_DELETED));
        assertThat(r.verify().findings().get(0).detail(), containsString("2 removed"));
        // without the head the same rows look complete: this is what the head is for
        assertThat(record("co-1", events.subList(0, 3), null, null).verify().intact(), is(true));
    }

    @Test
    void rowsMovedFromAnotherCallOffAreNamedTransplanted() {
        List<ProtocolEvent> mine = chain("co-1", 3);
        List<ProtocolEvent> theirs = chain("co-2", 6);
        List<ProtocolEvent> mixed = new ArrayList<>(mine);
        mixed.addAll(theirs.subList(3, 6));  // seq 4..6 of co-2 written under co-1
        ChainRecord r = record("co-1", mixed, headOf(mine), AWARDED);
        assertThat(problems(r), contains(ChainVerification.Problem.ROW_TRANSPLANTED, ChainVerification.Problem.ROW_TRANSPLANTED,
                ChainVerification.Problem.ROW_TRANSPLANTED, ChainVerification.Problem.ROWS_AFTER_HEAD));
        assertThat(r.verify().findings().get(0).seq(), is(4L));
        // a whole chain moved under another id fails at its first row
        assertThat(problems(record("co-1", theirs, headOf(theirs), AWARDED)).get(0), is(ChainVerification.Problem.ROW_TRANSPLANTED));
    }

    @Test
    void anEditedPayloadIsNamed() {
        List<ProtocolEvent> events = new ArrayList<>(chain("co-1", 4));
        ProtocolEvent e = events.get(1);
        events.set(1, new ProtocolEvent(e.seq(), e.at(), e.actor(), e.type(), "{\"n\":99}", e.previousHash(), e.hash(), e.state(), null));
        ChainVerification v = record("co-1", events, headOf(events), AWARDED).verify();
        assertThat(problems(record("co-1", events, headOf(events), AWARDED)), contains(ChainVerification.Problem.HASH_MISMATCH));
        assertThat(v.findings().get(0).seq(), is(2L));
        assertThat(v.findings().get(0).problem().damage(), is("payload edited"));
    }

    @Test
    void aCallOffRowWhoseStateDiffersFromTheChainIsNamed() {
        List<ProtocolEvent> events = chain("co-1", 4);
        ChainState edited = ChainState.of("AWARDED", "DIRECT_AWARD", "974760673", new BigDecimal("1800.00"));
        ChainVerification v = record("co-1", events, headOf(events), edited).verify();
        assertThat(problems(record("co-1", events, headOf(events), edited)), contains(ChainVerification.Problem.STATE_MISMATCH));
        assertThat(v.findings().get(0).detail(), containsString("\"agreedValue\":\"1800\""));
        assertThat(v.findings().get(0).detail(), containsString("\"agreedValue\":\"180000\""));
    }

    @Test
    void theAmountIsComparedByValueNotScale() {
        assertThat(ChainState.of("AWARDED", "DIRECT_AWARD", "974760673", new BigDecimal("180000")),
                is(ChainState.of("AWARDED", "DIRECT_AWARD", "974760673", new BigDecimal("180000.00"))));
    }

    @Test
    void aRenumberedRowAfterADeletionIsADeletionNotATransplant() {
        List<ProtocolEvent> events = new ArrayList<>(chain("co-1", 5));
        ProtocolEvent fourth = events.get(3);
        events.remove(2);  // seq 3 removed, seq 4 renumbered to 3
        events.set(2, new ProtocolEvent(3, fourth.at(), fourth.actor(), fourth.type(), fourth.payloadJson(), fourth.previousHash(),
                fourth.hash(), fourth.state(), null));
        ChainVerification v = record("co-1", events, null, null).verify();
        assertThat(v.findings().get(0).problem(), is(ChainVerification.Problem.SEQUENCE_GAP));
        assertThat(v.findings().get(0).detail(), containsString("was seq 4"));
    }

    @Test
    void aRowChangedAndRehashedIsFoundAtItsSuccessor() {
        List<ProtocolEvent> events = new ArrayList<>(chain("co-1", 4));
        ProtocolEvent e = events.get(1);
        ProtocolEvent forged = ProtocolChain.next("co-1", ChainFormat.BOUND, new ChainHead(1, events.get(0).hash()), e.at(), e.actor(),
                e.type(), "{\"n\":42}", OFFERED);
        events.set(1, forged);
        ChainVerification v = record("co-1", events, headOf(events), AWARDED).verify();
        assertThat(v.findings().get(0).seq(), is(3L));
        assertThat(v.findings().get(0).problem(), is(ChainVerification.Problem.PREVIOUS_HASH_MISMATCH));
    }

    @Test
    void anUnboundChainKeepsVerifyingAndItsHeadIsChecked() {
        ProtocolChain legacy = new ProtocolChain();
        legacy.append(T0, "system", "A", "{}");
        legacy.append(T0.plusSeconds(1), "system", "B", "{}");
        List<ProtocolEvent> events = legacy.events();
        ProtocolEvent third = ProtocolChain.next("co-9", ChainFormat.UNBOUND, headOf(events), T0.plusSeconds(2), "system", "C", "{}", AWARDED);
        List<ProtocolEvent> all = new ArrayList<>(events);
        all.add(third);
        assertThat(third.state() == null, is(true));
        assertThat(new ChainRecord("co-9", ChainFormat.UNBOUND, all, headOf(all), OFFERED).verify().intact(), is(true));
        assertThat(problems(new ChainRecord("co-9", ChainFormat.UNBOUND, events, headOf(all), OFFERED)),
                contains(ChainVerification.Problem.TAIL_DELETED));
    }
}
