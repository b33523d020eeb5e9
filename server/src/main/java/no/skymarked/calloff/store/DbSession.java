package no.skymarked.calloff.store;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import no.skymarked.calloff.application.Transactions;

/**
 * The use case's transaction, for every store of the feature on this thread: writes and reads inside
 * {@link #inTransaction} join it; reads outside it run on their own. A transaction the database rolled back to break
 * a deadlock is run again (a few times, after a short random pause): the use cases keep no state between attempts.
 */
public final class DbSession implements Transactions {
    private final DbClient db;
    /** How often a transaction the database chose as a deadlock victim is run, at the most. */
    static final int ATTEMPTS = 5;
    private final ThreadLocal<DbTransaction> current = new ThreadLocal<>();
    private final ThreadLocal<java.util.List<Runnable>> beforeCommit = new ThreadLocal<>();

    public DbSession(DbClient db) {
        this.db = db;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !chosenAsDeadlockVictim(e)) {
                    throw e;
                }
                pause(attempt);  // the database undid it to break a deadlock; the work is run again from the start
            }
        }
    }

    private <T> T once(Supplier<T> work) {
        DbTransaction tx = db.transaction();
        current.set(tx);
        beforeCommit.set(new java.util.ArrayList<>());
        try {
            T result = work.get();
            no.skymarked.shared.Tx.runAll(beforeCommit.get());
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
            beforeCommit.remove();
        }
    }

    /** SQLSTATE class 40, transaction rollback: a deadlock victim (PostgreSQL 40P01, H2 40001) or a serialization failure. */
    static boolean chosenAsDeadlockVictim(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 10 * attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", interrupted);
        }
    }

    /**
     * Runs {@code action} as the last writes of the current transaction, just before it commits (the change feed, whose
     * lock is then held only for the commit); outside a transaction, in one of its own.
     */
    void beforeCommit(Runnable action) {
        if (current.get() != null) {
            beforeCommit.get().add(action);
        } else {
            inTransaction(() -> {
                action.run();
                return null;
            });
        }
    }

    /** The current transaction, or a plain execution outside one. */
    public DbExecute exec() {
        DbTransaction tx = current.get();
        return tx != null ? tx : db.execute();
    }
}
