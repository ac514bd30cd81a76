package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real project's long-lived changelog with runtime preconditions: Traccar's (https://github.com/traccar/traccar,
 * Apache License 2.0, {@code schema/} at 9e5c458a, copied unchanged to
 * {@code src/test/resources/liquibase/traccar/schema/} with its licence). 35 changesets over ten years, each file with
 * its {@code logicalFilePath}, guarded by {@code not changeSetExecuted} (a database from Traccar 3), {@code not
 * indexExists}, {@code not columnExists}, {@code foreignKeyConstraintExists}, {@code not tableExists}, a {@code dbms}
 * precondition for SQL Server, and {@code sqlCheck}s that run TimescaleDB's conversion only where the extension is
 * available, all with {@code onFail="MARK_RAN"}. Imported with the configuration Traccar ships: its
 * {@code database.changelog} key defaults to {@code ./schema/changelog-master.xml}, which Traccar's DatabaseModule
 * opens with the changelog's folder as the only search root and updates with no contexts or labels.
 *
 * <p>The first two changesets run unless {@code changelog-3.3} ran, a changeset of Traccar 3's changelog that no
 * file of this one holds any more: that {@code changeSetExecuted} is their revisions' guard, which looks for its row
 * in Liquibase's history table where they run (a fresh database has none, so they run, as Liquibase runs them).
 */
@LongSuite
class TraccarChangelogTest {
    private static final LiquibaseProject TRACCAR = LiquibaseProject.of(
            Path.of("src/test/resources/liquibase/traccar/schema").toAbsolutePath(), "changelog-master.xml");

    private static ToolLoader liquibase;
    private static ImportedLiquibaseChain traccar;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        traccar = ImportedLiquibaseChain.of(liquibase, TRACCAR, "db.imported.traccar", work);
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    @Test
    void everyChangeSetForPostgreSqlIsImportedAndTheOthersAreNamed() {
        // 35 changesets: the two for SQL Server only are not part of the chain
        assertThat(traccar.chainLength()).isEqualTo(33);
        assertThat(traccar.chain().warnings())
                .anySatisfy(w -> assertThat(w).contains("changelog-4.1-mssql").contains("mssql"))
                .anySatisfy(w -> assertThat(w).contains("changelog-6.13.0-fk-linkeddeviceid-mssql"));
        assertThat(traccar.revisions())
                .filteredOn(r -> r.file().toString().contains("op.guard("))
                .hasSize(11);
        assertThat(traccar.revisions())
                .as("the first two changesets' guard asks whether Traccar 3's changelog-3.3 ran")
                .filteredOn(r -> r.file().toString().contains("LiquibaseChangeSetRan("))
                .hasSize(2);
    }

    @Test
    void theProofReplaysBothSidesFromEmptyAndFindsNoDifference(@TempDir Path work) {
        List<String> differences = new ImportProof("public", ImportedLiquibaseChain.OLD_TABLES)
                .prove(
                        TestTools.liquibase(liquibase, TRACCAR),
                        TestPostgres.freshDatabase("traccar_proof_old"),
                        traccar.revisions(),
                        traccar.packageName(),
                        List.of(),
                        work,
                        TestPostgres.freshDatabase("traccar_proof_ours"))
                .differences();
        assertThat(differences).isEmpty();
    }

    /**
     * Databases Liquibase left after the base schema (2), after the changeset for SQL Server it marked ran (3), after
     * the foreign keys of 6.3 (one marked ran: {@code fk_event_deviceid} is the name of Traccar 3's), and after
     * every changeset (the TimescaleDB conversions marked ran: the extension is not available): each moves in with
     * one upgrade and ends as a fresh database.
     */
    @Test
    void databasesLiquibaseLeftAtThreePointsMoveIn() throws SQLException {
        DataSource fresh = traccar.freshUpgraded();
        for (int count : List.of(2, 3, 25, 100)) {
            String database = traccar.liquibaseDatabase(count);
            List<String> markedRan = rows(
                    TestPostgres.dataSource(database),
                    "SELECT id FROM databasechangelog WHERE exectype = 'MARK_RAN' ORDER BY orderexecuted");
            if (count == 100) {
                assertThat(markedRan)
                        .containsExactly(
                                "changelog-4.1-mssql",
                                "changelog-6.3-old",
                                "changelog-6.8.0-timescale",
                                "changelog-6.11.0-timescale");
            } else if (count == 25) {
                assertThat(markedRan).containsExactly("changelog-4.1-mssql", "changelog-6.3-old");
            } else if (count == 3) {
                assertThat(markedRan).containsExactly("changelog-4.1-mssql");
            }
            traccar.movesInAndEndsAs(fresh, database);
        }
    }

    /**
     * A database where {@code tc_actions} was made before Traccar 6.7 came (as 6.7 makes it): Liquibase marks
     * {@code changelog-6.7.0} ran on it, and the database moves in with that MARK_RAN row and ends as a fresh one.
     */
    @Test
    void aDatabaseWhereLiquibaseMarkedTheTableItFoundRanMovesIn() throws SQLException {
        String database = preparedForTheActionsTable();
        traccar.updateWithLiquibase(database, LiquibaseUpdate.Stop.all());
        DataSource old = TestPostgres.dataSource(database);
        assertThat(rows(old, "SELECT exectype FROM databasechangelog WHERE id = 'changelog-6.7.0'"))
                .containsExactly("MARK_RAN");

        traccar.movesInAndEndsAs(traccar.freshUpgraded(), database);

        assertThat(rows(old, "SELECT message FROM migrate_history WHERE revision LIKE '%6_7_0%'"))
                .containsExactly("imported: marked ran by Liquibase without running it (MARK_RAN) as changeset"
                        + " changelog-6.7.0 by author in changelog-6.7.0");
    }

    /**
     * The chain's own upgrade decides each guard on the database it runs on: on a fresh database
     * {@code changelog-6.7.0} runs (its guard holds) and what Liquibase marks ran there is marked ran (the foreign
     * keys of Traccar 3's names, the TimescaleDB conversions); on a database
     * that has {@code tc_actions} already, {@code changelog-6.7.0} is marked ran too; the history says so.
     */
    @Test
    void aPlainUpgradeRunsWhereTheGuardHoldsAndMarksRanWhereItFails() throws SQLException {
        DataSource fresh = traccar.freshUpgraded();
        assertThat(rows(fresh, "SELECT message FROM migrate_history WHERE message LIKE '%(marked ran: %' ORDER BY id"))
                .containsExactly(
                        "changeset changelog-6.3-old by author (Liquibase changelog-6.3) (marked ran: precondition"
                                + " failed: foreignKeyConstraintExists foreignKeyName=fk_event_deviceid"
                                + " foreignKeyTableName=tc_events)",
                        "changeset changelog-6.8.0-timescale by author (Liquibase changelog-6.8.0) (marked ran:"
                                + " precondition failed: dbms type=postgresql, sqlCheck expectedResult=1)",
                        "changeset changelog-6.11.0-timescale by author (Liquibase changelog-6.11.0) (marked ran:"
                                + " precondition failed: dbms type=postgresql, sqlCheck expectedResult=1)");
        assertThat(rows(fresh, "SELECT message FROM migrate_history WHERE message LIKE 'changeset changelog-6.7.0 %'"))
                .singleElement()
                .asString()
                .doesNotContain("marked ran");

        DataSource withActions = TestPostgres.dataSource(preparedForTheActionsTable());
        traccar.migrator(withActions).upgrade("heads");
        assertThat(rows(
                        withActions,
                        "SELECT message FROM migrate_history WHERE message LIKE 'changeset changelog-6.7.0 %'"))
                .singleElement()
                .asString()
                .contains("(marked ran: precondition failed: ", "tc_actions");
        assertThat(TestTools.differences(withActions, fresh, ImportedLiquibaseChain.OLD_TABLES))
                .isEmpty();
    }

    /** A fresh database where {@code tc_actions} exists, made as {@code changelog-6.7.0} makes it. */
    private static String preparedForTheActionsTable() throws SQLException {
        String database = TestPostgres.createDatabase("traccar_with_actions");
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tc_actions (id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " actiontime TIMESTAMP NOT NULL, address VARCHAR(48), userid INTEGER,"
                    + " actiontype VARCHAR(32) NOT NULL, objecttype VARCHAR(32), objectid INTEGER,"
                    + " attributes VARCHAR(4000) NOT NULL)");
        }
        return database;
    }
}
