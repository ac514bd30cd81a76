package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.imports.liquibase.LiquibaseChangelog;
import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.op.Precondition;
import dev.migrate.testing.LongSuite;
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
 * A precondition's {@code onError} kept in its guard: the cases of Liquibase's integration changelog
 * common.tests.changelog.xml (errorMarkRanPrecondition, errorWarnPrecondition, errorContinuePrecondition), imported,
 * proved against Liquibase replaying the same changelog from empty, and a database Liquibase updated moving in.
 */
@LongSuite
class LiquibaseOnErrorImportTest {
    private static final Path RESOURCES =
            Path.of("src/test/resources/liquibase/onerror").toAbsolutePath();
    private static final LiquibaseProject PROJECT = LiquibaseProject.of(RESOURCES, "onerror.xml");
    private static final String PACKAGE = "db.imported.onerror";
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
        classes = WrittenClasses.compile(revisions, List.of(), work, LiquibaseOnErrorImportTest.class.getClassLoader());
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    @Test
    void onErrorIsKeptInTheGuardAndWritten() {
        assertThat(chain.refusals()).isEmpty();
        assertThat(chain.migrations().get(1).guards()).singleElement().satisfies(guard -> {
            assertThat(guard.onFail()).isEqualTo(Precondition.OnFail.HALT);
            assertThat(guard.errorOutcome()).isEqualTo(Precondition.OnFail.MARK_RAN);
        });
        assertThat(chain.migrations().get(1).notes())
                .contains("Its precondition sqlCheck expectedResult=1 (onFail=HALT, onError=MARK_RAN) is its guard,"
                        + " evaluated on the database it runs on.");
        assertThat(revisions.get(1).file().toString())
                .containsIgnoringWhitespaces("Precondition.OnFail.HALT, Precondition.OnFail.MARK_RAN");
        assertThat(revisions.get(2).file().toString())
                .containsIgnoringWhitespaces("Precondition.OnFail.HALT, Precondition.OnFail.WARN");
        assertThat(revisions.get(3).file().toString())
                .containsIgnoringWhitespaces("Precondition.OnFail.MARK_RAN, Precondition.OnFail.WARN");
        // onError=CONTINUE is kept as Liquibase has it: no limitation to name, a note in the revision's Javadoc
        assertThat(chain.warnings()).isEmpty();
        assertThat(chain.migrations().get(4).notes())
                .contains("Where its precondition sqlCheck expectedResult=1 cannot be evaluated (onError=CONTINUE), it"
                        + " stays pending in its place, as Liquibase passes over the changeset: the revisions after it"
                        + " run, and every upgrade tries it again, as Liquibase's next update does.");
    }

    @Test
    void theProofReplaysBothSidesFromEmptyAndFindsNoDifference(@TempDir Path work) {
        List<String> differences = new ImportProof("public", OLD_TABLES)
                .prove(
                        TestTools.liquibase(liquibase, PROJECT),
                        TestPostgres.freshDatabase("onerror_proof_old"),
                        revisions,
                        PACKAGE,
                        List.of(),
                        work,
                        TestPostgres.freshDatabase("onerror_proof_ours"))
                .differences();
        assertThat(differences).isEmpty();
    }

    @Test
    void eachOutcomeAsLiquibaseHasItAndADatabaseLiquibaseUpdatedMovesIn() throws SQLException {
        DataSource fresh = TestPostgres.freshDatabase("onerror_fresh");
        migrator(fresh).upgrade("heads");
        assertThat(rows(fresh, "SELECT direction FROM migrate_history ORDER BY id"))
                .as("0, errorMarkRan, errorWarn, evaluates; errorContinue stays pending")
                .containsExactly("upgrade", "marked", "upgrade", "upgrade", "pending");
        assertThat(rows(
                        fresh,
                        "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relname IN"
                                + " ('error_markran_ran', 'error_warn_ran', 'error_continue_ran')"))
                .containsExactly("error_warn_ran");

        String database = TestPostgres.createDatabase("onerror_liquibase");
        LiquibaseUpdate.run(
                liquibase, TestPostgres.jdbcUrl(database), "postgres", null, PROJECT, LiquibaseUpdate.Stop.all());
        DataSource old = TestPostgres.dataSource(database);
        assertThat(rows(old, "SELECT id || ' ' || exectype FROM databasechangelog ORDER BY orderexecuted"))
                .containsExactly(
                        "0 EXECUTED",
                        "errorMarkRanPrecondition MARK_RAN",
                        "errorWarnPrecondition EXECUTED",
                        "evaluates EXECUTED");
        migrator(old).upgrade("heads");
        assertThat(TestTools.differences(old, fresh, OLD_TABLES)).isEmpty();
        // errorContinue, last, has no row: the upgrade after the move-in evaluates it and leaves it pending
        assertThat(rows(old, "SELECT direction FROM migrate_history ORDER BY id"))
                .containsExactly("imported", "marked", "imported", "imported", "pending");
    }

    private static Migrator migrator(DataSource database) {
        return Migrator.builder()
                .dataSource(database)
                .classLoader(classes)
                .packages(PACKAGE)
                .build();
    }
}
