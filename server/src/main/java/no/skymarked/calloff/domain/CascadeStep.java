package no.skymarked.calloff.domain;

import java.util.List;

/** Outcome of a {@link Cascade} transition: applied (with the events to protocol) or refused (state unchanged). */
public sealed interface CascadeStep permits CascadeStep.Applied, CascadeStep.Refused {

    String NOT_STARTED = "CASCADE_NOT_STARTED";
    String ALREADY_STARTED = "CASCADE_ALREADY_STARTED";
    String CLOSED = "CASCADE_CLOSED";
    String NO_OPEN_OFFER = "NO_OPEN_OFFER";
    String RESPONSE_AFTER_DEADLINE = "RESPONSE_AFTER_DEADLINE";
    String DECLINE_REASON_REQUIRED = "DECLINE_REASON_REQUIRED";

    List<CascadeEvent> events();

    record Applied(List<CascadeEvent> events) implements CascadeStep {
        public Applied {
            events = List.copyOf(events);
        }
    }

    record Refused(String code, String message) implements CascadeStep {
        @Override
        public List<CascadeEvent> events() {
            return List.of();
        }
    }
}
