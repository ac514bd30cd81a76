package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases that Traccar 3's changelog updated before Traccar's current one (see {@link TraccarChangelogTest}):
 * their {@code databasechangelog} holds {@code changelog-3.3}, a changeset of a changelog the chain was not
 * imported from ({@code src/test/resources/liquibase/traccar-3/}, a stand-in derived from Traccar's own, attributed
 * there). Liquibase's update reads past such rows (its {@code unexpected-changesets} lists them), and marks
 * Traccar 4's first two changesets ran, as their {@code not changeSetExecuted changelog-3.3} fails. The move-in does
 * the same: it names the rows, leaves them in {@code databasechangelog}, and the chain's guards of
 * {@code changeSetExecuted} read them there.
 */
@LongSuite
class TraccarFromTraccar3Test {
    private static final LiquibaseProject TRACCAR = LiquibaseProject.of(
            Path.of("src/test/resources/liquibase/traccar/schema").toAbsolutePath(), "changelog-master.xml");
    private static final LiquibaseProject TRACCAR_3 = LiquibaseProject.of(
            Path.of("src/test/resources/liquibase/traccar-3").toAbsolutePath(), "changelog-3.3.xml");
    private static final String UNEXPECTED = "Liquibase's history public.databasechangelog holds 2 rows of"
            + " changesets this chain does not have, left there as they are, as liquibase update leaves them"
            + " (liquibase unexpected-changesets lists them): changeset changelog-3.3 by author in changelog-3.3;"
            + " changeset changelog-3.3-common by author in changelog-3.3.";

    private static ToolLoader liquibase;
    private static ImportedLiquibaseChain traccar;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        traccar = ImportedLiquibaseChain.of(liquibase, TRACCAR, "db.imported.traccar3", work);
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    /**
     * Liquibase's own update ran Traccar 3's changelog, then the current one as far as 2 changesets (both marked
     * ran), 25 and all of them: each database moves in with one upgrade that names Traccar 3's rows and keeps them,
     * is upgraded, and ends as a fresh database.
     */
    @Test
    void databasesFromTraccar3MoveInAtThreePointsNamingTheRowsTheChainDoesNotHave() throws SQLException {
        DataSource fresh = traccar.freshUpgraded();
        for (int count : List.of(2, 25, 100)) {
            String database = traccar.createDatabase("traccar3_at_" + count);
            LiquibaseUpdate.run(
                    liquibase, TestPostgres.jdbcUrl(database), "postgres", null, TRACCAR_3, LiquibaseUpdate.Stop.all());
            traccar.updateWithLiquibase(database, new LiquibaseUpdate.Stop.Count(count));
            DataSource old = TestPostgres.dataSource(database);
            assertThat(rows(
                            old,
                            "SELECT id || ' ' || exectype FROM databasechangelog WHERE id LIKE 'changelog-4.0-clean%'"
                                    + " ORDER BY orderexecuted"))
                    .containsExactly("changelog-4.0-clean MARK_RAN", "changelog-4.0-clean-common MARK_RAN");
            List<String> before = rows(
                    old,
                    "SELECT filename || ' ' || id || ' ' || exectype FROM databasechangelog"
                            + " ORDER BY orderexecuted");
            List<String> warnings = new ArrayList<>();

            migrator(old, warnings).upgrade("heads");

            assertThat(warnings)
                    .as("after %d changesets", count)
                    .contains(UNEXPECTED + " A changeSetExecuted guard"
                            + " naming one of them still finds it there. If this database ran a changelog newer than the one"
                            + " imported, import again from it.");
            assertThat(rows(
                            old,
                            "SELECT filename || ' ' || id || ' ' || exectype FROM databasechangelog"
                                    + " ORDER BY orderexecuted"))
                    .as("Liquibase's history is read, never written")
                    .isEqualTo(before);
            assertThat(rows(old, "SELECT message FROM migrate_history WHERE revision LIKE '%4_0_clean%' ORDER BY id"))
                    .allSatisfy(m -> assertThat(m)
                            .startsWith("imported: marked ran by Liquibase without running it"
                                    + " (MARK_RAN) as changeset changelog-4.0-clean"))
                    .hasSize(2);
            assertThat(rows(
                            old,
                            "SELECT count(*) FROM migrate_history WHERE direction <> 'downgrade'"
                                    + " AND message NOT LIKE 'imported:%'"))
                    .containsExactly(String.valueOf(traccar.chainLength() - inTheChain(old)));
            assertThat(TestTools.differences(old, fresh, ImportedLiquibaseChain.OLD_TABLES))
                    .as("after %d changesets", count)
                    .isEmpty();
        }
    }

    /**
     * A database only Traccar 3's changelog updated: nothing of the chain to move in, so the upgrade names the rows
     * and runs the whole chain, whose first two revisions' guards find {@code changelog-3.3} in databasechangelog and
     * mark them ran, as Liquibase's update does there; the database ends as a fresh one.
     */
    @Test
    void aDatabaseOnlyTraccar3UpdatedIsUpgradedAndItsGuardsReadTheRowsLeftThere() throws SQLException {
        String database = traccar.createDatabase("traccar3_only");
        LiquibaseUpdate.run(
                liquibase, TestPostgres.jdbcUrl(database), "postgres", null, TRACCAR_3, LiquibaseUpdate.Stop.all());
        DataSource old = TestPostgres.dataSource(database);
        List<String> warnings = new ArrayList<>();

        migrator(old, warnings).upgrade("heads");

        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith(UNEXPECTED));
        assertThat(rows(old, "SELECT message FROM migrate_history WHERE revision LIKE '%4_0_clean%' ORDER BY id"))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m)
                        .contains(
                                "(marked ran: precondition failed: not(changeSetExecuted changeLogFile=changelog-3.3"));
        assertThat(rows(old, "SELECT count(*) FROM databasechangelog")).containsExactly("2");
        assertThat(TestTools.differences(old, traccar.freshUpgraded(), ImportedLiquibaseChain.OLD_TABLES))
                .isEmpty();
    }

    /** How many of the database's Liquibase rows are of changesets of the chain. */
    private static long inTheChain(DataSource database) throws SQLException {
        Set<String> keys = new HashSet<>();
        for (OldMigration m : traccar.chain().migrations()) {
            keys.add(m.key());
        }
        return rows(database, "SELECT filename || '::' || id || '::' || author FROM databasechangelog").stream()
                .filter(keys::contains)
                .count();
    }

    private static Migrator migrator(DataSource database, List<String> warnings) {
        return Migrator.builder()
                .dataSource(database)
                .classLoader(traccar.classes())
                .packages(traccar.packageName())
                .log(new MigrationLog() {
                    @Override
                    public void info(String line) {}

                    @Override
                    public void warn(String line) {
                        warnings.add(line);
                    }
                })
                .build();
    }
}
