package no.skymarked.events;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.shared.Rows;

/**
 * Reads the feed after a position, in position order, as one reader may see it: public events to anyone; a call-off's
 * events to its buyer agency (buyer role), to the suppliers it concerns (supplier role) and to auditors. Positions
 * commit in order ({@link FeedWriter}), so a reader that resumes after the last position it saw misses nothing.
 */
public final class FeedReader {
    private final DbClient db;

    public FeedReader(DbClient db) {
        this.db = db;
    }

    /** One event as stored. */
    public record Stored(long position, String type, String source, String subject, Instant time, String data) {
    }

    public List<Stored> after(long after, Principal reader, int limit) {
        StringBuilder sql = new StringBuilder("select e.pos, e.type, e.source, e.subject, e.occurred_at, e.data from feed_event e"
                + " where e.pos > ? and (e.audience = 'PUBLIC'");
        List<Object> params = new ArrayList<>(List.of(after));
        if (reader.has(Role.AUDITOR)) {
            sql.append(" or e.audience = 'PARTIES'");
        }
        if (reader.authenticated() && reader.has(Role.BUYER)) {
            sql.append(" or e.audience = 'PARTIES' and e.buyer_org_no = ?");
            params.add(reader.orgNo());
        }
        if (reader.authenticated() && reader.has(Role.SUPPLIER)) {
            sql.append(" or e.audience = 'PARTIES' and exists (select 1 from feed_event_reader r where r.pos = e.pos and r.org_no = ?)");
            params.add(reader.orgNo());
        }
        sql.append(") order by e.pos limit ?");
        params.add(limit);
        try (Stream<DbRow> rows = db.execute().createQuery(sql.toString()).params(params).execute()) {
            return rows.map(FeedReader::stored).toList();
        }
    }

    /** The last position committed: a subscription made now starts after it. */
    public long head() {
        return db.execute().createGet("select pos from feed_head where id = 1").execute().orElseThrow().column("pos").get(Long.class);
    }

    private static Stored stored(DbRow r) {
        return new Stored(r.column("pos").get(Long.class), r.column("type").get(String.class), r.column("source").get(String.class),
                r.column("subject").get(String.class), Rows.instant(r, "occurred_at"), r.column("data").get(String.class));
    }
}
