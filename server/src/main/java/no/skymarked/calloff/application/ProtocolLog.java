package no.skymarked.calloff.application;

import java.util.List;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.ChainRecord;
import no.skymarked.calloff.domain.ProtocolEvent;

/**
 * The call-off's hash-chained protocol: appended in the caller's transaction after the head the call-off records, and
 * the new head recorded on the call-off in the same transaction. Each row of a bound chain commits to the call-off's
 * decisive state as {@code callOff} has it when the step ends; a step that changed that state without an event gets a
 * {@code STATE_RECORDED} row.
 */
public interface ProtocolLog {
    void append(CallOff callOff, List<ProtocolEntry> entries);

    /** The first events of a call-off created in this transaction (there is no event before them). */
    void start(CallOff callOff, List<ProtocolEntry> entries);

    List<ProtocolEvent> events(String callOffId);

    /** The events with the call-off's chain format, recorded head and decisive state, for verification. */
    ChainRecord chain(String callOffId);
}
