package dev.migrate.internal.runtime;

import dev.migrate.MigrateException;
import dev.migrate.internal.connection.Privileges;
import dev.migrate.internal.runtime.history.VersionTables;
import dev.migrate.internal.runtime.lock.BlockerWatch;
import dev.migrate.internal.runtime.session.ConnectionSource;
import dev.migrate.internal.runtime.session.SessionSettings;
import dev.migrate.internal.runtime.session.Settings;
import dev.migrate.internal.runtime.sink.ConnectionSink;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * A run under the migration lock. The lock is held on a connection of its own, which also reads
 * the version and history tables; the steps run on a second connection, opened only when there
 * is something to run (an up-to-date database is checked on one connection). While they run,
 * the lock's connection watches for sessions that block them.
 */
final class LockedRun implements AutoCloseable {
    private final Connection lockConnection;
    private final ConnectionSource connections;
    private final Settings settings;
    private final VersionTables tables;
    private @Nullable Connection workConnection;
    private @Nullable BlockerWatch watch;

    LockedRun(Connection lockConnection, ConnectionSource connections, Settings settings, VersionTables tables) {
        this.lockConnection = lockConnection;
        this.connections = connections;
        this.settings = settings;
        this.tables = tables;
    }

    Connection lockConnection() {
        return lockConnection;
    }

    /** The connection the steps run on, with the version tables in place; opened on first use. */
    Connection workConnection() throws SQLException {
        if (workConnection == null) {
            workConnection = connections.open();
            prepare(workConnection);
            watch = BlockerWatch.start(
                    lockConnection, backendPid(workConnection), settings.waitReportInterval(), settings.log());
        }
        return workConnection;
    }

    /** A sink on the connection the steps run on. */
    ConnectionSink workSink() throws SQLException {
        return new ConnectionSink(workConnection());
    }

    private void prepare(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            new SessionSettings(settings).apply(c);
            for (String sql : tables.createStatements()) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not prepare the version tables " + tables.versionTable() + " and "
                            + tables.historyTable() + " on " + connections.description() + ": " + e.getMessage()
                            + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]")
                            + Privileges.explain(e, c.getMetaData().getUserName()),
                    e);
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public void close() throws SQLException {
        if (watch != null) {
            watch.close();
        }
        if (workConnection != null) {
            workConnection.close();
        }
    }
}
