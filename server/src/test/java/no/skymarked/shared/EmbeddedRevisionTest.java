package no.skymarked.shared;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.helidon.dbclient.DbClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Which databases have their catalogue revision known in this JVM, and that a transaction publishes it only once
 * committed: after a rollback, or before the commit, nothing is published.
 */
class EmbeddedRevisionTest {

    @Test
    void onlyDatabasesNoOtherProcessCanWriteAreKnownInTheJvm() {
        assertThat(EmbeddedRevision.embeddedKey("jdbc:h2:mem:a;DB_CLOSE_DELAY=-1;MODE=PostgreSQL"), is("jdbc:h2:mem:a"));
        assertThat(EmbeddedRevision.embeddedKey("jdbc:h2:file:/data/skymarked;WRITE_DELAY=0"), is("jdbc:h2:file:/data/skymarked"));
        assertThat(EmbeddedRevision.embeddedKey("jdbc:h2:file:/data/skymarked;AUTO_SERVER=TRUE"), nullValue());
        assertThat(EmbeddedRevision.embeddedKey("jdbc:h2:file:/data/skymarked;auto_server = true"), nullValue());
        assertThat(EmbeddedRevision.embeddedKey("jdbc:h2:file:/data/skymarked;AUTO_SERVER=1"), nullValue());
        assertThat(EmbeddedRevision.embeddedKey("jdbc:h2:file:/data/skymarked;FILE_LOCK=NO"), nullValue());
        assertThat(EmbeddedRevision.embeddedKey("jdbc:h2:file:/data/skymarked;AUTO_SERVER=FALSE"), is("jdbc:h2:file:/data/skymarked"));
        assertThat(EmbeddedRevision.embeddedKey("jdbc:h2:tcp://db.example:9092/skymarked"), nullValue());
        assertThat(EmbeddedRevision.embeddedKey("jdbc:postgresql://127.0.0.1:5432/skymarked"), nullValue());
    }

    @Test
    void aRevisionIsPublishedOnlyWhenItsTransactionCommits() {
        Database.Settings settings = Database.inMemory("embedded-revision-" + UUID.randomUUID());
        try (DbClient db = Database.open(settings); DbClient second = Database.open(settings)) {
            var known = EmbeddedRevision.of(db);
            assertThat("a second client of the same database shares the revision", EmbeddedRevision.of(second) == known, is(true));
            assertThat("read from the database when opened", known.get(), is(0L));

            Tx.inTransaction(db, tx -> {
                Tx.afterCommit(tx, client -> EmbeddedRevision.committed(client, 7));
                assertThat("not before the commit", known.get(), is(0L));
                return null;
            });
            assertThat(known.get(), is(7L));

            assertThrows(IllegalStateException.class, () -> Tx.inTransaction(db, tx -> {
                Tx.afterCommit(tx, client -> EmbeddedRevision.committed(client, 8));
                Tx.beforeCommit(tx, () -> {
                    throw new IllegalStateException("the last write before the commit fails");
                });
                return null;
            }));
            assertThat("a transaction that failed in its last writes publishes nothing", known.get(), is(7L));

            assertThrows(IllegalStateException.class, () -> Tx.inTransaction(second, tx -> {
                Tx.afterCommit(tx, client -> EmbeddedRevision.committed(client, 9));
                throw new IllegalStateException("rolled back");
            }));
            assertThat("a rolled-back transaction publishes nothing", known.get(), is(7L));

            EmbeddedRevision.committed(second, 5);
            assertThat("a revision published late does not move it back", known.get(), is(7L));

            try (DbClient third = Database.open(settings)) {
                // 7 was published by hand, the database holds 0: as if a new database had been made under its name
                assertThat("what the database holds wins over a revision it never had", EmbeddedRevision.of(third).get(), is(0L));
            }
            Tx.inTransaction(db, tx -> new no.skymarked.catalogue.CatalogueWriter(tx, java.time.OffsetDateTime.now(), "test"));
            assertThat("a real catalogue write publishes its revision", known.get(), is(1L));
            try (DbClient fourth = Database.open(settings)) {
                assertThat("opening the database again keeps it", EmbeddedRevision.of(fourth).get(), is(1L));
            }
        }
    }

    @Test
    void aCatalogueWriteOnASharedDatabaseIsAnsweredOnlyAfterTheCommitWait(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // H2 with AUTO_SERVER: other processes may write to it, as to PostgreSQL
        Database.Settings shared = new Database.Settings("jdbc:h2:file:" + dir.resolve("shared")
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        try (DbClient db = Database.open(shared)) {
            assertThat("not known in the JVM", EmbeddedRevision.of(db), nullValue());
            long[] committed = new long[1];
            Tx.inTransaction(db, tx -> {
                // runs first after the commit, before the writer's own action
                Tx.afterCommit(tx, client -> committed[0] = System.nanoTime());
                return new no.skymarked.catalogue.CatalogueWriter(tx, java.time.OffsetDateTime.now(), "test");
            });
            long millis = (System.nanoTime() - committed[0]) / 1_000_000;
            assertThat("answered " + millis + " ms after the commit", millis >= CommitWait.WAIT.toMillis(), is(true));
        }
    }
}
