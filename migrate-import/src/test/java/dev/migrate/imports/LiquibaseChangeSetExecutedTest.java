package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.imports.liquibase.LiquibaseChangelog;
import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.op.Precondition;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SqlOp;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code changeSetExecuted} naming a changeset of the changelog is decided at import: when a revision runs, the
 * revisions of the changesets before it are applied and those after it are not, on every database (see
 * LiquibaseBridge.executedBefore). Liquibase updating the same changelog from empty, and databases it left at three
 * points moving in, show the same. One naming a changeset of another changelog is the revision's guard, which looks for the
 * changeset's row in Liquibase's history table where the revision runs.
 */
@LongSuite
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

    /**
     * One naming a changeset of another changelog is the revision's guard, which looks for the changeset's row in
     * Liquibase's history table on the database the revision runs on, as Liquibase's ChangeSetExecutedPrecondition
     * does: where another changelog ran it the revision runs, where none did (or there is no history table) the
     * revision is marked ran (onFail=MARK_RAN). Liquibase updating the same databases decides the same. The
     * row is looked for once the chain has begun: a database whose history holds a changeset of another changelog
     * before any revision of the chain is applied does not move in (MoveIn refuses rows the chain lacks).
     */
    @Test
    void oneNamingAChangeSetOfAnotherChangelogIsTheRevisionsGuard(@TempDir Path work) throws SQLException {
        LiquibaseProject project = LiquibaseProject.of(RESOURCES, "elsewhere.xml");
        OldChain elsewhere = LiquibaseChangelog.read(liquibase, project);
        assertThat(elsewhere.refusals()).isEmpty();
        Precondition ran = new Precondition.LiquibaseChangeSetRan(
                QualifiedName.parse("databasechangelog"), "other.xml", "9", "erin");
        assertThat(elsewhere.migrations().get(0).guards()).isEmpty();
        assertThat(elsewhere.migrations().get(1).guards())
                .containsExactly(new SqlOp.Guard(
                        ran,
                        Precondition.OnFail.MARK_RAN,
                        "changeSetExecuted changeLogFile=other.xml id=9 author=erin"));

        String packageName = "db.imported.elsewhere";
        ClassLoader written = WrittenClasses.compile(
                new ImportedRevisions(packageName).of(elsewhere, null),
                List.of(),
                work,
                LiquibaseChangeSetExecutedTest.class.getClassLoader());
        // each database has the first changeset; then other.xml runs on some, and the second changeset on all
        for (boolean otherRan : List.of(false, true)) {
            String theirs = TestPostgres.createDatabase("elsewhere_liquibase_" + otherRan);
            String ours = TestPostgres.createDatabase("elsewhere_ours_" + otherRan);
            DataSource our = TestPostgres.dataSource(ours);
            Migrator migrator = Migrator.builder()
                    .dataSource(our)
                    .classLoader(written)
                    .packages(packageName)
                    .build();
            update(theirs, project, new LiquibaseUpdate.Stop.Count(1));
            migrator.upgrade("+1");
            if (otherRan) {
                update(theirs, LiquibaseProject.of(RESOURCES, "other.xml"), LiquibaseUpdate.Stop.all());
                update(ours, LiquibaseProject.of(RESOURCES, "other.xml"), LiquibaseUpdate.Stop.all());
            }
            update(theirs, project, LiquibaseUpdate.Stop.all());
            migrator.upgrade("heads");

            String made = "SELECT to_regclass('after_other') IS NOT NULL";
            assertThat(rows(TestPostgres.dataSource(theirs), made))
                    .as("Liquibase, where other.xml ran: %s", otherRan)
                    .containsExactly(otherRan ? "t" : "f");
            assertThat(rows(our, made)).as("where other.xml ran: %s", otherRan).containsExactly(otherRan ? "t" : "f");
            assertThat(rows(our, "SELECT count(*) FROM migrate_history WHERE message LIKE '%(marked ran: %'"))
                    .containsExactly(otherRan ? "0" : "1");
        }
    }

    private static void update(String database, LiquibaseProject project, LiquibaseUpdate.Stop stop) {
        LiquibaseUpdate.run(liquibase, TestPostgres.jdbcUrl(database), "postgres", null, project, stop);
    }

    /** The guard looks in the history table the project names, in its changelog schema. */
    @Test
    void theGuardLooksInTheHistoryTableTheProjectNames() {
        OldChain elsewhere = LiquibaseChangelog.read(
                liquibase,
                new LiquibaseProject(
                        List.of(RESOURCES),
                        "elsewhere.xml",
                        Map.of(),
                        null,
                        null,
                        "app",
                        "lb",
                        "lb_history",
                        "lb_lock"));
        assertThat(elsewhere.refusals()).isEmpty();
        assertThat(elsewhere.migrations().get(1).guards())
                .singleElement()
                .extracting(SqlOp.Guard::precondition)
                .isEqualTo(new Precondition.LiquibaseChangeSetRan(
                        new QualifiedName("lb", "lb_history"), "other.xml", "9", "erin"));
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
