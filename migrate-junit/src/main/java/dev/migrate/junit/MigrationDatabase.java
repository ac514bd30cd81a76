package dev.migrate.junit;

import dev.migrate.CurrentRevision;
import dev.migrate.Migrator;
import java.util.List;
import javax.sql.DataSource;

/**
 * A test's own database on the embedded PostgreSQL, with the project's migrations: move it to any
 * revision while the test runs. Given to a test parameter by {@link MigrateTo} or
 * {@link MigrationChainTests}; dropped when the test ends.
 */
public final class MigrationDatabase {
    private final String name;
    private final DataSource dataSource;
    private final Migrator migrator;
    private final EmbeddedServer server;

    MigrationDatabase(String name, DataSource dataSource, Migrator migrator, EmbeddedServer server) {
        this.name = name;
        this.dataSource = dataSource;
        this.migrator = migrator;
        this.server = server;
    }

    /** Applies migrations up to {@code target}: an id or unique prefix, {@code head}, {@code heads}, {@code +N}. */
    public void upgrade(String target) {
        migrator.upgrade(target);
    }

    /** Reverts migrations down to {@code target}: an id, {@code -N}, {@code base}. */
    public void downgrade(String target) {
        migrator.downgrade(target);
    }

    /** The ids of the revisions the database is at; empty at base. */
    public List<String> current() {
        return migrator.current().stream().map(CurrentRevision::id).toList();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The migrator over this database, for everything else the engine offers (history, stamp, offline SQL). */
    public Migrator migrator() {
        return migrator;
    }

    /** The embedded server the database is on. */
    EmbeddedServer server() {
        return server;
    }

    /** The database's name on the embedded server. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "database " + name + " on the embedded PostgreSQL";
    }
}
