package no.skymarked.calloff.application;

import java.util.List;
import no.skymarked.calloff.domain.ProtocolEvent;

/** The call-off's hash-chained protocol: appended in the caller's transaction, after its last event. */
public interface ProtocolLog {
    void append(String callOffId, List<ProtocolEntry> entries);

    /** The first events of a call-off created in this transaction (there is no event before them). */
    void start(String callOffId, List<ProtocolEntry> entries);

    List<ProtocolEvent> events(String callOffId);
}
