package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.autogen.catalog.CatalogReader;
import dev.migrate.autogen.catalog.Exclusions;
import dev.migrate.autogen.diff.RenameDecider;
import dev.migrate.autogen.diff.SchemaDiff;
import dev.migrate.autogen.schema.DatabaseSchema;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.RevisionInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The round-trip test of a migration chain, on a database that holds nothing else: for every
 * revision, upgrade, downgrade and upgrade again must give the schema before and after it exactly,
 * and a downgrade to base must leave nothing but the version tables.
 */
public final class ChainVerifier {
    private final Migrator migrator;
    private final DataSource database;
    private final String schema;
    private final Exclusions exclusions;
    private final MigrationLog log;

    public ChainVerifier(Migrator migrator, DataSource database, String schema, List<String> exclude, MigrationLog log) {
        this.migrator = migrator;
        this.database = database;
        this.schema = schema;
        this.exclusions = Exclusions.versionTables().and(exclude);
        this.log = log;
    }

    /** Runs the round trips; fails with a {@link MigrateException} naming the revision and what differs. */
    public void verify() {
        RevisionGraph graph = migrator.graph();
        if (graph.heads().size() > 1) {
            throw new MigrateException("verify needs a single head, but the revision graph has " + graph.heads().size()
                    + " heads " + graph.heads() + ". Join them with mvn migrate:merge.");
        }
        DatabaseSchema base = snapshot();
        for (RevisionInfo revision : graph.all()) {
            long start = System.nanoTime();
            DatabaseSchema before = snapshot();
            migrator.apply(current -> graph.planUpgrade(current, revision.id()));
            DatabaseSchema after = snapshot();
            migrator.apply(current -> List.of(graph.planRevert(current, revision.id())));
            expectSame(before, "The downgrade of revision " + revision.id() + " (" + revision.source()
                    + ") does not restore the schema it started from");
            migrator.apply(current -> graph.planUpgrade(current, revision.id()));
            expectSame(after, "Upgrading revision " + revision.id() + " (" + revision.source()
                    + ") again after its downgrade gives another schema than the first time");
            log.info("Verified " + revision.id() + ": upgrade, downgrade, upgrade (" + (System.nanoTime() - start) / 1_000_000
                    + " ms)");
        }
        migrator.downgrade("base");
        expectSame(base, "Downgrading to base does not leave the database as empty as it started");
        log.info("Verified downgrade to base: nothing left but the version tables.");
    }

    private void expectSame(DatabaseSchema expected, String problem) {
        DatabaseSchema actual = snapshot();
        if (actual.equals(expected)) {
            return;
        }
        List<String> differences = SchemaDiff.compare(expected, actual, new SchemaDiff.Options(schema, Map.of(),
                RenameDecider.never())).descriptions();
        throw new MigrateException(problem + ". Compared with the expected schema, the database has:\n  - "
                + (differences.isEmpty() ? "differences in details the comparison does not name (see the catalogs)"
                        : String.join("\n  - ", differences.stream().map(ChainVerifier::asDatabaseState).toList()))
                + "\nFix the migration's upgrade or downgrade so each undoes the other exactly.");
    }

    /** The diff reads as what turns the expected schema into the database's: what it added is extra, what it removed is missing. */
    private static String asDatabaseState(String change) {
        return change.replaceFirst("^added ", "extra ").replaceFirst("^removed ", "missing ");
    }

    private DatabaseSchema snapshot() {
        try (Connection c = database.getConnection()) {
            return new CatalogReader().read(c, List.of(schema), exclusions);
        } catch (SQLException e) {
            throw new MigrateException("Could not read the schema of the verification database: " + e.getMessage(), e);
        }
    }
}
