package dev.migrate.internal.runtime.sink;

import dev.migrate.internal.discovery.DiscoveredMigration;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Watches a run from inside, statement by statement, on the run's own connection: for analyses that
 * replay migrations on a throwaway database and look at what each statement did to it.
 */
public interface StatementObserver {

    /** A part of a migration that the observer runs, between its looks at the database. */
    @FunctionalInterface
    interface Execution {
        void run() throws SQLException;
    }

    /**
     * A migration is about to run; the previous one is done. {@code inTransaction} tells whether a
     * transaction is open on {@code connection} (one transaction for the whole run).
     */
    void beforeStep(Connection connection, DiscoveredMigration migration, boolean inTransaction) throws SQLException;

    /**
     * Runs one statement of the current migration ({@code sql}, or a description of its JDBC code),
     * looking at the database before and after it.
     */
    void statement(Connection connection, String sql, Execution statement) throws SQLException;

    /**
     * Runs work that is no statement of a migration's own (the contract of an online revision a run goes
     * past): not watched, but it changes the catalog, which an observer that keeps a picture of it reads again.
     */
    default void outside(Connection connection, Execution work) throws SQLException {
        work.run();
    }
}
