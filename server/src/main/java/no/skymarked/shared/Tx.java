package no.skymarked.shared;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;
import java.util.function.Function;

/** All writes of one request in one transaction: commit on success, roll back on anything thrown. */
public final class Tx {
    private Tx() {
    }

    public static <T> T inTransaction(DbClient db, Function<DbTransaction, T> work) {
        DbTransaction tx = db.transaction();
        try {
            T result = work.apply(tx);
            tx.commit();
            return result;
        } catch (Throwable t) {
            tx.rollback();
            throw t;
        }
    }
}
