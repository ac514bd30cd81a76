package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.imports.liquibase.LiquibaseChangelog;
import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code changeSetExecuted} naming a changeset of the changelog is decided at import: when a revision runs, the
 * revisions of the changesets before it are applied and those after it are not, on every database (see
 * LiquibaseBridge.executedBefore). Liquibase updating the same changelog from empty, and databases it left at three
 * points moving in, show the same. One naming a changeset of another changelog is refused with the way out.
 */
class LiquibaseChangeSetExecutedTest {
    private static final Path RESOURCES =
            Path.of("src/test/resources/liquibase/executed").toAbsolutePath();
    private static final LiquibaseProject PROJECT = LiquibaseProject.of(RESOURCES, "executed.xml");
    private static final String PACKAGE = "db.imported.executed";
    private static final List<String> OLD_TABLES = List.of("databasechangelog", "databasechangeloglock");

    private static ToolLoader liquibase;
    private static OldChain chain;
    private static List<ImportedRevisions.Written> revisions;
    private static ClassLoader classes;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        chain = LiquibaseChangelog.read(liquibase, PROJECT);
        revisions = new ImportedRevisions(PACKAGE).of(chain, null);
        classes = WrittenClasses.compile(
                revisions, List.of(), work, LiquibaseChangeSetExecutedTest.class.getClassLoader());
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    @Test
    void aChangeSetOfTheChangelogIsDecidedAtImport() {
        assertThat(chain.refusals()).isEmpty();
        assertThat(chain.migrations())
                .extracting(OldMigration::key)
                .containsExactly(
                        "executed.xml::changeLogParameters::nvoxland",
                        "executed.xml::changeSetRanPrecondition::nvoxland",
                        "executed.xml::ran-before::carol",
                        "executed.xml::later::carol",
                        "executed.xml::unless-oracle-ran::carol");
        assertThat(chain.migrations()).allSatisfy(m -> assertThat(m.guards()).isEmpty());
        assertThat(chain.warnings())
                .anySatisfy(w -> assertThat(w)
                        .startsWith("The changeset not-yet by carol in executed.xml has the precondition"
                                + " changeSetExecuted")
                        .contains("which fails on every PostgreSQL database: Liquibase marks it ran there"));
    }

    @Test
    void liquibaseDecidesTheSameAndItsDatabasesMoveIn() throws SQLException {
        DataSource fresh = TestPostgres.freshDatabase("executed_fresh");
        Migrator.builder()
                .dataSource(fresh)
                .classLoader(classes)
                .packages(PACKAGE)
                .build()
                .upgrade("heads");
        String all = liquibaseDatabase(-1);
        assertThat(rows(
                        TestPostgres.dataSource(all),
                        "SELECT id || ' ' || exectype FROM databasechangelog" + " ORDER BY orderexecuted"))
                .containsExactly(
                        "changeLogParameters EXECUTED",
                        "changeSetRanPrecondition EXECUTED",
                        "ran-before EXECUTED",
                        "not-yet MARK_RAN",
                        "later EXECUTED",
                        "unless-oracle-ran EXECUTED");
        assertThat(TestTools.differences(TestPostgres.dataSource(all), fresh, OLD_TABLES))
                .isEmpty();
        for (int count : List.of(2, 4, -1)) {
            DataSource old = TestPostgres.dataSource(count < 0 ? all : liquibaseDatabase(count));
            Migrator.builder()
                    .dataSource(old)
                    .classLoader(classes)
                    .packages(PACKAGE)
                    .build()
                    .upgrade("heads");
            assertThat(TestTools.differences(old, fresh, OLD_TABLES))
                    .as("after %d changesets", count)
                    .isEmpty();
        }
    }

    @Test
    void oneNamingAChangeSetOfAnotherChangelogIsRefused() {
        OldChain elsewhere = LiquibaseChangelog.read(liquibase, LiquibaseProject.of(RESOURCES, "elsewhere.xml"));
        assertThat(elsewhere.refusals())
                .containsExactly("The changeset 1 by dan in elsewhere.xml has the precondition changeSetExecuted"
                        + " changeLogFile=other.xml id=9 author=erin with onFail=MARK_RAN and onError=HALT, whose"
                        + " changeSetExecuted changeLogFile=other.xml id=9 author=erin names a changeset that is not in"
                        + " this changelog: Liquibase looks for its row in databasechangelog, where another changelog"
                        + " may have put it on some databases and not on others, so the import cannot decide it."
                        + " Include the changelog that holds that changeset in this one and import again; or run"
                        + " `liquibase update` on every database so that all are past this changeset, then remove the"
                        + " precondition and import again.");
    }

    private static String liquibaseDatabase(int count) {
        String database = TestPostgres.createDatabase("executed_at_" + (count < 0 ? "all" : count));
        LiquibaseUpdate.run(
                liquibase,
                TestPostgres.jdbcUrl(database),
                "postgres",
                null,
                PROJECT,
                count < 0 ? LiquibaseUpdate.Stop.all() : new LiquibaseUpdate.Stop.Count(count));
        return database;
    }
}
