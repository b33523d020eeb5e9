package no.skymarked.calloff.application;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every step of a call-off shares: one transaction holding the call-off's row lock, a passed tender deadline
 * applied first (the competition opens whether or not anyone calls), the save and the protocol at the end, and
 * Idempotency-Keys for creating steps.
 */
public final class CallOffSteps {
    private final Ports ports;
    private final OpeningTenders opening;

    public CallOffSteps(Ports ports) {
        this.ports = ports;
        this.opening = new OpeningTenders();
    }

    public Ports ports() {
        return ports;
    }

    /** Runs {@code work} on the locked call-off; a refusal it returns is thrown after the commit. */
    public <T> T locked(String callOffId, Function<Step, Outcome<T>> work) {
        return ports.transactions().inTransaction(() -> {
            Step step = start(callOffId);
            Outcome<T> outcome = work.apply(step);
            step.finish();
            return outcome;
        }).get();
    }

    /** Runs {@code work} on the locked call-off and answers the call-off as saved. */
    public no.skymarked.calloff.domain.CallOff change(String callOffId, java.util.function.Consumer<Step> work) {
        return ports.transactions().inTransaction(() -> {
            Step step = start(callOffId);
            work.accept(step);
            step.finish();
            return step.callOff();
        });
    }

    private Step start(String callOffId) {
        Step step = new Step(ports, ports.callOffs().lock(callOffId)
                .orElseThrow(() -> Refusal.notFound("Call-off", callOffId)), ports.clock().instant());
        if (opening.openIfDue(step)) {
            step.finish();
        }
        return step;
    }

    /**
     * Runs a creating step once per Idempotency-Key: the same key and request give the answer kept before, the same
     * key with another request is refused; the answer ({@code render}ed) is kept in the same transaction.
     */
    public <T> Created<T> once(Step step, String orgNo, Idempotency key, Supplier<T> work, Function<T, String> render) {
        if (key == null) {
            return new Created<>(work.get(), null);
        }
        var stored = ports.responses().find(orgNo, key.key());
        if (stored.isPresent()) {
            if (!stored.get().requestHash().equals(key.requestHash())) {
                throw keyReused();
            }
            return new Created<>(null, stored.get().body());
        }
        T created = work.get();
        ports.responses().remember(orgNo, key.key(), key.requestHash(), 201, render.apply(created), step.now());
        return new Created<>(created, null);
    }

    static Refusal keyReused() {
        return new Refusal(Refusal.Kind.UNPROCESSABLE, "/problems/idempotency-key-reused", "Idempotency key reused",
                "this Idempotency-Key was used with another request", java.util.List.of());
    }
}
