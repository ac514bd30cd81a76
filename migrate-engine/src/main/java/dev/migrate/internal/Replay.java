package dev.migrate.internal;

import dev.migrate.MigrateException;
import dev.migrate.MigrationListener;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.runtime.Engine;
import dev.migrate.internal.runtime.StatementObserver;
import dev.migrate.op.QualifiedName;
import java.util.Set;

/**
 * A migrator's migrations and settings, pointed at another database: what the lint needs to replay
 * them there under a {@link StatementObserver}. Not API; see the package.
 */
public final class Replay {
    private final Engine engine;
    private final MigrationListener listener;

    Replay(Engine engine, MigrationListener listener) {
        this.engine = engine;
        this.listener = listener;
    }

    /** The revision graph of the migrations, for planning which revisions a range covers. */
    public RevisionGraph graph() {
        return engine.graph();
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
    public void upgrade(String target) {
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
    public void upgrade(String target, StatementObserver observer) {
        try {
            engine.upgrade(target, observer);
        } catch (MigrateException e) {
            listener.onFailure(e);
            throw e;
        }
    }
}
