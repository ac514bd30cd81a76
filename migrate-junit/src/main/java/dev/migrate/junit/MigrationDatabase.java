package dev.migrate.junit;

import dev.migrate.CurrentRevision;
import dev.migrate.Migrator;
import dev.migrate.autogen.drift.Drift;
import dev.migrate.autogen.drift.DriftRequest;
import dev.migrate.catalog.drift.DriftReport;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;

/**
 * A test's own database on the embedded PostgreSQL, with the project's migrations: move it to any
 * revision while the test runs. Given to a test parameter by {@link MigrateTo} or
 * {@link MigrationChainTests}; dropped when the test ends.
 */
public final class MigrationDatabase {
    private final String name;
    private final DataSource dataSource;
    private final Migrator migrator;
    private final TestServer server;
    private final ChainSettings settings;

    MigrationDatabase(
            String name, DataSource dataSource, Migrator migrator, TestServer server, ChainSettings settings) {
        this.name = name;
        this.dataSource = dataSource;
        this.migrator = migrator;
        this.server = server;
        this.settings = settings;
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

    /**
     * Fails unless the database still has the schema the migrations build up to the revision it is at,
     * compared as {@code mvn migrate:drift} compares a live database (tables, columns, indexes,
     * constraints, views, functions, triggers, policies, grants, comments, ...), each difference named:
     * code under test that changes the schema behind the migrations' back (a table made on the fly, a
     * grant, a function replaced) is caught where it runs. The chain's schema is replayed in a database
     * of its own on the same embedded server; the {@link MigrationChain} settings say which schema and
     * what is left out.
     *
     * <pre>{@code
     * database.upgrade("head");
     * new ReportJob(database.dataSource()).run();
     * database.assertNoDrift();
     * }</pre>
     */
    public void assertNoDrift() {
        DriftRequest request = new DriftRequest(
                migrator,
                settings.schema(),
                settings.exclude(),
                settings.versionTable(),
                settings.historyTable(),
                Optional.empty());
        DriftReport report =
                Drift.of(request, toString(), dataSource, new TestServerDatabases(this), ChainChecks.TestLog.INSTANCE);
        if (!report.inSync()) {
            Assertions.fail(report.summary()
                    + "\nChange the schema through a migration, or find what in the test changed it by hand.");
        }
    }

    /** The migrator over this database, for everything else the engine offers (history, stamp, offline SQL). */
    public Migrator migrator() {
        return migrator;
    }

    /** The embedded server the database is on. */
    TestServer server() {
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
