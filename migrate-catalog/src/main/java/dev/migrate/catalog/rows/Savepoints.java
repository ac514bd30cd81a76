package dev.migrate.catalog.rows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A statement that may fail, run so that its failure leaves the connection usable: inside a savepoint when the
 * connection is in a transaction (where a failed statement would abort it), as it is otherwise.
 */
public final class Savepoints {
    private Savepoints() {}

    /** What may fail. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws SQLException;
    }

    /** What {@code attempt} returns; its failure rolled back to before it when in a transaction. */
    public static <T> T attempt(Connection c, Attempt<T> attempt) throws SQLException {
        if (c.getAutoCommit()) {
            return attempt.run();
        }
        Savepoint savepoint = c.setSavepoint();
        try {
            T result = attempt.run();
            c.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            c.rollback(savepoint);
            throw e;
        }
    }
}
