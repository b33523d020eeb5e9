package no.skymarked.calloff.application;

/** What a creating step answers: the new thing, or (same Idempotency-Key and request) the body answered before. */
public record Created<T>(T value, String replayedBody) {
    public boolean replayed() {
        return replayedBody != null;
    }
}
