package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.imports.liquibase.LiquibaseChangelog;
import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.op.Precondition;
import dev.migrate.op.SqlOp;
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
 * A precondition block's {@code onFailMessage} and {@code onErrorMessage} kept in the revision's guard and said
 * where Liquibase 4.33's {@code PreconditionContainer.check} says them: the first where the precondition fails
 * ({@code WARN} warns with it, {@code HALT} fails with it), the second where it cannot be evaluated; each run beside
 * Liquibase's own update of the same changelog, which stops with the same message.
 */
@LongSuite
class LiquibasePreconditionMessagesTest {
    private static final LiquibaseProject PROJECT =
            LiquibaseProject.of(Path.of("src/test/resources/liquibase/messages").toAbsolutePath(), "messages.xml");
    private static final String PACKAGE = "db.imported.messages";

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
                revisions, List.of(), work, LiquibasePreconditionMessagesTest.class.getClassLoader());
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    @Test
    void bothMessagesAreKeptInTheGuardsAndWritten() {
        assertThat(chain.refusals()).isEmpty();
        Precondition.SqlCheck badTable = new Precondition.SqlCheck("SELECT count(*) FROM badtable", "0");
        assertThat(chain.migrations().get(1).guards())
                .containsExactly(new SqlOp.Guard(
                        new Precondition.TableExists(dev.migrate.op.QualifiedName.parse("legacy_flags")),
                        Precondition.OnFail.WARN,
                        Precondition.OnFail.HALT,
                        "legacy_flags is missing: run the 2.x upgrade first",
                        "tableExists tableName=legacy_flags"));
        assertThat(chain.migrations().get(2).guards())
                .containsExactly(new SqlOp.Guard(
                        badTable,
                        Precondition.OnFail.MARK_RAN,
                        Precondition.OnFail.WARN,
                        "sqlCheck expectedResult=0",
                        "badtable cannot be counted here"));
        assertThat(chain.migrations().get(4).guards())
                .containsExactly(new SqlOp.Guard(
                        badTable,
                        Precondition.OnFail.MARK_RAN,
                        Precondition.OnFail.HALT,
                        "sqlCheck expectedResult=0",
                        "badtable must exist: restore it from 2.x"));
        assertThat(revisions.get(4).file().toString())
                .containsIgnoringWhitespaces("Precondition.OnFail.MARK_RAN, Precondition.OnFail.HALT,"
                        + " \"sqlCheck expectedResult=0\", \"badtable must exist: restore it from 2.x\")");
    }

    /**
     * On a fresh database: the onFailMessage is the warning of {@code fail-warn}; the onErrorMessage the warning of
     * {@code error-warn}; {@code error-halt} stops the run with its onErrorMessage, as Liquibase's update stops there.
     */
    @Test
    void onAFreshDatabaseTheWarningsAndTheHaltSayTheMessages() {
        String database = TestPostgres.createDatabase("messages_fresh");
        List<String> warnings = new ArrayList<>();

        assertThatThrownBy(() ->
                        migrator(TestPostgres.dataSource(database), warnings).upgrade("heads"))
                .hasMessageContaining("stops the run: its precondition \"badtable must exist: restore it from 2.x\""
                        + " could not be evaluated (onError HALT)");
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w)
                        .contains("runs although its precondition failed: legacy_flags is missing: run the 2.x"
                                + " upgrade first (onFail WARN)"))
                .anySatisfy(w -> assertThat(w)
                        .contains("runs although its precondition could not be evaluated: badtable cannot be counted"
                                + " here (")
                        .endsWith("(onError WARN)."))
                .anySatisfy(w -> assertThat(w)
                        .contains("runs although its precondition could not be evaluated: sqlCheck expectedResult=0"));

        String theirs = TestPostgres.createDatabase("messages_fresh_lb");
        assertThatThrownBy(() -> LiquibaseUpdate.run(
                        liquibase, TestPostgres.jdbcUrl(theirs), "postgres", null, PROJECT, LiquibaseUpdate.Stop.all()))
                .hasMessageContaining("badtable must exist: restore it from 2.x");
    }

    /** Where badtable has a row, {@code fail-halt} fails and stops the run with its onFailMessage, as Liquibase. */
    @Test
    void whereThePreconditionFailsTheHaltSaysTheOnFailMessage() throws SQLException {
        String database = TestPostgres.createDatabase("messages_badtable");
        String theirs = TestPostgres.createDatabase("messages_badtable_lb");
        for (String db : List.of(database, theirs)) {
            try (Connection c = TestPostgres.dataSource(db).getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE badtable (id int); INSERT INTO badtable VALUES (1)");
            }
        }
        DataSource ours = TestPostgres.dataSource(database);

        assertThatThrownBy(() -> migrator(ours, new ArrayList<>()).upgrade("heads"))
                .hasMessageContaining(
                        "stops the run: its precondition failed: badtable must be empty before 3.0" + " (onFail HALT)");
        assertThat(rows(ours, "SELECT direction FROM migrate_history ORDER BY id"))
                .as("create, fail-warn; error-warn marked ran")
                .containsExactly("upgrade", "upgrade", "marked");

        assertThatThrownBy(() -> LiquibaseUpdate.run(
                        liquibase, TestPostgres.jdbcUrl(theirs), "postgres", null, PROJECT, LiquibaseUpdate.Stop.all()))
                .hasMessageContaining("badtable must be empty before 3.0");
        assertThat(rows(
                        TestPostgres.dataSource(theirs),
                        "SELECT id || ' ' || exectype FROM databasechangelog ORDER BY orderexecuted"))
                .containsExactly("create EXECUTED", "fail-warn EXECUTED", "error-warn MARK_RAN");
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
}
