package dev.migrate;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Data-migration code that needs the live connection, for {@link Operations#jdbc}. It runs in the
 * migration's transaction; offline SQL generation refuses it, since there is no connection to give.
 *
 * <pre>{@code
 * op.jdbc(connection -> {
 *     try (var update = connection.prepareStatement("UPDATE agents SET status = ? WHERE status IS NULL")) {
 *         update.setString(1, "active");
 *         update.executeUpdate();
 *     }
 * });
 * }</pre>
 */
@FunctionalInterface
public interface JdbcWork {
    /**
     * Does the work; leave the transaction to the run: {@code connection -> connection.createStatement().execute("ANALYZE agents")}.
     *
     * @param connection the migration's connection, inside its transaction unless it is {@code transactional = false}
     * @throws SQLException to fail the migration; it is rolled back and reported with its revision
     */
    void run(Connection connection) throws SQLException;
}
