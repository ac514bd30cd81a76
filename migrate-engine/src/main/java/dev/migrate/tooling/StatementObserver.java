package dev.migrate.tooling;

import dev.migrate.Migration;
import dev.migrate.graph.RevisionInfo;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Watches a {@link Replay}'s run from inside, statement by statement, on the run's own connection: for
 * analyses (the lint, a squash) that replay migrations on a throwaway database and look at what each statement
 * did to it.
 *
 * <pre>{@code
 * tools.replayOn(throwaway).upgrade("heads", (connection, sql, statement) -> statement.run());
 * }</pre>
 */
@FunctionalInterface
public interface StatementObserver {

    /** A part of a migration that the observer runs, between its looks at the database. */
    @FunctionalInterface
    interface Execution {
        /** Runs it: {@code statement.run()}. */
        void run() throws SQLException;
    }

    /**
     * A migration is about to run; the previous one is done. {@code inTransaction} tells whether a transaction is
     * open on {@code connection} (one transaction for the whole run).
     *
     * @param revision the revision about to run
     * @param type its class, whose annotations (such as {@code @SuppressLint}) the observer may read
     */
    default void beforeStep(
            Connection connection, RevisionInfo revision, Class<? extends Migration> type, boolean inTransaction)
            throws SQLException {}

    /**
     * Runs one statement of the current migration ({@code sql}, or a description of its JDBC code), looking at
     * the database before and after it.
     */
    void statement(Connection connection, String sql, Execution statement) throws SQLException;

    /**
     * Runs work that is no statement of a migration's own (the contract of an online revision a run goes past):
     * not watched, but it changes the catalog, which an observer that keeps a picture of it reads again.
     */
    default void outside(Connection connection, Execution work) throws SQLException {
        work.run();
    }
}
