package no.skymarked.calloff.application;

import java.util.List;
import java.util.Optional;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.FrameworkTerms;
import no.skymarked.calloff.domain.ProtocolEvent;

/**
 * What open contracting data is made from: a call-off as it stands, its protocol, the framework terms it was made
 * under and the names of suppliers. Passed deadlines are applied first. Callers decide what of it is public; nothing
 * here checks a caller, so this read must not be answered as it is.
 */
public final class ReadingPublicRecord {
    private final Ports ports;
    private final LapsingDeadlines deadlines;

    public ReadingPublicRecord(Ports ports, LapsingDeadlines deadlines) {
        this.ports = ports;
        this.deadlines = deadlines;
    }

    /** A call-off with its protocol (oldest first) and its framework's terms at the version it was made under. */
    public record History(CallOff callOff, List<ProtocolEvent> events, FrameworkTerms terms) {
    }

    public Optional<History> of(String callOffId) {
        deadlines.applyTo(callOffId);
        return ports.callOffs().find(callOffId).map(c -> new History(c, ports.protocol().events(callOffId),
                ports.catalogue().terms(c.frameworkId(), c.frameworkVersion()).orElse(null)));
    }

    public String supplierName(String orgNo) {
        return ports.catalogue().supplierName(orgNo);
    }

    public Optional<FrameworkTerms> terms(String frameworkId, int version) {
        return ports.catalogue().terms(frameworkId, version);
    }
}
