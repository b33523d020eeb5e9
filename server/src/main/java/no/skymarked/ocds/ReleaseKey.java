package no.skymarked.ocds;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a release stands in the feed: its date, then call-offs before frameworks, then the process id, then the
 * protocol sequence number (call-offs) or version (frameworks). Encoded as an opaque, URL-safe cursor.
 */
public record ReleaseKey(Instant at, Ocid.Kind kind, String id, long seq) {

    public String cursor() {
        String raw = at + "|" + kind + "|" + seq + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The key of a cursor this API issued; empty for anything else. */
    /** The latest instant a date in a cursor or {@code since} may name (both databases keep it). */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public static Optional<ReleaseKey> ofCursor(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 4);
            if (parts.length != 4 || parts[3].isEmpty()) {
                return Optional.empty();
            }
            Instant at = Instant.parse(parts[0]);
            if (at.isBefore(Instant.EPOCH) || at.isAfter(LATEST)) {
                return Optional.empty();
            }
            return Optional.of(new ReleaseKey(at, Ocid.Kind.valueOf(parts[1]), parts[3], Long.parseLong(parts[2])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
