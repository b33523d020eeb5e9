package no.skymarked.calloff.application;

/** A result, or a refusal to give after the transaction has committed what it recorded (e.g. a refused access). */
public record Outcome<T>(T value, Refusal refusal) {
    public static <T> Outcome<T> of(T value) {
        return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> refused(Refusal refusal) {
        return new Outcome<>(null, refusal);
    }

    public T get() {
        if (refusal != null) {
            throw refusal;
        }
        return value;
    }
}
