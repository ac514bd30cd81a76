package dev.migrate.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.imports.flyway.FlywayMigrations;
import dev.migrate.imports.flyway.FlywayRun;
import dev.migrate.imports.flyway.FlywaySettings;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.lint.Lint;
import dev.migrate.lint.LintFinding;
import dev.migrate.lint.LintReport;
import dev.migrate.lint.LintRule;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Flyway project moving in: real Flyway builds databases left at three old versions, the import writes the
 * chain, and one migrate upgrade moves each in, ending equal to a fresh database built by migrate alone. Then
 * every refusal of the switch, each with its message.
 */
@LongSuite
class FlywayMoveInTest {
    private static final Path MIGRATIONS =
            Path.of("src/test/resources/moving-in/flyway/db/migration").toAbsolutePath();
    private static final String PACKAGE = "db.imported.flyway";

    private static ToolLoader flyway;
    private static OldChain chain;
    private static List<ImportedRevisions.Written> revisions;
    private static ClassLoader classes;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        flyway = TestTools.loader(OldTool.FLYWAY);
        chain = read(MIGRATIONS);
        revisions = new ImportedRevisions(PACKAGE).of(chain, null);
        classes = WrittenClasses.compile(revisions, List.of(), work, FlywayMoveInTest.class.getClassLoader());
    }

    @AfterAll
    static void close() {
        flyway.close();
    }

    private static OldChain read(Path location) {
        return FlywayMigrations.read(FlywaySettings.read(location, Map.of("locations", "filesystem:" + location)));
    }

    @Test
    void theChainIsOneRevisionPerVersionedMigrationThenTheRepeatableOnes() {
        assertThat(revisions)
                .extracting(ImportedRevisions.Written::id)
                .containsExactly("V1", "V2", "V3", "V4", "R_repeatable");
        assertThat(revisions.get(1).message()).isEqualTo("V2 add orders (Flyway V2__add_orders.sql)");
        String v4 = revisions.get(3).file().toString();
        assertThat(v4).contains("transactional = false").contains("from = \"flyway\",\n        key = \"4\"");
        // U2 is V2's downgrade; V1 has no undo, and says so where it would run
        assertThat(revisions.get(1).file().toString()).contains("op.execute(\"DROP TABLE orders\")");
        assertThat(revisions.get(0).file().toString()).contains("has no undo for V1__create_customers.sql");
    }

    @Test
    void databasesAtThreeOldVersionsEachMoveInWithOneUpgradeAndEndAsAFreshOne() throws SQLException {
        DataSource fresh = TestPostgres.freshDatabase("fresh");
        migrator(fresh).upgrade("heads");
        for (String version : List.of("2", "3", "4")) {
            String database = TestPostgres.createDatabase("flyway_at_" + version);
            FlywayRun.migrate(
                    flyway,
                    FlywayRun.of(TestPostgres.jdbcUrl(database), List.of(MIGRATIONS))
                            .withTarget(version));
            DataSource old = TestPostgres.dataSource(database);

            migrator(old).upgrade("heads");

            assertThat(TestTools.differences(old, fresh, List.of("flyway_schema_history")))
                    .as("database left at V%s", version)
                    .isEmpty();
            List<String> history = rows(old, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id");
            List<String> expected = new ArrayList<>();
            for (int v = 1; v <= Integer.parseInt(version); v++) {
                expected.add("V" + v + " imported");
            }
            if (version.equals("4")) {
                expected.add("R_repeatable imported"); // Flyway ran the view as it is now: nothing to run again
            } else {
                for (int v = Integer.parseInt(version) + 1; v <= 4; v++) {
                    expected.add("V" + v + " upgrade");
                }
                expected.add("R_repeatable upgrade");
            }
            assertThat(history).as("database left at V%s", version).isEqualTo(expected);
            // no comparison (check, drift, autogenerate on this database) takes Flyway's table for the project's
            try (Connection c = old.getConnection()) {
                assertThat(dev.migrate.catalog.drift.SchemaDrift.read(
                                        c, "public", dev.migrate.catalog.read.Exclusions.versionTables())
                                .tables()
                                .keySet())
                        .extracting(Object::toString)
                        .containsExactlyInAnyOrder("public.customers", "public.orders");
            }
            assertThat(rows(old, "SELECT count(*) FROM flyway_schema_history"))
                    .as("the old table is only read")
                    .containsExactly(version.equals("4") ? "5" : String.valueOf(Integer.parseInt(version) + 1));
        }
    }

    @Test
    void lintNamesEachRevisionWithoutDowngradeAndRoundTripsUpgradeThemOnly() {
        Migrator chain = migrator(TestPostgres.freshDatabase("round_trips"));
        List<String> stages = new ArrayList<>();
        MigratorTools.of(chain).roundTrip((revision, stage) -> stages.add(revision.id() + " " + stage));
        // V2 has its U file: it alone goes down and up again
        assertThat(stages)
                .contains("V2 DOWNGRADED", "V2 UPGRADED_AGAIN", "V1 UPGRADED", "V4 UPGRADED")
                .doesNotContain("V1 DOWNGRADED", "V3 DOWNGRADED", "V4 DOWNGRADED", "R_repeatable DOWNGRADED");

        LintReport report = Lint.builder(migrator(TestPostgres.freshDatabase("lint")))
                .database(TestPostgres.freshDatabase("lint_replay"))
                .build()
                .run("base:heads");
        assertThat(report.findings())
                .filteredOn(f -> f.rule() == LintRule.NO_DOWNGRADE)
                .extracting(LintFinding::revision)
                .containsExactly("V1", "V3", "V4", "R_repeatable");
    }

    @Test
    void theOldTableIsRetiredOnlyOnceTheDatabaseMovedInAfterADryRun() throws SQLException {
        DataSource database = TestPostgres.dataSource(flywayDatabase("3"));
        assertThatThrownBy(() -> MigratorTools.of(migrator(database)).retireOldHistory(true))
                .hasMessageContaining("This database has not moved in yet: Flyway's public.flyway_schema_history")
                .hasMessageContaining("Run upgrade on it first");
        migrator(database).upgrade("heads");

        assertThat(MigratorTools.of(migrator(database)).retireOldHistory(false))
                .containsExactly("DROP TABLE public.flyway_schema_history");
        assertThat(rows(database, "SELECT to_regclass('flyway_schema_history') IS NOT NULL"))
                .containsExactly("t");
        MigratorTools.of(migrator(database)).retireOldHistory(true);
        assertThat(rows(database, "SELECT to_regclass('flyway_schema_history') IS NULL"))
                .containsExactly("t");
        // the imported past stays in migrate's history, and a later upgrade has nothing to do
        assertThat(rows(database, "SELECT count(*) FROM migrate_history WHERE direction = 'imported'"))
                .containsExactly("3");
        assertThat(migrator(database).upgrade("heads").applied()).isEmpty();
    }

    /**
     * A fleet of tenant schemas, each migrated by Flyway (its history in the tenant's schema) to another version:
     * one fleet upgrade moves each in at its own version, and each ends at head.
     */
    @Test
    void aFleetOfTenantSchemasMovesInEachAtItsOwnVersion() throws SQLException {
        String database = TestPostgres.createDatabase("flyway_fleet");
        DataSource fleet = TestPostgres.dataSource(database);
        Map<String, String> versions = Map.of("tenant_a", "2", "tenant_b", "3", "tenant_c", "4");
        for (Map.Entry<String, String> tenant : versions.entrySet()) {
            execute(database, "CREATE SCHEMA " + tenant.getKey());
            FlywayRun.migrate(
                    flyway,
                    FlywayRun.of(TestPostgres.jdbcUrl(database), List.of(MIGRATIONS))
                            .withSchemas(List.of(tenant.getKey()))
                            .withTarget(tenant.getValue()));
        }

        dev.migrate.FleetResult result = dev.migrate.Fleet.builder(Migrator.builder()
                        .dataSource(fleet)
                        .classLoader(classes)
                        .packages(PACKAGE))
                .tenants("tenant_%")
                .build()
                .upgrade("heads");

        assertThat(result.succeeded()).isTrue();
        for (Map.Entry<String, String> tenant : versions.entrySet()) {
            String schema = tenant.getKey();
            assertThat(rows(fleet, "SELECT version_num FROM " + schema + ".migrate_version"))
                    .containsExactly("R_repeatable");
            assertThat(rows(fleet, "SELECT count(*) FROM " + schema + ".migrate_history WHERE direction = 'imported'"))
                    .as(schema)
                    .containsExactly(tenant.getValue().equals("4") ? "5" : tenant.getValue());
            assertThat(rows(
                            fleet,
                            "SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema
                                    + "' AND indexname = 'customers_email'"))
                    .containsExactly("1");
        }
    }

    /**
     * A database Flyway adopted with baseline at V2 (its tables made otherwise), then migrated: V1 and V2 never ran
     * on it, the BASELINE row stands for them, and it moves in as at head.
     */
    @Test
    void aBaselinedDatabaseMovesInWithWhatTheBaselineStandsFor() throws SQLException {
        String database = TestPostgres.createDatabase("flyway_baselined");
        DataSource built = TestPostgres.dataSource(database);
        // the schema V1 and V2 give, made by hand before Flyway came
        try (Connection c = built.getConnection();
                Statement s = c.createStatement()) {
            for (String statement : chain.migrations().get(0).upgrade()) {
                s.execute(statement);
            }
            for (String statement : chain.migrations().get(1).upgrade()) {
                s.execute(statement);
            }
        }
        FlywayRun baselined = FlywayRun.of(TestPostgres.jdbcUrl(database), List.of(MIGRATIONS))
                .withBaseline("2", true);
        FlywayRun.migrate(flyway, baselined);
        assertThat(rows(built, "SELECT type FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("BASELINE", "SQL", "SQL", "SQL");

        migrator(built).upgrade("heads");

        assertThat(rows(built, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                .containsExactly("V1 imported", "V2 imported", "V3 imported", "V4 imported", "R_repeatable imported");
        assertThat(rows(built, "SELECT message FROM migrate_history WHERE revision = 'V1'"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("at or below Flyway's baseline 2");
    }

    @Test
    void aMigrationEditedAfterItRanIsRefusedNamingTheRowAndTheFix(@TempDir Path edited)
            throws IOException, SQLException {
        String database = flywayDatabase("2");
        execute(database, "UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '2'");
        assertThatThrownBy(() -> migrator(TestPostgres.dataSource(database)).upgrade("heads"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("V2 (V2__add_orders.sql, installed_rank 2) was changed after Flyway applied it")
                .hasMessageContaining("holds the checksum 12345")
                .hasMessageContaining("Restore the file as it ran")
                .hasMessageContaining("Nothing was run");
        assertThat(rows(TestPostgres.dataSource(database), "SELECT to_regclass('migrate_version') IS NULL"))
                .containsExactly("t");
    }

    @Test
    void aFailedRowIsRefused() throws SQLException {
        String database = flywayDatabase("3");
        execute(database, "UPDATE flyway_schema_history SET success = false WHERE version = '3'");
        assertThatThrownBy(() -> migrator(TestPostgres.dataSource(database)).upgrade("heads"))
                .hasMessageContaining("Flyway recorded a failed migration in public.flyway_schema_history: V3")
                .hasMessageContaining("flyway repair");
    }

    @Test
    void aDatabaseAheadOfTheImportIsRefused(@TempDir Path later) throws IOException, SQLException {
        try (var files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Files.copy(file, later.resolve(file.getFileName()));
            }
        }
        Files.writeString(later.resolve("V5__phone.sql"), "ALTER TABLE customers ADD COLUMN phone text;\n");
        String database = TestPostgres.createDatabase("flyway_ahead");
        FlywayRun.migrate(flyway, FlywayRun.of(TestPostgres.jdbcUrl(database), List.of(later)));
        assertThatThrownBy(() -> migrator(TestPostgres.dataSource(database)).upgrade("heads"))
                .hasMessageContaining("Flyway applied V5 (V5__phone.sql, installed_rank")
                .hasMessageContaining("the database is ahead of the import")
                .hasMessageContaining("mvn migrate:import -Dmigrate.import.from=flyway");
    }

    /** Flyway's outOfOrder ran V3 after V4: every version is applied, so the order it ran in does not matter. */
    @Test
    void anOutOfOrderHistoryWithNoGapMovesIn() throws SQLException {
        String database = flywayDatabase("4");
        execute(database, "UPDATE flyway_schema_history SET installed_rank = installed_rank + 100 WHERE version = '3'");
        DataSource old = TestPostgres.dataSource(database);
        migrator(old).upgrade("heads");
        assertThat(rows(old, "SELECT count(*) FROM migrate_history WHERE direction = 'imported'"))
                .containsExactly("5");
    }

    @Test
    void anOutOfOrderGapIsRefused() throws SQLException {
        String database = flywayDatabase("4");
        // as if V3 had been added later and not yet run here with outOfOrder
        execute(database, "DELETE FROM flyway_schema_history WHERE version = '3'");
        assertThatThrownBy(() -> migrator(TestPostgres.dataSource(database)).upgrade("heads"))
                .hasMessageContaining("Flyway applied V4")
                .hasMessageContaining("but not V3 (revision V3)")
                .hasMessageContaining("flyway migrate -outOfOrder=true");
    }

    /**
     * The history is found in whichever schema of the search path holds it now: moved there after Flyway ran
     * ({@code ALTER TABLE ... SET SCHEMA}), with the server's own schema on the path too, which the search reads
     * otherwise than the others.
     */
    @Test
    void aHistoryMovedToAnotherSchemaOfTheSearchPathMovesInFromThere() throws SQLException {
        String database = flywayDatabase("3");
        execute(database, "CREATE SCHEMA legacy");
        execute(database, "ALTER TABLE flyway_schema_history SET SCHEMA legacy");
        execute(database, "ALTER DATABASE " + database + " SET search_path = public, pg_catalog, legacy");
        DataSource moved = TestPostgres.dataSource(database);

        migrator(moved).upgrade("heads");

        assertThat(rows(moved, "SELECT revision FROM public.migrate_history WHERE direction = 'imported' ORDER BY id"))
                .containsExactly("V1", "V2", "V3");
        assertThat(rows(moved, "SELECT version_num FROM public.migrate_version"))
                .containsExactly("R_repeatable");
    }

    @Test
    void bothToolsTablesInOneDatabaseAreRefused() throws SQLException {
        String database = flywayDatabase("2");
        execute(
                database,
                "CREATE TABLE databasechangelog (id text, author text, filename text, dateexecuted timestamp,"
                        + " orderexecuted int, exectype text, md5sum text)");
        assertThatThrownBy(() -> migrator(TestPostgres.dataSource(database)).upgrade("heads"))
                .hasMessageContaining("more than one migration tool")
                .hasMessageContaining("Flyway's public.flyway_schema_history")
                .hasMessageContaining("Liquibase's public.databasechangelog");
    }

    @Test
    void aChainWithNoImportedRevisionIsNotRunOverAFlywaySchema() throws SQLException {
        String database = flywayDatabase("2");
        Migrator empty = Migrator.builder()
                .dataSource(TestPostgres.dataSource(database))
                .migrations(NotImported.class)
                .build();
        assertThatThrownBy(() -> empty.upgrade("heads"))
                .hasMessageContaining("was migrated by Flyway (public.flyway_schema_history)")
                .hasMessageContaining("mvn migrate:import -Dmigrate.import.from=flyway");
    }

    @Test
    void theProofFindsADifferencePlantedInAnImportedRevision(@TempDir Path work) {
        List<ImportedRevisions.Written> planted = new ArrayList<>(revisions);
        OldChain edited = new OldChain(
                chain.tool(),
                chain.migrations().stream()
                        .map(m -> m.key().equals("2")
                                ? new OldMigration(
                                        m.tool(),
                                        m.key(),
                                        m.description(),
                                        m.source(),
                                        m.kind(),
                                        m.checksums(),
                                        m.upgrade().stream()
                                                .map(s -> s.replace("numeric(10, 2)", "numeric(12, 2)"))
                                                .toList(),
                                        m.downgrade(),
                                        m.transactional(),
                                        m.javaClass(),
                                        m.notes())
                                : m)
                        .toList(),
                chain.table(),
                chain.schema(),
                chain.baselineVersion(),
                chain.refusals(),
                chain.warnings());
        planted.set(1, new ImportedRevisions(PACKAGE).of(edited, null).get(1));
        ImportProof proof = new ImportProof("public", List.of("flyway_schema_history"));
        List<String> differences = proof.prove(
                        TestTools.flyway(flyway, List.of(MIGRATIONS)),
                        TestPostgres.freshDatabase("proof_old"),
                        planted,
                        PACKAGE,
                        List.of(),
                        work,
                        TestPostgres.freshDatabase("proof_ours"))
                .differences();
        assertThat(differences).anySatisfy(d -> assertThat(d).contains("orders").contains("total"));

        List<String> none = proof.prove(
                        TestTools.flyway(flyway, List.of(MIGRATIONS)),
                        TestPostgres.freshDatabase("proof_old"),
                        revisions,
                        PACKAGE,
                        List.of(),
                        work.resolve("clean"),
                        TestPostgres.freshDatabase("proof_ours"))
                .differences();
        assertThat(none).isEmpty();
    }

    /** A chain of its own, written for migrate: nothing in it came from Flyway. */
    @Revision(id = "first", message = "a chain written for migrate")
    public static class NotImported implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE customers (id bigint PRIMARY KEY)");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("customers");
        }
    }

    private static String flywayDatabase(String version) {
        String database = TestPostgres.createDatabase("flyway_at_" + version);
        FlywayRun.migrate(
                flyway,
                FlywayRun.of(TestPostgres.jdbcUrl(database), List.of(MIGRATIONS))
                        .withTarget(version));
        return database;
    }

    private static Migrator migrator(DataSource database) {
        return Migrator.builder()
                .dataSource(database)
                .classLoader(classes)
                .packages(PACKAGE)
                .build();
    }

    static List<String> rows(DataSource database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
