package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changelog-level preconditions (the root's, and an included file's) kept as guards on every revision, as
 * Liquibase 4.33 checks them: before every update, all of them (ValidatingVisitor.validate, with an included
 * file's nested into the root's by DatabaseChangeLog.include), where one that fails stops the update and runs
 * nothing for HALT, MARK_RAN and CONTINUE alike (PreconditionContainer.check throws for all but WARN), and one
 * whose onFail is WARN only warns. Each side is run on the same databases and compared.
 */
@LongSuite
class LiquibaseChangelogPreconditionTest {
    private static final Path RESOURCES =
            Path.of("src/test/resources/liquibase/changelog-level").toAbsolutePath();
    private static final LiquibaseProject PROJECT = LiquibaseProject.of(RESOURCES, "root.yaml");
    private static final String PACKAGE = "db.imported.changeloglevel";
    private static final List<String> OLD_TABLES = List.of("databasechangelog", "databasechangeloglock");

    private static ToolLoader liquibase;
    private static OldChain chain;
    private static ClassLoader classes;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        chain = LiquibaseChangelog.read(liquibase, PROJECT);
        List<ImportedRevisions.Written> revisions = new ImportedRevisions(PACKAGE).of(chain, null);
        classes = WrittenClasses.compile(
                revisions, List.of(), work, LiquibaseChangelogPreconditionTest.class.getClassLoader());
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    @Test
    void everyRevisionEvaluatesTheChangelogsPreconditionsFirst() {
        assertThat(chain.refusals()).isEmpty();
        assertThat(chain.migrations()).hasSize(2).allSatisfy(migration -> {
            assertThat(migration.guards()).hasSize(2);
            assertThat(migration.guards().get(0).onFail())
                    .as("MARK_RAN at the changelog level stops the update, as HALT")
                    .isEqualTo(Precondition.OnFail.HALT);
            assertThat(migration.guards().get(0).message()).isEqualTo("the legacy schema is still there");
            assertThat(migration.guards().get(1).onFail()).isEqualTo(Precondition.OnFail.WARN);
            assertThat(migration.notes())
                    .anySatisfy(note -> assertThat(note)
                            .startsWith("The changelog's precondition not(tableExists tableName=legacy)"
                                    + " (onFail=MARK_RAN, onError=HALT) is its guard: Liquibase checks it before every"
                                    + " update and stops the update where it fails (MARK_RAN and CONTINUE as HALT)."));
        });
    }

    @Test
    void whereTheRootsPreconditionFailsNeitherSideRunsAnything() throws SQLException {
        String liquibaseSide = TestPostgres.createDatabase("changelog_level_lb");
        execute(TestPostgres.dataSource(liquibaseSide), "CREATE TABLE legacy (id int)");
        assertThatThrownBy(() -> LiquibaseUpdate.run(
                        liquibase,
                        TestPostgres.jdbcUrl(liquibaseSide),
                        "postgres",
                        null,
                        PROJECT,
                        LiquibaseUpdate.Stop.all()))
                .isInstanceOf(MigrateException.class);
        assertThat(rows(TestPostgres.dataSource(liquibaseSide), "SELECT to_regclass('account') IS NULL"))
                .containsExactly("t");

        DataSource ours = TestPostgres.freshDatabase("changelog_level_ours");
        execute(ours, "CREATE TABLE legacy (id int)");
        assertThatThrownBy(() -> migrator(ours, new ArrayList<>()).upgrade("heads"))
                .isInstanceOf(MigrateException.class)
                .hasStackTraceContaining("its precondition failed: the legacy schema is still there (onFail HALT)");
        assertThat(rows(ours, "SELECT to_regclass('account') IS NULL")).containsExactly("t");
    }

    @Test
    void whereOnlyTheIncludedWarnPreconditionFailsBothSidesWarnAndRunEverything() throws SQLException {
        String liquibaseSide = TestPostgres.createDatabase("changelog_level_warn_lb");
        DataSource old = TestPostgres.dataSource(liquibaseSide);
        execute(old, "CREATE TABLE legacy_audit (id int)");
        LiquibaseUpdate.run(
                liquibase, TestPostgres.jdbcUrl(liquibaseSide), "postgres", null, PROJECT, LiquibaseUpdate.Stop.all());

        DataSource ours = TestPostgres.freshDatabase("changelog_level_warn_ours");
        execute(ours, "CREATE TABLE legacy_audit (id int)");
        List<String> warnings = new ArrayList<>();
        migrator(ours, warnings).upgrade("heads");
        assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w).contains("(onFail WARN)"));
        assertThat(TestTools.differences(old, ours, OLD_TABLES)).isEmpty();
        assertThat(rows(ours, "SELECT count(*) FROM migrate_version")).containsExactly("1");
    }

    private static Migrator migrator(DataSource database, List<String> warnings) {
        return Migrator.builder()
                .dataSource(database)
                .classLoader(classes)
                .packages(PACKAGE)
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

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
