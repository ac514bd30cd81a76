package dev.migrate.internal.online;

import java.sql.SQLException;
import java.util.List;

/**
 * Where the statements of an online phase go: a live connection or a script. The runner's sinks are
 * this too, so a phase runs through the connection or the script the run writes to.
 */
public interface OnlineSink {
    /** Starts a transaction. */
    void begin() throws SQLException;

    /** Runs one statement of a migration. */
    void execute(String sql) throws SQLException;

    /** Runs bookkeeping statements together, in as few round trips as possible. */
    void executeAll(List<String> statements) throws SQLException;

    /**
     * Runs the bookkeeping statements of a migration and commits its transaction, in as few round
     * trips as possible: a failure of either leaves nothing of the transaction.
     *
     * @param flushed whether the commit waits until the server has the transaction on disk; a run
     *     commits every migration but its last without waiting, and the last one's wait covers them all
     */
    default void executeAllAndCommit(List<String> statements, boolean flushed) throws SQLException {
        executeAll(statements);
        commit();
    }

    /** Commits the transaction. */
    void commit() throws SQLException;

    /** Rolls the transaction back; nothing to roll back is no failure. */
    void rollback();

    /** Whether statements are printed rather than run. */
    boolean offline();

    /** The first column of each row {@code sql} returns, as text; none for a script, which has no database to ask. */
    default List<String> query(String sql) throws SQLException {
        return List.of();
    }

    /** Opens the sink where the statements go, on first use: a run opens its work connection only when it needs it. */
    @FunctionalInterface
    interface Opener {
        OnlineSink open() throws SQLException;
    }
}
