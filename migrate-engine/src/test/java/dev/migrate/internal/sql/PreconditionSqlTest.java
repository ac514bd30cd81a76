package dev.migrate.internal.sql;

import static dev.migrate.testing.TestPostgres.execute;
import static dev.migrate.testing.TestPostgres.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.op.Precondition;
import dev.migrate.op.Precondition.And;
import dev.migrate.op.Precondition.ColumnExists;
import dev.migrate.op.Precondition.ForeignKeyExists;
import dev.migrate.op.Precondition.IndexExists;
import dev.migrate.op.Precondition.LiquibaseChangeSetRan;
import dev.migrate.op.Precondition.Not;
import dev.migrate.op.Precondition.Or;
import dev.migrate.op.Precondition.PrimaryKeyExists;
import dev.migrate.op.Precondition.RowCount;
import dev.migrate.op.Precondition.SequenceExists;
import dev.migrate.op.Precondition.SqlCheck;
import dev.migrate.op.Precondition.TableExists;
import dev.migrate.op.Precondition.TableIsEmpty;
import dev.migrate.op.Precondition.ViewExists;
import dev.migrate.op.QualifiedName;
import dev.migrate.testing.TestPostgres;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each precondition kind, as the SQL a guard evaluates, on PostgreSQL: true where the object is, false where
 * it is not, in a named schema and in the current one (the first of the search path, where Liquibase looks).
 */
class PreconditionSqlTest {
    private static DataSource db;

    @BeforeAll
    static void objects() throws SQLException {
        db = TestPostgres.freshDatabase("preconditions");
        execute(
                db,
                "CREATE SCHEMA app",
                "CREATE TABLE person (id int CONSTRAINT testpk PRIMARY KEY, email text, name text)",
                "CREATE TABLE app.orders (id int PRIMARY KEY, person_id int CONSTRAINT orders_person_fk REFERENCES"
                        + " person (id))",
                "CREATE INDEX person_email_name_idx ON person (email, name)",
                "CREATE VIEW people AS SELECT id FROM person",
                "CREATE MATERIALIZED VIEW app.totals AS SELECT count(*) AS n FROM app.orders",
                "CREATE SEQUENCE person_seq",
                "INSERT INTO person VALUES (1, 'a@b', 'a'), (2, 'c@d', 'c')");
    }

    private static boolean holds(Precondition p) throws SQLException {
        List<String> rows = query(db, "SELECT " + PreconditionSql.of(p));
        return rows.equals(List.of("t"));
    }

    private static QualifiedName name(String text) {
        return QualifiedName.parse(text);
    }

    @Test
    void tablesViewsAndSequencesAreFoundInTheirSchemaOrTheCurrentOne() throws SQLException {
        assertThat(holds(new TableExists(name("person")))).isTrue();
        assertThat(holds(new TableExists(name("app.orders")))).isTrue();
        assertThat(holds(new TableExists(name("orders"))))
                .as("not in the current schema")
                .isFalse();
        assertThat(holds(new TableExists(name("people"))))
                .as("a view is not a table")
                .isFalse();
        assertThat(holds(new TableExists(name("Person"))))
                .as("names compare as the catalog has them")
                .isFalse();
        assertThat(holds(new ViewExists(name("people")))).isTrue();
        assertThat(holds(new ViewExists(name("app.totals"))))
                .as("a materialized view")
                .isTrue();
        assertThat(holds(new ViewExists(name("person")))).isFalse();
        assertThat(holds(new SequenceExists(name("person_seq")))).isTrue();
        assertThat(holds(new SequenceExists(name("app.person_seq")))).isFalse();
    }

    @Test
    void columnsIndexesAndKeys() throws SQLException {
        assertThat(holds(new ColumnExists(name("person"), "email"))).isTrue();
        assertThat(holds(new ColumnExists(name("person"), "phone"))).isFalse();
        assertThat(holds(new ColumnExists(name("app.orders"), "person_id"))).isTrue();
        assertThat(holds(new IndexExists(null, "person_email_name_idx", null, List.of())))
                .isTrue();
        assertThat(holds(new IndexExists(null, null, "person", List.of("email", "name"))))
                .isTrue();
        assertThat(holds(new IndexExists(null, null, "person", List.of("name", "email"))))
                .as("key columns in their order")
                .isFalse();
        assertThat(holds(new IndexExists("app", "person_email_name_idx", null, List.of())))
                .isFalse();
        assertThat(holds(new PrimaryKeyExists(null, "person", null))).isTrue();
        assertThat(holds(new PrimaryKeyExists("app", "orders", null))).isTrue();
        assertThat(holds(new PrimaryKeyExists(null, null, "nopk"))).isFalse();
        assertThat(holds(new ForeignKeyExists("app", "orders", "orders_person_fk")))
                .isTrue();
        assertThat(holds(new ForeignKeyExists("app", null, "orders_person_fk"))).isTrue();
        assertThat(holds(new ForeignKeyExists(null, null, "orders_person_fk")))
                .as("the foreign key's table is in app")
                .isFalse();
    }

    // Liquibase's integration changelog common/preconditions/preconditions.changelog.xml, ported: not
    // primaryKeyExists primaryKeyName=testPK guards the creation of the table that names its key so (PostgreSQL
    // folds the unquoted name to testpk).
    @Test
    void notPrimaryKeyExistsByNameAsLiquibasesPreconditionsChangelog() throws SQLException {
        assertThat(holds(new Not(new PrimaryKeyExists(null, null, "testpk")))).isFalse();
        assertThat(holds(new Not(new PrimaryKeyExists(null, null, "otherpk")))).isTrue();
    }

    // Liquibase's SqlPreconditionTest ("load works with nested sql": select count(*) from test, expected 5)
    // and SqlPrecondition.check in 4.33: the one value's text, as the driver's getString gives it, is compared
    // with the expected result; a null value fails; no row or more than one is an error (requiredSingleResult).
    @Test
    void sqlCheckComparesTheValuesTextAsTheDriverGivesIt() throws SQLException {
        assertThat(holds(new SqlCheck("SELECT count(*) FROM person", "2"))).isTrue();
        assertThat(holds(new SqlCheck("select count(*) from person;", "5"))).isFalse();
        assertThat(holds(new SqlCheck("SELECT email FROM person WHERE id = 1", "a@b")))
                .isTrue();
        assertThat(holds(new SqlCheck("SELECT true", "t")))
                .as("PostgreSQL's text of a boolean")
                .isTrue();
        assertThat(holds(new SqlCheck("SELECT true", "true"))).isFalse();
        assertThat(holds(new SqlCheck("SELECT 'ab'::char(4)", "ab  ")))
                .as("a char(n) padded")
                .isTrue();
        assertThat(holds(new SqlCheck("SELECT 1.50::numeric(5, 2)", "1.50"))).isTrue();
        assertThat(holds(new SqlCheck("SELECT NULL::text", "null")))
                .as("a null value fails")
                .isFalse();
        assertThat(holds(new SqlCheck("SELECT NULL::text", ""))).isFalse();
        assertThatThrownBy(() -> holds(new SqlCheck("SELECT email FROM person WHERE id = 3", "null")))
                .as("no row is an error")
                .hasMessageContaining("sqlCheck expects its query to return one row, not 0")
                .satisfies(e -> assertThat(PreconditionSql.explained(e.getMessage()))
                        .as("said without the cast's type error around it")
                        .isEqualTo("sqlCheck expects its query to return one row, not 0"));
        assertThat(PreconditionSql.explained("ERROR: relation \"badtable\" does not exist"))
                .isEqualTo("ERROR: relation \"badtable\" does not exist");
        assertThatThrownBy(() -> holds(new SqlCheck("SELECT id FROM person", "1")))
                .as("two rows are an error")
                .hasMessageContaining("sqlCheck expects its query to return one row, not 2");
    }

    @Test
    void rowsAndCombinations() throws SQLException {
        assertThat(holds(new RowCount(name("person"), 2))).isTrue();
        assertThat(holds(new RowCount(name("person"), 0))).isFalse();
        assertThat(holds(new TableIsEmpty(name("app.orders")))).isTrue();
        assertThat(holds(new TableIsEmpty(name("person")))).isFalse();
        TableExists yes = new TableExists(name("person"));
        TableExists no = new TableExists(name("nobody"));
        assertThat(holds(new And(List.of(yes, yes)))).isTrue();
        assertThat(holds(new And(List.of(yes, no)))).isFalse();
        assertThat(holds(new Or(List.of(no, yes)))).isTrue();
        assertThat(holds(new Or(List.of(no, no)))).isFalse();
        assertThat(holds(new Not(no))).isTrue();
        assertThat(holds(new Not(new And(List.of(yes, no))))).isTrue();
    }

    /** Liquibase's history table as Liquibase 4 creates it on PostgreSQL. */
    private static String historyTable(String name) {
        return "CREATE TABLE " + name + " (id VARCHAR(255) NOT NULL, author VARCHAR(255) NOT NULL, filename"
                + " VARCHAR(255) NOT NULL, dateexecuted TIMESTAMP NOT NULL, orderexecuted INTEGER NOT NULL, exectype"
                + " VARCHAR(10) NOT NULL, md5sum VARCHAR(35), description VARCHAR(255), comments VARCHAR(255), tag"
                + " VARCHAR(255), liquibase VARCHAR(20), contexts VARCHAR(255), labels VARCHAR(255), deployment_id"
                + " VARCHAR(10))";
    }

    private static String row(String table, String id, String file, int order, String execType) {
        return "INSERT INTO " + table + " (id, author, filename, dateexecuted, orderexecuted, exectype) VALUES ('"
                + id + "', 'author', '" + file + "', TIMESTAMP '2017-01-01 00:00:00' + " + order + " * INTERVAL '1"
                + " minute', " + order + ", '" + execType + "')";
    }

    // Liquibase's ChangeSetExecutedPrecondition.check: the changeset ran when getRanChangeSet finds its row
    // (RanChangeSet.isSameAs: id and author ignoring case, the paths normalized by DatabaseChangeLog.normalizePath,
    // ignoring case) and that row's ExecType is one that ran (EXECUTED, RERAN, MARK_RAN; not FAILED or SKIPPED).
    @Test
    void aLiquibaseChangeSetRanWhereTheHistoryTableHoldsItsRow() throws SQLException {
        execute(
                db,
                "CREATE SCHEMA lb",
                historyTable("lb.databasechangelog"),
                row("lb.databasechangelog", "changelog-3.3", "changelog-3.3", 1, "EXECUTED"),
                row("lb.databasechangelog", "marked", "classpath:/db/./changelog.xml", 2, "MARK_RAN"),
                row("lb.databasechangelog", "reran", "C:\\work\\db\\changelog.xml", 3, "RERAN"),
                row("lb.databasechangelog", "failed", "db/changelog.xml", 4, "FAILED"),
                row("lb.databasechangelog", "skipped", "db/changelog.xml", 5, "SKIPPED"),
                // the first row Liquibase reads for a changeset decides, in the order it reads them
                row("lb.databasechangelog", "twice", "db/changelog.xml", 6, "FAILED"),
                row("lb.databasechangelog", "twice", "db/changelog.xml", 7, "EXECUTED"));
        QualifiedName history = name("lb.databasechangelog");

        assertThat(holds(new LiquibaseChangeSetRan(history, "changelog-3.3", "changelog-3.3", "author")))
                .isTrue();
        assertThat(holds(new LiquibaseChangeSetRan(history, "CHANGELOG-3.3", "Changelog-3.3", "AUTHOR")))
                .as("id, author and file compare ignoring case")
                .isTrue();
        assertThat(holds(new LiquibaseChangeSetRan(history, "changelog-3.3", "changelog-3.3", "someone")))
                .as("another author")
                .isFalse();
        assertThat(holds(new LiquibaseChangeSetRan(history, "changelog-3.2", "changelog-3.3", "author")))
                .as("another file")
                .isFalse();
        assertThat(holds(new LiquibaseChangeSetRan(history, "changelog-3.3", "changelog-3.4", "author")))
                .as("no row")
                .isFalse();
        assertThat(holds(new LiquibaseChangeSetRan(history, "db/changelog.xml", "marked", "author")))
                .as("marked ran, the stored path normalized")
                .isTrue();
        assertThat(holds(new LiquibaseChangeSetRan(history, "/work//db/changelog.xml/", "reran", "author")))
                .as("run again, both paths normalized (a drive letter and backslashes in the stored one)")
                .isTrue();
        assertThat(holds(new LiquibaseChangeSetRan(history, "db/changelog.xml", "failed", "author")))
                .isFalse();
        assertThat(holds(new LiquibaseChangeSetRan(history, "db/changelog.xml", "skipped", "author")))
                .isFalse();
        assertThat(holds(new LiquibaseChangeSetRan(history, "db/changelog.xml", "twice", "author")))
                .as("its first row failed")
                .isFalse();
        assertThat(holds(new Not(new LiquibaseChangeSetRan(history, "changelog-3.3", "changelog-3.3", "author"))))
                .isFalse();
    }

    @Test
    void aLiquibaseChangeSetDidNotRunWhereThereIsNoHistoryTable() throws SQLException {
        LiquibaseChangeSetRan elsewhere = new LiquibaseChangeSetRan(
                name("nowhere.databasechangelog"), "changelog-3.3", "changelog-3.3", "author");
        LiquibaseChangeSetRan current =
                new LiquibaseChangeSetRan(name("liquibase_history"), "changelog-3.3", "changelog-3.3", "author");
        assertThat(holds(elsewhere)).isFalse();
        assertThat(holds(new Not(elsewhere))).isTrue();
        assertThat(holds(current)).as("no such table in the current schema").isFalse();
        // an offline script tests the expression in a DO block, parsed without the table too
        execute(db, "DO $$ BEGIN IF " + PreconditionSql.of(current) + " THEN RAISE EXCEPTION 'ran'; END IF; END $$");

        execute(
                db,
                historyTable("liquibase_history"),
                row("liquibase_history", "changelog-3.3", "changelog-3.3", 1, "EXECUTED"));
        assertThat(holds(current)).as("in the current schema").isTrue();
        assertThat(holds(new LiquibaseChangeSetRan(
                        name("liquibase_history"), "changelog-3.3", "changelog-3.3'; DROP TABLE person; --", "x")))
                .as("names are literals in the query")
                .isFalse();
        assertThat(holds(new TableExists(name("person")))).isTrue();
    }
}
