package no.skymarked.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.helidon.dbclient.DbClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One change with more feed events than one statement takes (PostgreSQL: 65 535 parameters, 8 per event): a large
 * catalogue import. Every event and reader row is written, at consecutive positions.
 */
class FeedWriterTest {
    @RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension();

    @Test
    void moreEventsThanOneStatementTakesAreAllWrittenInOrder() {
        DbClient db = SERVER.server().running().context().db();
        long before = db.execute().get("select pos from feed_head where id = 1").orElseThrow().column("pos").get(Long.class);
        List<FeedEvent> events = new ArrayList<>();
        int count = 9_000;
        for (int i = 0; i < count; i++) {
            events.add(new FeedEvent("no.skymarked.test.bulk", "/v1/test", "s-" + i, Instant.parse("2026-12-01T08:00:00Z"),
                    Map.of("n", i), Audience.parties("991825827", List.of("921900007", "922000018"))));
        }
        io.helidon.dbclient.DbTransaction tx = db.transaction();
        FeedWriter.append(tx, events);
        tx.commit();
        long after = db.execute().get("select pos from feed_head where id = 1").orElseThrow().column("pos").get(Long.class);
        assertThat(after - before, is((long) count));
        long written = db.execute().get("select count(*) as n, min(pos) as lo, max(pos) as hi from feed_event where type = ?",
                "no.skymarked.test.bulk").orElseThrow().column("n").get(Number.class).longValue();
        assertThat(written, is((long) count));
        assertThat(db.execute().get("select subject from feed_event where pos = ?", before + 1).orElseThrow().column("subject")
                .get(String.class), is("s-0"));
        assertThat(db.execute().get("select subject from feed_event where pos = ?", after).orElseThrow().column("subject")
                .get(String.class), is("s-" + (count - 1)));
        long readers = db.execute().get("select count(*) as n from feed_event_reader r join feed_event e on e.pos = r.pos"
                + " where e.type = ?", "no.skymarked.test.bulk").orElseThrow().column("n").get(Number.class).longValue();
        assertThat(readers, is(2L * count));
    }
}
