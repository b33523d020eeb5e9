package no.skymarked.calloff.domain;

import java.util.List;

/**
 * A call-off's protocol as stored, with what the call-off row says about it: its chain format, the head recorded in
 * the same transaction as each append ({@code null} when none was recorded) and its decisive state now
 * ({@code null} when not read).
 */
public record ChainRecord(String callOffId, ChainFormat format, List<ProtocolEvent> events, ChainHead head, ChainState rowState) {
    public ChainRecord {
        events = List.copyOf(events);
    }

    public ChainVerification verify() {
        return ProtocolChain.verify(this);
    }
}
