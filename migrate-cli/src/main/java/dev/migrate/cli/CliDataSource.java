package dev.migrate.cli;

import dev.migrate.MigrateException;
import dev.migrate.internal.connection.ConnectionFailure;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The chosen database as a data source whose failure to connect is the one explanation every entry point
 * gives ({@link ConnectionFailure}): the server, the reason and the option to fix, never the password.
 */
final class CliDataSource implements DataSource {
    private final DatabaseChoice database;
    private final PGSimpleDataSource driver = new PGSimpleDataSource();

    CliDataSource(DatabaseChoice database) {
        this(database, null);
    }

    /** The database named {@code databaseName} on {@code database}'s server; null: the one its URL names. */
    CliDataSource(DatabaseChoice database, @Nullable String databaseName) {
        this.database = database;
        driver.setUrl(database.url().jdbcUrl());
        if (databaseName != null) {
            driver.setDatabaseName(databaseName);
        }
        if (database.user() != null) {
            driver.setUser(database.user());
        }
        if (database.password() != null) {
            driver.setPassword(database.password());
        }
        driver.setApplicationName("migrate");
    }

    @Override
    public Connection getConnection() {
        try {
            return driver.getConnection();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) {
        try {
            return driver.getConnection(username, password);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private MigrateException failure(SQLException e) {
        ConnectionFailure failure = ConnectionFailure.of(
                e,
                new ConnectionFailure.Target(
                        database.url(),
                        database.user(),
                        database.password(),
                        database.origin(),
                        "in the URL or --password"));
        // the driver's exception is left out: its message and stack may echo connection properties
        return new MigrateException(failure.message());
    }

    @Override
    public @Nullable PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the engine reports through MigrationLog
    }

    @Override
    public void setLoginTimeout(int seconds) {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "CliDataSource[" + database.describe() + "]";
    }
}
