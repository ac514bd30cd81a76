package dev.migrate;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Data-migration code that needs the live connection. It runs in the migration's transaction;
 * offline SQL generation refuses it, since there is no connection to give.
 */
@FunctionalInterface
public interface JdbcWork {
    void run(Connection connection) throws SQLException;
}
