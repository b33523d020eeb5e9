package no.skymarked.client.support;

import java.util.List;
import java.util.Map;
import no.skymarked.client.ApiResponse;

/**
 * The entity tag of an answer as one plain string: exactly the {@code ETag} header the server sent, quotes included,
 * e.g. {@code "v3"} (with the quotes). Give it back unchanged as {@code ifMatch} (to change what you read) or
 * {@code ifNoneMatch} (to read again only when it changed, see {@link Conditional}).
 */
public final class ETags {
    private ETags() {
    }

    /** The ETag of a {@code …WithHttpInfo} answer, or {@code null} when it has none. */
    public static String of(ApiResponse<?> response) {
        return response == null ? null : of(response.getHeaders());
    }

    /** The ETag among these headers (the name in any case), or {@code null}. */
    public static String of(Map<String, List<String>> headers) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if ("etag".equalsIgnoreCase(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty()) {
                return e.getValue().get(0).trim();
            }
        }
        return null;
    }
}
