package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.imports.liquibase.LiquibaseChangelog;
import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
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
 * Moving in keeps what Liquibase's EXECTYPE says: a database where Liquibase marked changesets ran without running
 * them ({@code MARK_RAN}, here the changesets whose {@code dbms} precondition fails on PostgreSQL, which the chain
 * leaves out) moves in at three points of its changelog, and the history says how each revision came to be
 * applied; the same for Flowable's changelog, whose changesets for MySQL and MariaDB only Liquibase never records
 * on PostgreSQL.
 */
@LongSuite
class LiquibaseExecTypeMoveInTest {
    private static ToolLoader liquibase;

    /** The changesets of dbms preconditions, MARK_RAN on PostgreSQL where they fail (see LiquibaseDbmsTest). */
    private static ImportedLiquibaseChain dbms;

    /**
     * Flowable's CMMN changelog (Apache License 2.0; a trimmed copy, attributed in the file), whose changesets 5
     * and 15 are for MySQL and MariaDB only.
     */
    private static ImportedLiquibaseChain flowable;

    @BeforeAll
    static void importTheChains(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        Path resources = Path.of("src/test/resources/liquibase").toAbsolutePath();
        dbms = ImportedLiquibaseChain.of(
                liquibase,
                LiquibaseProject.of(resources.resolve("dbms"), "changelog.xml"),
                "db.imported.dbms",
                work.resolve("dbms"));
        flowable = ImportedLiquibaseChain.of(
                liquibase,
                LiquibaseProject.of(resources.resolve("flowable-cmmn"), "flowable-cmmn-db-changelog.xml"),
                "db.imported.flowable",
                work.resolve("flowable"));
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    /**
     * Liquibase's update stops after 6, 14 and every changeset it runs or marks: each database moves in with one
     * upgrade, its MARK_RAN rows of changesets outside the chain passed over, and ends as a fresh one.
     */
    @Test
    void databasesWithMarkRanRowsMoveInAtThreePoints() throws SQLException {
        DataSource fresh = dbms.freshUpgraded();
        for (int count : List.of(6, 14, 100)) {
            String database = dbms.liquibaseDatabase(count);
            assertThat(Integer.parseInt(rows(
                                    TestPostgres.dataSource(database),
                                    "SELECT count(*) FROM databasechangelog WHERE exectype = 'MARK_RAN'")
                            .get(0)))
                    .as("after %d changesets", count)
                    .isPositive();
            dbms.movesInAndEndsAs(fresh, database);
        }
    }

    /** Flowable's changelog on databases Liquibase left after 2, 5 and all of its changesets. */
    @Test
    void flowablesDatabasesMoveInAtThreePoints() throws SQLException {
        assertThat(flowable.chainLength()).isEqualTo(8);
        assertThat(LiquibaseChangelog.read(liquibase, flowable.project()).warnings())
                .containsExactly(
                        "The changeset 5 by flowable in flowable-cmmn-db-changelog.xml is for other databases only"
                                + " (dbms=\"mysql\"): Liquibase never runs it on PostgreSQL, so it is not part of the"
                                + " chain.",
                        "The changeset 15 by flowable in flowable-cmmn-db-changelog.xml is for other databases only"
                                + " (dbms=\"mariadb\"): Liquibase never runs it on PostgreSQL, so it is not part of"
                                + " the chain.");
        DataSource fresh = flowable.freshUpgraded();
        for (int count : List.of(2, 5, 100)) {
            flowable.movesInAndEndsAs(fresh, flowable.liquibaseDatabase(count));
        }
    }

    /**
     * A changeset of the chain that Liquibase recorded as MARK_RAN, SKIPPED or RERAN is applied, and the history says
     * how.
     */
    @Test
    void aMarkRanChangeSetOfTheChainIsStampedAndTheHistorySaysSo() throws SQLException {
        String database = dbms.liquibaseDatabase(100);
        execute(database, "UPDATE databasechangelog SET exectype = 'MARK_RAN' WHERE id = 'warn'");
        execute(database, "UPDATE databasechangelog SET exectype = 'RERAN' WHERE id = 'attr-1'");
        // as Liquibase up to 4.31 recorded a changeset it passed over (its precondition's onFail CONTINUE, or every
        // change for other databases), which its ShouldRunChangeSetFilter never runs again
        execute(database, "UPDATE databasechangelog SET exectype = 'SKIPPED' WHERE id = 'pre-5'");
        DataSource old = TestPostgres.dataSource(database);

        dbms.migrator(old).upgrade("heads");

        assertThat(rows(old, "SELECT message FROM migrate_history WHERE revision LIKE '%warn%'"))
                .containsExactly(
                        "imported: marked ran by Liquibase without running it (MARK_RAN) as changeset warn by dbms in"
                                + " changelog.xml");
        assertThat(rows(old, "SELECT message FROM migrate_history WHERE revision LIKE '%attr_1'"))
                .containsExactly("imported: applied by Liquibase (RERAN) as changeset attr-1 by dbms in changelog.xml");
        assertThat(rows(old, "SELECT message FROM migrate_history WHERE revision LIKE '%not_oracle'"))
                .containsExactly("imported: applied by Liquibase as changeset not-oracle by dbms in changelog.xml");
        assertThat(rows(old, "SELECT count(*) FROM migrate_history WHERE direction = 'upgrade'"))
                .containsExactly("0");
        assertThat(rows(old, "SELECT direction FROM migrate_history WHERE revision LIKE '%warn%'"))
                .containsExactly("marked");
        assertThat(rows(old, "SELECT direction || ': ' || message FROM migrate_history WHERE revision LIKE '%pre_5'"))
                .containsExactly("marked: imported: marked ran by Liquibase without running it (SKIPPED) as changeset"
                        + " pre-5 by dbms in changelog.xml");
        // the history says which ran and which were only marked ran
        List<String> history = MigratorTools.of(dbms.migrator(old)).historyReport(null, false);
        assertThat(history)
                .filteredOn(line -> line.contains("-> L0013_warn,"))
                .singleElement()
                .asString()
                .contains("[marked ran ")
                .contains(" by postgres (Liquibase)");
        assertThat(history)
                .filteredOn(line -> line.contains("-> L0014_not_oracle,"))
                .singleElement()
                .asString()
                .contains("[applied ");

        // its downgrade does not run: Liquibase recorded it without running it, so what it would drop is not its
        List<String> moved = rows(old, "SELECT revision FROM migrate_history ORDER BY id");
        String warn = moved.stream().filter(r -> r.contains("warn")).findFirst().orElseThrow();
        dbms.migrator(old).downgrade(moved.get(moved.indexOf(warn) - 1));
        assertThat(rows(old, "SELECT to_regclass('warn_runs') IS NOT NULL")).containsExactly("t");
        assertThat(rows(old, "SELECT to_regclass('not_runs') IS NULL")).containsExactly("t");
        assertThat(rows(
                        old,
                        "SELECT message FROM migrate_history WHERE revision = '" + warn + "' AND direction ="
                                + " 'downgrade'"))
                .singleElement()
                .asString()
                .endsWith("(downgrade not run: the revision was marked ran)");
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
