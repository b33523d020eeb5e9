package no.skymarked.ocds.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.skymarked.ocds.Ocid;
import no.skymarked.ocds.ReleaseKey;
import no.skymarked.shared.Json;
import no.skymarked.shared.Rows;

/**
 * Where releases come from, read at request time: the protocol events that make a call-off release, and the
 * recorded framework versions. Nothing is stored for publication itself.
 */
public final class OcdsStore {
    /** The protocol event types that change what is public of a call-off. */
    public static final List<String> PUBLIC_EVENTS = List.of("COMPETITION_PUBLISHED", "AWARDED", "AWARD_DECIDED", "CONTRACT_CONCLUDED",
            "NO_TENDERS_RECEIVED", "ALL_TENDERS_REJECTED", "CALL_OFF_CANCELLED");
    private static final String KEYS = "select at, kind, pid, seq from ("
            + " select e.at as at, 0 as kind, e.call_off_id as pid, e.seq as seq from protocol_event e where e.type in ("
            + String.join(", ", PUBLIC_EVENTS.stream().map(t -> "'" + t + "'").toList()) + ")"
            + " union all select v.recorded_at as at, 1 as kind, v.framework_id as pid, v.version as seq from framework_version v) k"
            + " where at >= ? and at < ? and (at > ? or (at = ? and (kind > ? or (kind = ? and (pid > ? or (pid = ? and seq > ?))))))"
            + " order by at, kind, pid, seq limit ?";
    private static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("9999-01-01T00:00:00Z");
    private final DbClient db;

    public OcdsStore(DbClient db) {
        this.db = db;
    }

    /** A framework version's catalogue document, recorded at {@code recordedAt}. */
    public record FrameworkVersion(String id, int version, Instant recordedAt, JsonNode document) {
    }

    /** Up to {@code limit} keys dated in [{@code from}, {@code until}) after {@code after} (null: from the start), in feed order. */
    public List<ReleaseKey> keys(Instant from, Instant until, ReleaseKey after, int limit) {
        ReleaseKey a = after != null ? after : new ReleaseKey(BEGINNING.minusSeconds(1), Ocid.Kind.CALL_OFF, "", -1);
        int kind = a.kind() == Ocid.Kind.CALL_OFF ? 0 : 1;
        try (Stream<DbRow> rows = db.execute().createQuery(KEYS).params(utc(from == null ? BEGINNING : from),
                utc(until == null ? END : until), utc(a.at()), utc(a.at()), kind, kind, a.id(), a.id(), a.seq(), limit).execute()) {
            return rows.map(r -> new ReleaseKey(Rows.instant(r, "at"),
                    ((Number) r.column("kind").get()).intValue() == 0 ? Ocid.Kind.CALL_OFF : Ocid.Kind.FRAMEWORK,
                    r.column("pid").get(String.class), ((Number) r.column("seq").get()).longValue())).toList();
        }
    }

    public Optional<FrameworkVersion> frameworkVersion(String id, int version) {
        return db.execute().createGet("select framework_id, version, recorded_at, document from framework_version"
                + " where framework_id = ? and version = ?").params(id, version).execute().map(OcdsStore::version);
    }

    /** Every recorded version of a framework, oldest first. */
    public List<FrameworkVersion> frameworkVersions(String id) {
        try (Stream<DbRow> rows = db.execute().createQuery("select framework_id, version, recorded_at, document from framework_version"
                + " where framework_id = ? order by version").params(id).execute()) {
            return new ArrayList<>(rows.map(OcdsStore::version).toList());
        }
    }

    private static FrameworkVersion version(DbRow r) {
        return new FrameworkVersion(r.column("framework_id").get(String.class), ((Number) r.column("version").get()).intValue(),
                Rows.instant(r, "recorded_at"), Json.tree(r.column("document").get(String.class)));
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
