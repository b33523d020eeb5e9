package no.skymarked.calloff.domain;

import java.util.stream.Collectors;

/** A step refused because of where the call-off stands; names the current status and where the step is possible. */
public final class IllegalTransition extends RuntimeException {
    private final Transition transition;
    private final CallOffStatus current;

    public IllegalTransition(Transition transition, CallOffStatus current) {
        super("cannot " + transition.verb() + " while the call-off is " + current + " (possible when "
                + transition.from().stream().sorted().map(Enum::name).collect(Collectors.joining(" or ")) + ")");
        this.transition = transition;
        this.current = current;
    }

    public Transition transition() {
        return transition;
    }

    public CallOffStatus current() {
        return current;
    }
}
