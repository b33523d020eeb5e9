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

    public static void append(DbExecute tx, List<FeedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        tx.createUpdate("update feed_head set pos = pos + ? where id = 1").params(events.size()).execute();
        long last = tx.createGet("select pos from feed_head where id = 1").execute().orElseThrow()
                .column("pos").get(Long.class);
        long position = last - events.size();
        StringBuilder insert = new StringBuilder("insert into feed_event (pos, type, source, subject, occurred_at, data, audience,"
                + " buyer_org_no) values ");
        List<Object> params = new ArrayList<>();
        StringBuilder readers = new StringBuilder("insert into feed_event_reader (pos, org_no) values ");
        List<Object> readerParams = new ArrayList<>();
        for (FeedEvent e : events) {
            position++;
            insert.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(position, e.type(), e.source(), e.subject(),
                    OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC), Json.text(e.data()),
                    e.audience().isPublic() ? "PUBLIC" : "PARTIES", e.audience().buyerOrgNo()));
            for (String supplier : e.audience().suppliers()) {
                readers.append(readerParams.isEmpty() ? "" : ", ").append("(?, ?)");
                readerParams.addAll(List.of(position, supplier));
            }
        }
        tx.createInsert(insert.toString()).params(params).execute();
        if (!readerParams.isEmpty()) {
            tx.createInsert(readers.toString()).params(readerParams).execute();
        }
    }
}
