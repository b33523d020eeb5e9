package no.skymarked.client.support;

import java.util.Optional;
import no.skymarked.client.ApiException;
import no.skymarked.client.ApiResponse;

/**
 * The outcome of a conditional read ({@code If-None-Match}): the resource with its ETag, or "not modified" (HTTP
 * 304) when the ETag you gave still matches. A 304 is an outcome here, not an exception:
 * <pre>{@code
 * Conditional<CloudService> read = Conditional.get(() -> catalogue.getServiceWithHttpInfo(
 *         APIGetServiceRequest.newBuilder().id(id).ifNoneMatch(etag).build()));
 * if (read.notModified()) {
 *     // keep the copy you have; read.etag() is still the one you gave
 * } else {
 *     cache(read.value(), read.etag());
 * }
 * }</pre>
 * The ETag is the entity tag as the server sent it, quotes included (see {@link ETags}).
 */
public final class Conditional<T> {
    private final T value;
    private final String etag;
    private final boolean notModified;

    private Conditional(T value, String etag, boolean notModified) {
        this.value = value;
        this.etag = etag;
        this.notModified = notModified;
    }

    /** One {@code …WithHttpInfo} call of a read that may answer 304. */
    @FunctionalInterface
    public interface Read<T> {
        ApiResponse<T> call() throws ApiException;
    }

    /**
     * Makes the read: its value and ETag, or not modified on 304. Other error answers throw as the call does
     * ({@link ProblemException} through a client from {@link SkymarkedClient}).
     */
    public static <T> Conditional<T> get(Read<T> read) throws ApiException {
        ApiResponse<T> response;
        try {
            response = read.call();
        } catch (ApiException e) {
            if (e.getCode() == 304) {
                return new Conditional<>(null, e.getResponseHeaders() == null ? null
                        : ETags.of(e.getResponseHeaders().map()), true);
            }
            throw e;
        }
        if (response.getStatusCode() == 304) {
            return new Conditional<>(null, ETags.of(response), true);
        }
        return new Conditional<>(response.getData(), ETags.of(response), false);
    }

    /** Whether the server answered 304: what you have is current. */
    public boolean notModified() {
        return notModified;
    }

    /** The resource read; {@link IllegalStateException} when {@link #notModified()}. */
    public T value() {
        if (notModified) {
            throw new IllegalStateException("not modified: the resource was not sent again");
        }
        return value;
    }

    /** The resource read, or empty when not modified. */
    public Optional<T> ifModified() {
        return Optional.ofNullable(value);
    }

    /** The ETag of the answer (on 304, the server's current one, which is the one you gave), e.g. {@code "v3"}. */
    public String etag() {
        return etag;
    }
}
