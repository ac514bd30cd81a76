package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.imports.liquibase.LiquibaseChangelog;
import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
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
 * Moving in keeps what Liquibase's EXECTYPE says: a database where Liquibase marked changesets ran without running
 * them ({@code MARK_RAN}, here the changesets whose {@code dbms} precondition fails on PostgreSQL, which the chain
 * leaves out) moves in at three points of its changelog, and the history says how each revision came to be
 * applied.
 */
class LiquibaseExecTypeMoveInTest {
    private static final LiquibaseProject PROJECT =
            LiquibaseProject.of(Path.of("src/test/resources/liquibase/dbms").toAbsolutePath(), "changelog.xml");
    private static final String PACKAGE = "db.imported.dbms";
    private static final List<String> OLD_TABLES = List.of("databasechangelog", "databasechangeloglock");

    private static ToolLoader liquibase;
    private static ClassLoader classes;
    private static int chainLength;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        OldChain chain = LiquibaseChangelog.read(liquibase, PROJECT);
        assertThat(chain.refusals()).isEmpty();
        List<ImportedRevisions.Written> revisions = new ImportedRevisions(PACKAGE).of(chain, null);
        chainLength = revisions.size();
        classes =
                WrittenClasses.compile(revisions, List.of(), work, LiquibaseExecTypeMoveInTest.class.getClassLoader());
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
        DataSource fresh = TestPostgres.freshDatabase("dbms_fresh");
        migrator(fresh).upgrade("heads");
        for (int count : List.of(6, 14, 100)) {
            String database = liquibaseDatabase(count);
            DataSource old = TestPostgres.dataSource(database);
            int markedRan =
                    Integer.parseInt(rows(old, "SELECT count(*) FROM databasechangelog WHERE exectype = 'MARK_RAN'")
                            .get(0));
            assertThat(markedRan).as("after %d changesets", count).isPositive();
            int executed =
                    Integer.parseInt(rows(old, "SELECT count(*) FROM databasechangelog WHERE exectype = 'EXECUTED'")
                            .get(0));

            migrator(old).upgrade("heads");

            assertThat(TestTools.differences(old, fresh, OLD_TABLES))
                    .as("database left after %d changesets", count)
                    .isEmpty();
            assertThat(rows(old, "SELECT count(*) FROM migrate_history WHERE direction = 'imported'"))
                    .containsExactly(String.valueOf(executed));
            assertThat(rows(old, "SELECT count(*) FROM migrate_history WHERE direction = 'upgrade'"))
                    .containsExactly(String.valueOf(chainLength - executed));
        }
    }

    /** A changeset of the chain that Liquibase recorded as MARK_RAN is applied, and the history says how. */
    @Test
    void aMarkRanChangeSetOfTheChainIsStampedAndTheHistorySaysSo() throws SQLException {
        String database = liquibaseDatabase(100);
        execute(database, "UPDATE databasechangelog SET exectype = 'MARK_RAN' WHERE id = 'warn'");
        execute(database, "UPDATE databasechangelog SET exectype = 'RERAN' WHERE id = 'attr-1'");
        DataSource old = TestPostgres.dataSource(database);

        migrator(old).upgrade("heads");

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
    }

    private static String liquibaseDatabase(int count) {
        String database = TestPostgres.createDatabase("dbms_at_" + count);
        LiquibaseUpdate.run(
                liquibase,
                TestPostgres.jdbcUrl(database),
                "postgres",
                null,
                PROJECT,
                new LiquibaseUpdate.Stop.Count(count));
        return database;
    }

    private static Migrator migrator(DataSource database) {
        return Migrator.builder()
                .dataSource(database)
                .classLoader(classes)
                .packages(PACKAGE)
                .build();
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
