package no.skymarked.calloff.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.skymarked.calloff.domain.CallOffStatus;
import no.skymarked.calloff.domain.CascadeEvent;
import no.skymarked.calloff.domain.CascadeStep;

/**
 * Deadlines take effect when they pass, whether or not anyone calls: a lapsed offer moves the cascade to the next
 * rank, and a passed tender deadline opens the competition. Run on every read of a call-off and by the scheduler.
 */
public final class LapsingDeadlines {
    private final Ports ports;
    private final DirectAwards awards;
    private final CallOffSteps steps;

    public LapsingDeadlines(Ports ports, CallOffSteps steps) {
        this.ports = ports;
        this.awards = new DirectAwards(ports);
        this.steps = steps;
    }

    /** Every call-off whose offer or tender deadline has passed (the scheduler's round). */
    public void applyAll() {
        Instant now = ports.clock().instant();
        ports.callOffs().withLapsedOffers(now).forEach(this::applyTo);
        ports.callOffs().withPassedTenderDeadlines(now).forEach(this::applyTo);
    }

    /** Applies passed deadlines of one call-off. */
    public void applyTo(String callOffId) {
        var c = ports.callOffs().find(callOffId);
        if (c.isEmpty()) {
            return;
        }
        if (c.get().status() == CallOffStatus.OFFERED) {
            lapseOffers(callOffId);
        } else if (c.get().status() == CallOffStatus.TENDERING) {
            steps.locked(callOffId, step -> Outcome.of(null));
        }
    }

    private void lapseOffers(String callOffId) {
        Instant now = ports.clock().instant();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                ports.transactions().inTransaction(() -> {
                    DirectAwards.Loaded c = awards.load(callOffId);
                    List<CascadeEvent> events = c.callOff().status() == CallOffStatus.OFFERED
                            ? ((CascadeStep.Applied) c.cascade().lapse(now)).events() : List.of();
                    if (!events.isEmpty()) {
                        awards.save(c, events, now, Map.of(), ProtocolEntry.SYSTEM);
                    }
                    return null;
                });
                return;
            } catch (Refusal e) {
                if (!DirectAwards.isConcurrentChange(e)) {
                    throw e;
                }
                // another server applied it first; read again
            }
        }
    }
}
