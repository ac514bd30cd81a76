package dev.migrate.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Cuts a migration statement while it waits: another session holds a lock the statement waits
 * for, and the test then ends the statement's session, cancels it, or restarts the server.
 */
final class Cuts {
    private Cuts() {}

    /**
     * A transaction of another session, open until closed: it holds the locks of what it ran, as a
     * long report or an application's transaction does.
     */
    static final class Blocker implements AutoCloseable {
        private final Connection connection;

        Blocker(DataSource db, String... statements) throws SQLException {
            connection = db.getConnection();
            connection.setAutoCommit(false);
            run(statements);
        }

        void run(String... statements) throws SQLException {
            try (Statement s = connection.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        }

        @Override
        public void close() {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // a server restart ended it already
            }
        }
    }

    /**
     * Waits until a session of {@code db} whose query starts with {@code prefix} waits for a lock,
     * and returns its process id.
     */
    static int waitingSession(DataSource db, String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Connection c = db.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                            + " AND wait_event_type = 'Lock' AND query LIKE '"
                            + prefix.replace("'", "''") + "%' AND pid <> pg_backend_pid()")) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
            assertThat(System.nanoTime())
                    .as("a session running %s waits for a lock", prefix)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Ends the session {@code pid} as {@code pg_terminate_backend} does: SQLSTATE 57P01 for its client. */
    static void terminate(DataSource db, int pid) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(" + pid + ")");
        }
    }

    /** {@code indexrelid::regclass} of each invalid index, sorted. */
    static java.util.List<String> invalidIndexes(DataSource db) throws SQLException {
        return Fixtures.query(db, "SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid ORDER BY 1");
    }

    /** {@code name|valid} of the index, or nothing when it does not exist. */
    static java.util.List<String> index(DataSource db, String name) throws SQLException {
        return Fixtures.query(
                db,
                "SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                        + " WHERE c.relname = '" + name.replace("'", "''") + "'");
    }
}
