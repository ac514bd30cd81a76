package dev.migrate.tooling;

import dev.migrate.MigrateException;
import dev.migrate.MigrationListener;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.runtime.Engine;
import dev.migrate.op.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * A migrator's migrations and settings, pointed at another database: what the lint needs to replay
 * them there under a {@link StatementObserver}. Published for migrate's modules.
 */
public final class Replay {
    private final Engine engine;
    private final MigrationListener listener;

    Replay(Engine engine, MigrationListener listener) {
        this.engine = engine;
        this.listener = listener;
    }

    /** The revision graph of the migrations, for planning which revisions a range covers. */
    public ChainGraph graph() {
        return new ChainGraph(engine.graph());
    }

    /** The version and history tables the migrator is configured with (schema null for the default). */
    public Set<QualifiedName> ownTables() {
        return engine.ownTables();
    }

    /** The version table the migrator is configured with (schema null for the default). */
    public QualifiedName versionTable() {
        return engine.versionTable();
    }

    /** Upgrades the database to {@code target}; a failure reaches the migrator's listener, as its own runs do. */
    public void upgrade(RevisionTarget target) {
        try {
            engine.upgrade(target);
        } catch (MigrateException e) {
            listener.onFailure(e);
            throw e;
        }
    }

    /**
     * Upgrades the database to {@code target} with {@code observer} watching every statement; a
     * failure reaches the migrator's listener, as its own runs do.
     */
    public void upgrade(RevisionTarget target, StatementObserver observer) {
        run(target, Direction.UPGRADE, observer);
    }

    /**
     * Downgrades the database to {@code target} with {@code observer} watching every statement, as a rehearsal on a
     * throwaway copy of the chain measures a downgrade; a failure reaches the migrator's listener.
     */
    public void downgrade(RevisionTarget target, StatementObserver observer) {
        run(target, Direction.DOWNGRADE, observer);
    }

    private void run(RevisionTarget target, Direction direction, StatementObserver observer) {
        try {
            engine.migrate(target, direction, new Watching(observer));
        } catch (MigrateException e) {
            listener.onFailure(e);
            throw e;
        }
    }

    /** The engine's own observer, telling {@code observer} what it sees. */
    private record Watching(StatementObserver observer) implements dev.migrate.internal.runtime.sink.StatementObserver {
        @Override
        public void beforeStep(Connection connection, DiscoveredMigration migration, boolean inTransaction)
                throws SQLException {
            observer.beforeStep(connection, migration.info(), migration.type(), inTransaction);
        }

        @Override
        public void statement(Connection connection, String sql, Execution statement) throws SQLException {
            observer.statement(connection, sql, statement::run);
        }

        @Override
        public void outside(Connection connection, Execution work) throws SQLException {
            observer.outside(connection, work::run);
        }
    }
}
