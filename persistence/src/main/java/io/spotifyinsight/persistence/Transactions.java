package io.spotifyinsight.persistence;

import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.TransactionalCallable;
import org.jooq.TransactionalRunnable;
import org.jooq.exception.DataAccessException;

/**
 * Runs jOOQ transactions so that errors raised at COMMIT (deferred constraints, such as the 1-to-5
 * seeds rule) are translated like any other statement's errors: jOOQ reports those as a bare
 * "Cannot commit transaction", outside its execute listeners.
 */
public final class Transactions {
    private Transactions() {}

    public static <T> T result(DSLContext dsl, TransactionalCallable<T> work) {
        try {
            return dsl.transactionResult(work);
        } catch (DataAccessException e) {
            throw translated(e);
        }
    }

    public static void run(DSLContext dsl, TransactionalRunnable work) {
        try {
            dsl.transaction(work);
        } catch (DataAccessException e) {
            throw translated(e);
        }
    }

    private static RuntimeException translated(DataAccessException e) {
        SQLException cause = e.getCause(SQLException.class);
        RuntimeException translated = cause == null ? null : SqlErrorTranslator.translate(cause);
        return translated != null ? translated : e;
    }
}
