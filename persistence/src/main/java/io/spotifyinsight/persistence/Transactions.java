package io.spotifyinsight.persistence;

import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Runs jOOQ transactions so that errors raised at COMMIT (deferred constraints, such as the 1-to-5
 * seeds rule) are translated like any other statement's errors: jOOQ reports those as a bare
 * "Cannot commit transaction", outside its execute listeners.
 *
 * <p>The work is handed the transaction's own DSLContext: a statement run on the outer one would
 * run outside the transaction, on another connection.
 */
public final class Transactions {
    private Transactions() {}

    public static <T> T result(DSLContext dsl, Function<DSLContext, T> work) {
        try {
            return dsl.transactionResult(tx -> work.apply(tx.dsl()));
        } catch (DataAccessException e) {
            throw translated(e);
        }
    }

    public static void run(DSLContext dsl, Consumer<DSLContext> work) {
        try {
            dsl.transaction(tx -> work.accept(tx.dsl()));
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
