package no.skymarked.calloff.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.ChainRecord;
import no.skymarked.calloff.domain.ProtocolEvent;
import no.skymarked.events.FeedEvent;

/**
 * The protocol, publishing the changes among its events to the change feed in the same transaction: every event
 * appended passes through here, so the feed misses none and holds none that was rolled back.
 */
public final class FeedingProtocolLog implements ProtocolLog {
    private final ProtocolLog log;
    private final CallOffRepository callOffs;
    private final CompetitionRepository competitions;
    private final ChangeFeed feed;

    public FeedingProtocolLog(ProtocolLog log, CallOffRepository callOffs, CompetitionRepository competitions, ChangeFeed feed) {
        this.log = log;
        this.callOffs = callOffs;
        this.competitions = competitions;
        this.feed = feed;
    }

    @Override
    public void append(CallOff callOff, List<ProtocolEntry> entries) {
        log.append(callOff, entries);
        publish(callOff, entries);
    }

    @Override
    public void start(CallOff callOff, List<ProtocolEntry> entries) {
        log.start(callOff, entries);
        publish(callOff, entries);
    }

    @Override
    public List<ProtocolEvent> events(String callOffId) {
        return log.events(callOffId);
    }

    @Override
    public ChainRecord chain(String callOffId) {
        return log.chain(callOffId);
    }

    /** The changes among {@code entries}, on {@code callOff} as the step left it. */
    private void publish(CallOff callOff, List<ProtocolEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String callOffId = callOff.id();
        Supplier<Set<String>> related = new Supplier<>() {
            private Set<String> orgs;

            @Override
            public Set<String> get() {
                if (orgs == null) {
                    orgs = new LinkedHashSet<>();
                    competitions.parties(callOffId).stream().filter(Party::invited).forEach(p -> orgs.add(p.orgNo()));
                    callOffs.offers(callOffId).forEach(o -> orgs.add(o.offer().orgNo()));
                }
                return orgs;
            }
        };
        List<FeedEvent> events = new ArrayList<>();
        for (ProtocolEntry e : entries) {
            CallOffChanges.of(e, callOff, related).ifPresent(events::add);
        }
        if (!events.isEmpty()) {
            feed.publish(events);
        }
    }
}
