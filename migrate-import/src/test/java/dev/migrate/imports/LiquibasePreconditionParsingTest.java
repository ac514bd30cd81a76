package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.op.Precondition;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SqlOp;
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
 * Liquibase's own precondition parsing cases, ported ({@code src/test/resources/liquibase/parsing/parsing.xml},
 * from testCasesChangeLog.xml as XMLChangeLogSAXParser_RealFile_Test checks it, and the integration changelog
 * preconditions.changelog.xml): each block's {@code onFail}, {@code onError}, messages and {@code onSqlOutput} as the
 * import keeps them, the nested {@code or}/{@code and}/{@code not} of "complex preconditions" as one guard (a
 * {@code not} of two children holds where neither does, as NotPrecondition checks each), and the chain run beside
 * Liquibase's update on databases prepared so each guard decides, then moved in.
 */
@LongSuite
class LiquibasePreconditionParsingTest {
    private static final LiquibaseProject PROJECT =
            LiquibaseProject.of(Path.of("src/test/resources/liquibase/parsing").toAbsolutePath(), "parsing.xml");

    private static ToolLoader liquibase;
    private static ImportedLiquibaseChain chain;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        chain = ImportedLiquibaseChain.of(
                liquibase,
                PROJECT,
                "db.imported.parsing",
                work,
                List.of(
                        "CREATE TABLE precondition_check_1 (id int)",
                        "INSERT INTO precondition_check_1 VALUES (1)",
                        "CREATE TABLE precondition_check_2 (id int)",
                        "INSERT INTO precondition_check_2 VALUES (1)",
                        "CREATE TABLE precondition_check_3 (id int)",
                        "CREATE TABLE precondition_check_4 (id int)",
                        "CREATE TABLE test (id int CONSTRAINT test_pk PRIMARY KEY)",
                        "CREATE INDEX test_idx ON test (id)",
                        "INSERT INTO test VALUES (1), (2), (3)"));
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    /** XMLChangeLogSAXParser_RealFile_Test's "precondition attributes are parsed correctly", as the import keeps them. */
    @Test
    void eachBlocksOutcomesAndMessagesAreKept() {
        List<OldMigration> migrations = chain.chain().migrations();
        // 1: HALT on both, whatever its messages and onSqlOutput, is a note: every database that ran it passed it
        assertThat(migrations.get(0).guards()).isEmpty();
        assertThat(migrations.get(0).notes())
                .anySatisfy(n -> assertThat(n).contains("checked the precondition sqlCheck before it"));
        Precondition.SqlCheck check2 = new Precondition.SqlCheck("select count(*) from precondition_check_2", "1");
        assertThat(migrations.get(1).guards())
                .containsExactly(new SqlOp.Guard(
                        check2,
                        Precondition.OnFail.CONTINUE,
                        Precondition.OnFail.CONTINUE,
                        "sqlCheck expectedResult=1"));
        assertThat(migrations.get(2).guards())
                .singleElement()
                .satisfies(g -> assertThat(g.errorOutcome()).isEqualTo(Precondition.OnFail.MARK_RAN))
                .satisfies(g -> assertThat(g.onFail()).isEqualTo(Precondition.OnFail.MARK_RAN));
        assertThat(migrations.get(3).guards())
                .singleElement()
                .satisfies(g -> assertThat(g.errorOutcome()).isEqualTo(Precondition.OnFail.WARN))
                .satisfies(g -> assertThat(g.onFail()).isEqualTo(Precondition.OnFail.WARN));
        // onSqlOutput only bears on SQL written offline: named where it is not IGNORE, Liquibase's default (1 has
        // FAIL, but HALT on both keeps no guard)
        // 2 has onFail and onError CONTINUE: kept as Liquibase has it, said in its Javadoc (see
        // LiquibaseContinueImportTest)
        assertThat(migrations.get(1).notes())
                .anySatisfy(n -> assertThat(n)
                        .startsWith("Where its precondition sqlCheck expectedResult=1 does not hold (onFail=CONTINUE),"
                                + " it stays pending in its place"));
        assertThat(chain.chain().warnings())
                .singleElement()
                .isEqualTo("The changeset precondition attributes 3 by nvoxland in parsing.xml has"
                        + " onSqlOutput=TEST on its precondition, which only Liquibase's updateSQL reads (there it"
                        + " evaluates it against the database). The guard is evaluated on every database the revision runs"
                        + " on; migrate's offline SQL (-Dmigrate.sql) tests a HALT or WARN guard in the script and"
                        + " refuses a MARK_RAN or CONTINUE one, naming it.");
    }

    /**
     * "complex preconditions": or(and(not(dbms oracle, dbms mysql), tableExists person), not(sqlCheck, or(tableExists,
     * sequenceExists))), and(indexExists, primaryKeyExists). The {@code not} of two dbms holds on PostgreSQL and is
     * folded away; the {@code not} of two children is each one's {@code not}, both to hold.
     */
    @Test
    void complexPreconditionsAreOneGuardWithTheDbmsFoldedIn() {
        Precondition expected = new Precondition.And(List.of(
                new Precondition.Or(List.of(
                        new Precondition.TableExists(QualifiedName.parse("person")),
                        new Precondition.And(List.of(
                                new Precondition.Not(new Precondition.SqlCheck("select count(*) from test", "3")),
                                new Precondition.Not(new Precondition.Or(List.of(
                                        new Precondition.TableExists(QualifiedName.parse("test_table")),
                                        new Precondition.SequenceExists(QualifiedName.parse("test_seq"))))))))),
                new Precondition.And(List.of(
                        new Precondition.IndexExists(null, "test_idx", null, List.of()),
                        new Precondition.PrimaryKeyExists(null, null, "test_pk")))));
        assertThat(chain.chain().migrations().get(4).guards())
                .singleElement()
                .satisfies(g -> assertThat(g.precondition()).isEqualTo(expected));
        // preconditions.changelog.xml's preconditionsTest: HALT, a note
        assertThat(chain.chain().migrations().get(5).guards()).isEmpty();
    }

    /**
     * On a database where {@code test} has 3 rows (the complex guard fails: MARK_RAN), precondition_check_3 and _4 none
     * (MARK_RAN, WARN): Liquibase's update and the chain's upgrade decide each changeset alike, end with the same
     * schema, and Liquibase's database moves in.
     */
    @Test
    void theChainDecidesAsLiquibaseAndLiquibasesDatabaseMovesIn() throws SQLException {
        String theirs = chain.createDatabase("parsing_lb");
        chain.updateWithLiquibase(theirs, LiquibaseUpdate.Stop.all());
        DataSource old = TestPostgres.dataSource(theirs);
        assertThat(rows(old, "SELECT exectype FROM databasechangelog ORDER BY orderexecuted"))
                .containsExactly("EXECUTED", "EXECUTED", "MARK_RAN", "EXECUTED", "MARK_RAN", "EXECUTED");

        DataSource ours = chain.freshUpgraded();
        assertThat(rows(ours, "SELECT direction FROM migrate_history ORDER BY id"))
                .containsExactly("upgrade", "upgrade", "marked", "upgrade", "marked", "upgrade");
        assertThat(TestTools.differences(old, ours, ImportedLiquibaseChain.OLD_TABLES))
                .isEmpty();

        chain.movesInAndEndsAs(ours, theirs);
    }

    /** Where {@code test} has 2 rows and neither test_table nor test_seq exists, the complex guard holds on both. */
    @Test
    void whereTheNotOfTwoChildrenHoldsTheComplexChangeSetRunsOnBothSides() throws SQLException {
        String theirs = chain.createDatabase("parsing_two_lb");
        String ours = chain.createDatabase("parsing_two");
        for (String database : List.of(theirs, ours)) {
            try (Connection c = TestPostgres.dataSource(database).getConnection();
                    Statement s = c.createStatement()) {
                s.execute("DELETE FROM test WHERE id = 3");
            }
        }
        chain.updateWithLiquibase(theirs, LiquibaseUpdate.Stop.all());
        chain.migrator(TestPostgres.dataSource(ours)).upgrade("heads");
        assertThat(rows(TestPostgres.dataSource(theirs), "SELECT to_regclass('complex_ran') IS NOT NULL"))
                .containsExactly("t");
        assertThat(rows(TestPostgres.dataSource(ours), "SELECT to_regclass('complex_ran') IS NOT NULL"))
                .containsExactly("t");
    }
}
