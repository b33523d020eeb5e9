package no.skymarked.shared;

import io.helidon.dbclient.DbRow;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Reads columns whose Java type differs between H2 and PostgreSQL drivers. */
public final class Rows {
    private Rows() {
    }

    /** A {@code timestamp with time zone} column as an instant (null stays null). */
    public static Instant instant(DbRow row, String column) {
        Object value = row.column(column).get(Object.class);
        return switch (value) {
            case null -> null;
            case OffsetDateTime odt -> odt.toInstant();
            case ZonedDateTime zdt -> zdt.toInstant();
            case Timestamp ts -> ts.toInstant();
            case Instant i -> i;
            default -> throw new IllegalStateException("column " + column + " is not a timestamp: " + value.getClass());
        };
    }

    /** An instant as the value of a {@code timestamp with time zone} column. */
    public static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(java.time.ZoneOffset.UTC);
    }
}
