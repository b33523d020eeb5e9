package no.skymarked.calloff.store;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import java.util.function.Supplier;
import no.skymarked.calloff.application.Transactions;

/**
 * The use case's transaction, for every store of the feature on this thread: writes and reads inside
 * {@link #inTransaction} join it; reads outside it run on their own.
 */
public final class DbSession implements Transactions {
    private final DbClient db;
    private final ThreadLocal<DbTransaction> current = new ThreadLocal<>();

    public DbSession(DbClient db) {
        this.db = db;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        DbTransaction tx = db.transaction();
        current.set(tx);
        try {
            T result = work.get();
            tx.commit();
            return result;
        } catch (Throwable t) {
            try {
                tx.rollback();
            } catch (RuntimeException rollbackFailed) {
                t.addSuppressed(rollbackFailed);  // the cause is what failed first, not the rollback after it
            }
            throw t;
        } finally {
            current.remove();
        }
    }

    /** The current transaction, or a plain execution outside one. */
    DbExecute exec() {
        DbTransaction tx = current.get();
        return tx != null ? tx : db.execute();
    }
}
