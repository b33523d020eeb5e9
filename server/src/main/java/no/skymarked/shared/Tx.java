package no.skymarked.shared;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** All writes of one request in one transaction: commit on success, roll back on anything thrown. */
public final class Tx {
    private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

    private record Pending(DbTransaction tx, List<Runnable> actions, List<java.util.function.Consumer<DbClient>> committed) {
    }

    private Tx() {
    }

    public static <T> T inTransaction(DbClient db, Function<DbTransaction, T> work) {
        DbTransaction tx = db.transaction();
        Pending outer = PENDING.get();
        Pending mine = new Pending(tx, new ArrayList<>(), new ArrayList<>());
        PENDING.set(mine);
        T result;
        try {
            result = work.apply(tx);
            runAll(mine.actions());
            tx.commit();
        } catch (Throwable t) {
            tx.rollback();
            throw t;
        } finally {
            if (outer == null) {
                PENDING.remove();
            } else {
                PENDING.set(outer);
            }
        }
        // committed: nothing below may roll it back or fail the work; every action runs
        for (java.util.function.Consumer<DbClient> action : mine.committed()) {
            try {
                action.accept(db);
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(Tx.class.getName()).log(java.util.logging.Level.WARNING,
                        "an action after a committed transaction failed", e);
            }
        }
        return result;
    }

    /**
     * Runs {@code action} once {@link #inTransaction} has committed {@code tx}, before it returns (so before the
     * request is answered), with the client the transaction was on; not at all when it rolls back.
     */
    public static void afterCommit(DbExecute tx, java.util.function.Consumer<DbClient> action) {
        Pending pending = PENDING.get();
        if (pending == null || pending.tx() != tx) {
            throw new IllegalStateException("afterCommit needs a transaction of Tx.inTransaction");
        }
        pending.committed().add(action);
    }

    /**
     * Runs {@code action} as the last writes of {@code tx}, just before {@link #inTransaction} commits it (e.g. the
     * change feed, whose lock should be held no longer than the commit); at once when {@code tx} is not one of its.
     */
    public static void beforeCommit(DbExecute tx, Runnable action) {
        Pending pending = PENDING.get();
        if (pending != null && pending.tx() == tx) {
            pending.actions().add(action);
        } else {
            action.run();
        }
    }

    /** Runs the actions in order, also those an action adds. */
    public static void runAll(List<Runnable> actions) {
        for (int i = 0; i < actions.size(); i++) {
            actions.get(i).run();
        }
    }
}
