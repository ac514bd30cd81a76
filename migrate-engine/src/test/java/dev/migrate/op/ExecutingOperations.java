package dev.migrate.op;

import dev.migrate.JdbcWork;
import dev.migrate.Operations;
import dev.migrate.internal.sql.PostgresDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Operations} for tests: each op is rendered with {@link PostgresDialect} and executed at once on
 * one connection (autocommit, so {@code CONCURRENTLY} works), and remembered so it can be reversed.
 */
public final class ExecutingOperations implements Operations {
    private final Connection connection;
    private final PostgresDialect dialect = new PostgresDialect();
    private final List<Op> executed = new ArrayList<>();

    public ExecutingOperations(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void run(Op op) {
        execute(op);
        executed.add(op);
    }

    @Override
    public void jdbc(JdbcWork work) {
        try {
            work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean isOffline() {
        return false;
    }

    /** Renders and runs one op without remembering it. */
    public void execute(Op op) {
        for (String sql : dialect.render(op)) {
            sql(sql);
        }
    }

    /** Runs one SQL statement. */
    public void sql(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + sql + "\n" + e.getMessage(), e);
        }
    }

    /** The op most recently run through {@link #run}. */
    public Op last() {
        return executed.get(executed.size() - 1);
    }

    public List<Op> executed() {
        return List.copyOf(executed);
    }

    /** Runs the reverse of every remembered op, newest first, and forgets them. */
    public void undoAll() {
        for (int i = executed.size() - 1; i >= 0; i--) {
            Op op = executed.get(i);
            execute(op.reverse().orElseThrow(() -> new AssertionError("No reverse for " + op)));
        }
        executed.clear();
    }

    /** Forgets the ops run so far: they become the fixture that {@link #undoAll} leaves in place. */
    public void forget() {
        executed.clear();
    }

    public Connection connection() {
        return connection;
    }
}
