package no.skymarked.calloff.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolChainTest {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private static List<ProtocolEvent> fiveEvents() {
        ProtocolChain chain = new ProtocolChain();
        chain.append(T0, "buyer:991825827", "CALL_OFF_CREATED", "{\"hours\":\"200\"}");
        chain.append(T0.plusSeconds(1), "system", "ROUTE_DECIDED", "{\"route\":\"DIRECT_AWARD\"}");
        chain.append(T0.plusSeconds(2), "system", "OFFERED", "{\"orgNo\":\"974760673\",\"rank\":1}");
        chain.append(T0.plusSeconds(3), "supplier:974760673", "DECLINED", "{\"reason\":\"NO_CAPACITY\"}");
        chain.append(T0.plusSeconds(4), "system", "OFFERED", "{\"orgNo\":\"889640782\",\"rank\":2}");
        return chain.events();
    }

    private static ChainVerification.Broken broken(List<ProtocolEvent> events) {
        ChainVerification v = ProtocolChain.verify(events);
        assertThat(v, instanceOf(ChainVerification.Broken.class));
        return (ChainVerification.Broken) v;
    }

    private static ProtocolEvent withPayload(ProtocolEvent e, String payload) {
        return new ProtocolEvent(e.seq(), e.at(), e.actor(), e.type(), payload, e.previousHash(), e.hash());
    }

    @Test
    void firstEventStartsAtSeqOneWithZeroPreviousHash() {
        ProtocolEvent first = fiveEvents().get(0);
        assertThat(first.seq(), is(1L));
        assertThat(first.previousHash(), is("0".repeat(64)));
        assertThat(first.hash(), matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void hashIsSha256OfTheCanonicalString() throws Exception {
        ProtocolEvent e = fiveEvents().get(1);
        String canonical = ProtocolChain.canonical(e.seq(), e.at(), e.actor(), e.type(), e.payloadJson(),
                e.previousHash());
        assertThat(canonical, is("2|2026-11-24T09:00:01Z|6:system|13:ROUTE_DECIDED|24:{\"route\":\"DIRECT_AWARD\"}|"
                + e.previousHash()));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(e.hash(), is(HexFormat.of().formatHex(digest)));
    }

    @Test
    void eachEventLinksToItsPredecessor() {
        List<ProtocolEvent> events = fiveEvents();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).previousHash(), is(events.get(i - 1).hash()));
            assertThat(events.get(i).seq(), is(i + 1L));
        }
    }

    @Test
    void untouchedChainVerifies() {
        ChainVerification v = ProtocolChain.verify(fiveEvents());
        assertThat(v.intact(), is(true));
        assertThat(((ChainVerification.Intact) v).rows(), is(5));
        assertThat(ProtocolChain.verify(List.of()).intact(), is(true));
    }

    @Test
    void alteredPayloadIsDetectedAtThatSeq() {
        List<ProtocolEvent> events = new ArrayList<>(fiveEvents());
        events.set(3, withPayload(events.get(3), "{\"reason\":\"CONFLICT_OF_INTEREST\"}"));
        ChainVerification.Broken b = broken(events);
        assertThat(b.seq(), is(4L));
        assertThat(b.problem(), is(ChainVerification.Problem.HASH_MISMATCH));
    }

    @Test
    void alteredAndRehashedRowIsDetectedAtTheNextRow() {
        List<ProtocolEvent> events = new ArrayList<>(fiveEvents());
        ProtocolEvent e = events.get(1);
        String payload = "{\"route\":\"MINI_COMPETITION\"}";
        String forged = ProtocolChain.hashOf(e.seq(), e.at(), e.actor(), e.type(), payload, e.previousHash());
        events.set(1, new ProtocolEvent(e.seq(), e.at(), e.actor(), e.type(), payload, e.previousHash(), forged));
        ChainVerification.Broken b = broken(events);
        assertThat(b.seq(), is(3L));
        assertThat(b.problem(), is(ChainVerification.Problem.PREVIOUS_HASH_MISMATCH));
    }

    @Test
    void reorderedRowsAreDetected() {
        List<ProtocolEvent> events = new ArrayList<>(fiveEvents());
        ProtocolEvent second = events.get(1);
        events.set(1, events.get(2));
        events.set(2, second);
        ChainVerification.Broken b = broken(events);
        assertThat(b.seq(), is(3L));
        assertThat(b.problem(), is(ChainVerification.Problem.SEQUENCE_GAP));
    }

    @Test
    void deletedMiddleRowIsDetected() {
        List<ProtocolEvent> events = new ArrayList<>(fiveEvents());
        events.remove(2);
        ChainVerification.Broken b = broken(events);
        assertThat(b.seq(), is(4L));
        assertThat(b.problem(), is(ChainVerification.Problem.SEQUENCE_GAP));
    }

    @Test
    void deletedMiddleRowWithRenumberingIsStillDetected() {
        List<ProtocolEvent> events = new ArrayList<>(fiveEvents());
        events.remove(2);
        ProtocolEvent e = events.get(2);
        events.set(2, new ProtocolEvent(3, e.at(), e.actor(), e.type(), e.payloadJson(), e.previousHash(), e.hash()));
        ChainVerification.Broken b = broken(events);
        assertThat(b.seq(), is(3L));
        assertThat(b.problem(), is(ChainVerification.Problem.PREVIOUS_HASH_MISMATCH));
    }

    @Test
    void deletedFirstRowIsDetected() {
        List<ProtocolEvent> events = new ArrayList<>(fiveEvents());
        events.remove(0);
        assertThat(broken(events).seq(), is(2L));
    }

    @Test
    void fieldSeparatorInsideAFieldCannotForgeAnotherRow() {
        ProtocolEvent a = ProtocolChain.next(null, T0, "a|b", "c", "{}");
        ProtocolEvent b = ProtocolChain.next(null, T0, "a", "b|c", "{}");
        assertThat(a.hash(), not(is(b.hash())));
    }

    @Test
    void timestampIsTruncatedToMicrosecondsSoDatabaseRoundTripsVerify() {
        ProtocolEvent e = ProtocolChain.next(null, Instant.parse("2026-11-24T09:00:00.123456789Z"), "x", "T", "{}");
        assertThat(e.at(), is(Instant.parse("2026-11-24T09:00:00.123456Z")));
        assertThat(ProtocolChain.verify(List.of(e)).intact(), is(true));
    }
}
