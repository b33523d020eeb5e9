package no.skymarked.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque, URL-safe page cursor: the offset of the next page, bound to the query it belongs to, so a cursor
 * replayed with other filters is refused rather than silently paging through something else.
 */
public record Cursor(int offset, String queryHash) {
    public static final String PARAMETER = "cursor";

    public String encode() {
        String raw = offset + ":" + queryHash;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor given for {@code queryHash}; a cursor that is malformed or from another query is a 400. */
    public static int offsetOf(String encoded, String queryHash) {
        if (encoded == null || encoded.isEmpty()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            int offset = Integer.parseInt(raw.substring(0, colon));
            if (offset < 0 || !raw.substring(colon + 1).equals(queryHash)) {
                throw ProblemException.badParameter(PARAMETER, "the cursor belongs to another query; start again without it");
            }
            return offset;
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw ProblemException.badParameter(PARAMETER, "not a cursor issued by this API");
        }
    }

    public static String hash(String canonicalQuery) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonicalQuery.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
