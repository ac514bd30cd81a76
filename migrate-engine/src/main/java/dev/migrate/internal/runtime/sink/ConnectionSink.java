package dev.migrate.internal.runtime.sink;

import dev.migrate.JdbcWork;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.online.BatchedBackfill;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Runs statements on a live connection, optionally watched by a {@link StatementObserver}. */
public final class ConnectionSink implements ScriptSink {
    private final Connection connection;
    private final @Nullable StatementObserver observer;

    public ConnectionSink(Connection connection) {
        this(connection, null);
    }

    public ConnectionSink(Connection connection, @Nullable StatementObserver observer) {
        this.connection = connection;
        this.observer = observer;
    }

    @Override
    public void step(DiscoveredMigration migration) throws SQLException {
        if (observer != null) {
            observer.beforeStep(connection, migration, !connection.getAutoCommit());
        }
    }

    @Override
    public void begin() throws SQLException {
        connection.setAutoCommit(false);
    }

    @Override
    public void execute(String sql) throws SQLException {
        if (observer == null) {
            send(sql);
        } else {
            observer.statement(connection, sql, () -> send(sql));
        }
    }

    private void send(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            // the SQL reaches the server as written, exactly as psql runs the offline script: the
            // driver rewrites no JDBC escape such as {fn ...} or {d ...}, and scans each text once less
            s.setEscapeProcessing(false);
            s.execute(sql);
        }
    }

    @Override
    public void executeAll(List<String> statements) throws SQLException {
        // one string: the driver sends the statements in a single round trip
        send(String.join(";\n", statements));
    }

    /** Runs {@code statements} in a transaction of their own: all of them, or none when one fails. */
    public void executeInTransaction(List<String> statements) throws SQLException {
        begin();
        try {
            executeAll(statements);
            commit();
        } catch (SQLException e) {
            rollback();
            throw e;
        }
    }

    @Override
    public void executeAllAndCommit(List<String> statements, boolean flushed) throws SQLException {
        // COMMIT in the same string saves a round trip per migration; the driver then finds no
        // transaction left to commit, so commit() below only switches autocommit back on.
        send(committing(new StringBuilder(), statements, flushed).toString());
        commit();
    }

    @Override
    public List<String> commitEach(List<List<String>> transactions, boolean lastFlushed, String query)
            throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < transactions.size(); i++) {
            // the driver begins the first, as for executeAllAndCommit
            committing(
                    sql.append(i == 0 ? "" : ";\nBEGIN;\n"),
                    transactions.get(i),
                    lastFlushed && i == transactions.size() - 1);
        }
        sql.append(";\n").append(query);
        List<String> rows = new ArrayList<>();
        begin();
        try (Statement s = connection.createStatement()) {
            s.setEscapeProcessing(false);
            // One string, one round trip: on a failure the server skips what follows in it. The rows are the
            // query's, the last statement's: a migration's own statements may return rows too.
            for (boolean hasRows = s.execute(sql.toString());
                    hasRows || s.getUpdateCount() != -1;
                    hasRows = s.getMoreResults()) {
                if (hasRows) {
                    rows.clear();
                    try (ResultSet rs = s.getResultSet()) {
                        while (rs.next()) {
                            rows.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        commit();
        return rows;
    }

    /** Appends {@code statements} to {@code sql}, then the COMMIT of their transaction. */
    private static StringBuilder committing(StringBuilder sql, List<String> statements, boolean flushed) {
        if (!flushed) {
            // The server writes its log in order, so a later commit that waits for the disk takes
            // this one with it, and a crash before then loses a run's last migrations, never one
            // in the middle: the database is as though the run had stopped earlier.
            sql.append("SET LOCAL synchronous_commit TO off;\n");
        }
        for (String statement : statements) {
            // a migration's own SQL may end with a line comment, which would swallow the semicolon
            sql.append(statement).append(statement.contains("--") ? "\n;\n" : ";\n");
        }
        return sql.append("COMMIT");
    }

    @Override
    public boolean takesStepsWhole() {
        return observer == null;
    }

    @Override
    public void jdbc(JdbcWork work, String revision) throws SQLException {
        if (observer == null) {
            work.run(connection);
        } else {
            observer.statement(connection, "(the JDBC code of the migration, op.jdbc)", () -> work.run(connection));
        }
    }

    @Override
    public void backfill(BatchedBackfill backfill, String statement) throws SQLException {
        if (observer == null) {
            backfill.run(connection);
        } else {
            observer.statement(connection, statement, () -> backfill.run(connection));
        }
    }

    @Override
    public void outside(Unwatched work) throws SQLException {
        if (observer == null) {
            work.run(this);
        } else {
            ConnectionSink plain = new ConnectionSink(connection);
            observer.outside(connection, () -> work.run(plain));
        }
    }

    @Override
    public List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Override
    public void commit() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    @Override
    public void rollback() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the connection is broken; the server rolls the transaction back when it goes away
        }
    }

    @Override
    public List<InvalidIndexes.Found> invalidIndexes(Leftover leftover) throws SQLException {
        return InvalidIndexes.find(connection, leftover);
    }

    @Override
    public void drop(InvalidIndexes.Found index) throws SQLException {
        InvalidIndexes.drop(connection, index);
    }

    @Override
    public @Nullable String role() {
        try {
            return connection.getMetaData().getUserName();
        } catch (SQLException e) {
            return null;
        }
    }

    @Override
    public boolean offline() {
        return false;
    }
}
