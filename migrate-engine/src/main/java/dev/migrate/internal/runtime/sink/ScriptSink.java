package dev.migrate.internal.runtime.sink;

import dev.migrate.JdbcWork;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.online.BatchedBackfill;
import dev.migrate.internal.online.OnlineSink;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a run's SQL goes: a live connection or a script. The runner drives both the same way; the
 * online phases see it as an {@link OnlineSink}.
 */
public interface ScriptSink extends OnlineSink {
    /** A migration is about to run; the previous one is done. */
    default void step(DiscoveredMigration migration) throws SQLException {}

    /**
     * Whether {@link #executeAllAndCommit} may take a whole migration, its statements and its
     * bookkeeping, in one round trip: a live connection that no observer watches statement by statement.
     */
    default boolean takesStepsWhole() {
        return false;
    }

    /**
     * Runs {@code transactions} one after the other in one round trip, each committing before the next begins (every
     * commit but the last skipping the wait for the disk, and the last too unless {@code lastFlushed}), then {@code
     * query}, on a sink that {@link #takesStepsWhole}; returns the first column of the query's rows. When a statement
     * fails, the transactions before its own stay committed, and nothing of its own or after it runs.
     */
    default List<String> commitEach(List<List<String>> transactions, boolean lastFlushed, String query)
            throws SQLException {
        throw new UnsupportedOperationException("only a sink that takes steps whole runs transactions together");
    }

    /**
     * Runs the backfill of an online change: a live connection walks the table in batches; a script
     * writes {@code statement}, the backfill's one {@code UPDATE}.
     */
    default void backfill(BatchedBackfill backfill, String statement) throws SQLException {
        execute(statement);
    }

    /** Work given a sink that no observer watches. */
    @FunctionalInterface
    interface Unwatched {
        void run(ScriptSink plain) throws SQLException;
    }

    /**
     * Runs work that is no statement of a migration's own on this sink's connection, watched by no
     * observer, which is told afterwards ({@link StatementObserver#outside}).
     */
    default void outside(Unwatched work) throws SQLException {
        work.run(this);
    }

    /** Runs JDBC work of a data migration. */
    void jdbc(JdbcWork work, String revision) throws SQLException;

    /** The database role statements run as, for messages; null when not known (offline). */
    default @Nullable String role() {
        return null;
    }

    /**
     * The invalid indexes an earlier cut of a statement left, which it would trip over when it runs
     * again; none for a script, which has no database to look at.
     */
    default List<InvalidIndexes.Found> invalidIndexes(Leftover leftover) throws SQLException {
        return List.of();
    }

    /** Drops an index {@link #invalidIndexes} found, outside any transaction. */
    default void drop(InvalidIndexes.Found index) throws SQLException {
        throw new UnsupportedOperationException("a script has no database to drop " + index.qualified() + " from");
    }

    /** Writes a comment line (offline only; online runs log instead). */
    default void comment(String text) {}
}
