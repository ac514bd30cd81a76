package dev.migrate.internal.runtime;

import dev.migrate.LockWait;
import dev.migrate.MigrateException;
import dev.migrate.internal.connection.Privileges;
import dev.migrate.internal.runtime.history.VersionTables;
import dev.migrate.internal.runtime.lock.AdvisoryLock;
import dev.migrate.internal.runtime.lock.ServerSessions;
import dev.migrate.internal.runtime.session.ConnectionSource;
import dev.migrate.internal.runtime.session.SessionSettings;
import dev.migrate.internal.runtime.session.Settings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Runs work under the migration lock of one database: the advisory lock keyed by its version table. */
final class MigrationLock {
    /** Work under the lock. */
    interface Work {
        void run(LockedRun run) throws SQLException;
    }

    private final ConnectionSource connections;
    private final Settings settings;
    private final VersionTables tables;

    MigrationLock(ConnectionSource connections, Settings settings, VersionTables tables) {
        this.connections = connections;
        this.settings = settings;
        this.tables = tables;
    }

    /**
     * Runs {@code work} under the migration lock, once the server has said it can take writes: a
     * standby or a read-only role is refused before the lock is taken or the version tables are
     * prepared.
     *
     * @param what the goal, for the message that refuses a read-only server
     */
    @SuppressWarnings("try") // the lock is held for the whole body and released by close, never read
    void run(String what, Work work) {
        try (Connection lockConnection = connections.open()) {
            new SessionSettings(settings)
                    .apply(lockConnection)
                    .requireWritable(connections.description(lockConnection), what);
            try (AdvisoryLock lock = acquire(lockConnection);
                    LockedRun run = new LockedRun(lockConnection, connections, settings, tables)) {
                try {
                    work.run(run);
                } catch (SQLException e) {
                    // asked here, while the lock's connection is still open
                    throw statementFailed(e, lockConnection.getMetaData().getUserName());
                }
            }
        } catch (SQLException e) {
            throw statementFailed(e, null);
        }
    }

    /**
     * The server sessions holding the lock now, described for messages: a migrate run applying migrations to this
     * database (or stamping it); empty when none does. Reads {@code pg_locks}, and takes nothing.
     */
    List<String> holders() {
        try (Connection c = connections.open()) {
            return ServerSessions.advisoryLockHolder(
                    c, AdvisoryLock.keyFor(tables.versionTable().toString()));
        } catch (SQLException e) {
            throw statementFailed(e, null);
        }
    }

    /** A failure outside the migrations' own statements, with the privilege it needs when that is the cause. */
    private MigrateException statementFailed(SQLException e, @Nullable String user) {
        return new MigrateException(
                "A statement on " + connections.description() + " failed: " + e.getMessage()
                        + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]")
                        + Privileges.explain(e, user),
                e);
    }

    /** Takes the migration lock, and tells the listener how long the run waited for it. */
    private AdvisoryLock acquire(Connection lockConnection) throws SQLException {
        AdvisoryLock lock = AdvisoryLock.acquire(
                lockConnection,
                AdvisoryLock.keyFor(tables.versionTable().toString()),
                settings.lockWaitTimeout(),
                settings.waitReportInterval(),
                settings.log(),
                settings.fixes());
        try {
            settings.listener()
                    .onLockWait(new LockWait(
                            LockWait.Kind.MIGRATION_LOCK,
                            null,
                            tables.versionTable().toString(),
                            lock.waited()));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return lock;
    }
}
