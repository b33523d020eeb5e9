package no.skymarked.events;

import io.helidon.dbclient.DbExecute;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import no.skymarked.shared.Json;

/**
 * Appends events to the feed inside the caller's transaction. Their positions come from the single row of
 * {@code feed_head}, incremented under its row lock, which the transaction then holds until it commits or rolls back:
 * transactions that write the feed commit one after another in the order of their positions, so a reader that sees
 * position p never later finds a smaller one appearing. Callers append just before commit (see
 * {@link no.skymarked.shared.Tx#beforeCommit}), so the lock is held only for the commit itself.
 */
public final class FeedWriter {
    private FeedWriter() {
    }

    /** Events per insert statement: 8 parameters each, well under PostgreSQL's limit of 65 535 per statement. */
    static final int CHUNK = 1000;

    public static void append(DbExecute tx, List<FeedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        tx.createUpdate("update feed_head set pos = pos + ? where id = 1").params(events.size()).execute();
        long last = tx.createGet("select pos from feed_head where id = 1").execute().orElseThrow()
                .column("pos").get(Long.class);
        long first = last - events.size() + 1;
        // a statement takes at most 65 535 parameters on PostgreSQL: a large catalogue import writes in chunks
        for (int from = 0; from < events.size(); from += CHUNK) {
            insert(tx, events.subList(from, Math.min(events.size(), from + CHUNK)), first + from);
        }
    }

    /** Rows of at most {@value #CHUNK} events, the first at {@code position}, in two statements (events, their readers). */
    private static void insert(DbExecute tx, List<FeedEvent> events, long position) {
        StringBuilder insert = new StringBuilder("insert into feed_event (pos, type, source, subject, occurred_at, data, audience,"
                + " buyer_org_no) values ");
        List<Object> params = new ArrayList<>();
        List<Object[]> readers = new ArrayList<>();
        for (FeedEvent e : events) {
            insert.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(position, e.type(), e.source(), e.subject(),
                    OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC), Json.text(e.data()),
                    e.audience().isPublic() ? "PUBLIC" : "PARTIES", e.audience().buyerOrgNo()));
            for (String supplier : e.audience().suppliers()) {
                readers.add(new Object[] {position, supplier});
            }
            position++;
        }
        tx.createInsert(insert.toString()).params(params).execute();
        for (int from = 0; from < readers.size(); from += CHUNK) {
            List<Object[]> part = readers.subList(from, Math.min(readers.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder("insert into feed_event_reader (pos, org_no) values ");
            List<Object> readerParams = new ArrayList<>();
            for (Object[] r : part) {
                sql.append(readerParams.isEmpty() ? "" : ", ").append("(?, ?)");
                readerParams.addAll(List.of(r));
            }
            tx.createInsert(sql.toString()).params(readerParams).execute();
        }
    }
}
