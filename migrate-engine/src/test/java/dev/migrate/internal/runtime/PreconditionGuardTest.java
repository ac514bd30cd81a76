package dev.migrate.internal.runtime;

import static dev.migrate.Ddl.column;
import static dev.migrate.testing.TestPostgres.execute;
import static dev.migrate.testing.TestPostgres.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.op.Precondition;
import dev.migrate.op.Precondition.OnFail;
import dev.migrate.op.QualifiedName;
import dev.migrate.testing.TestPostgres;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * op.guard: a Liquibase precondition evaluated on the database the revision runs on, with each of
 * Liquibase's onFail outcomes, proven by runs on one database after another (a fresh one where the guard
 * holds, an old one where it does not, then a later run).
 */
class PreconditionGuardTest {
    private static final QualifiedName PERSON = QualifiedName.parse("person");

    /** Builds person on a fresh database; an old one already has it. */
    @Revision(id = "pg1", message = "create person")
    public static class CreatePerson implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.guard(new Precondition.Not(new Precondition.TableExists(PERSON)), OnFail.MARK_RAN, "person exists");
            op.createTable("person", column("id", "int").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("person");
        }
    }

    @Revision(id = "pg2", revises = "pg1", message = "add email")
    public static class AddEmail implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.guard(
                    new Precondition.Not(new Precondition.ColumnExists(PERSON, "email")),
                    OnFail.MARK_RAN,
                    "person.email exists");
            op.addColumn("person", column("email", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("person", "email");
        }
    }

    @Revision(id = "pg3", revises = "pg2", message = "create audit")
    public static class CreateAudit implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("audit", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("audit");
        }
    }

    /** Runs after a warning when person is not empty. */
    @Revision(id = "pg4", revises = "pg3", message = "note on person")
    public static class WarnedNote implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.guard(new Precondition.TableIsEmpty(PERSON), OnFail.WARN, "person has rows");
            op.addColumn("person", column("note", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("person", "note");
        }
    }

    /** Fails while audit has no row. */
    @Revision(id = "pg5", revises = "pg4", message = "audit needs a row")
    public static class Halted implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.guard(
                    new Precondition.Not(new Precondition.RowCount(QualifiedName.parse("audit"), 0)),
                    OnFail.HALT,
                    "audit has no row");
            op.addColumn("audit", column("kind", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("audit", "kind");
        }
    }

    private static Migrator migrator(DataSource db, List<String> warnings, Class<?>... chain) {
        return Migrator.builder()
                .dataSource(db)
                .migrations(chain)
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

    @Test
    void aFreshDatabaseRunsTheGuardedRevisionsAndAnOldOneMarksThemRan() throws Exception {
        List<String> warnings = new ArrayList<>();
        DataSource fresh = TestPostgres.freshDatabase("guard_fresh");
        migrator(fresh, warnings, CreatePerson.class, AddEmail.class, CreateAudit.class)
                .upgrade("head");
        assertThat(query(fresh, "SELECT message FROM migrate_history WHERE direction = 'upgrade' ORDER BY id"))
                .containsExactly("create person", "add email", "create audit");
        assertThat(query(
                        fresh,
                        "SELECT column_name FROM information_schema.columns WHERE table_name = 'person'"
                                + " ORDER BY ordinal_position"))
                .containsExactly("id", "email");

        // an old database: Liquibase built person with its email before the move
        DataSource old = TestPostgres.freshDatabase("guard_old");
        execute(old, "CREATE TABLE person (id int PRIMARY KEY, email text)", "INSERT INTO person VALUES (1, 'a@b')");
        Migrator oldRuns = migrator(old, warnings, CreatePerson.class, AddEmail.class, CreateAudit.class);
        oldRuns.upgrade("head");
        assertThat(query(
                        old, "SELECT revision || ' ' || direction || ': ' || message FROM migrate_history ORDER BY id"))
                .containsExactly(
                        "pg1 marked: create person (marked ran: precondition failed: person exists)",
                        "pg2 marked: add email (marked ran: precondition failed: person.email exists)",
                        "pg3 upgrade: create audit");
        assertThat(query(old, "SELECT version_num FROM migrate_version")).containsExactly("pg3");
        assertThat(oldRuns.current()).hasSize(1);
        assertThat(query(old, "SELECT count(*) FROM person"))
                .as("the marked revisions changed nothing")
                .containsExactly("1");

        // a later run: the WARN guard fails (person has a row), warns, and its revision runs
        migrator(old, warnings, CreatePerson.class, AddEmail.class, CreateAudit.class, WarnedNote.class)
                .upgrade("head");
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w)
                        .contains("pg4")
                        .contains("precondition failed: person has rows")
                        .contains("WARN"));
        assertThat(query(old, "SELECT version_num FROM migrate_version")).containsExactly("pg4");
        assertThat(query(
                        old,
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'person'"
                                + " AND column_name = 'note'"))
                .containsExactly("1");
    }

    @Test
    void haltFailsWithTheGuardsMessageAndChangesNothing() throws Exception {
        List<String> warnings = new ArrayList<>();
        DataSource db = TestPostgres.freshDatabase("guard_halt");
        Migrator migrator = migrator(
                db, warnings, CreatePerson.class, AddEmail.class, CreateAudit.class, WarnedNote.class, Halted.class);
        migrator.upgrade("pg4");

        assertThatThrownBy(() -> migrator.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasStackTraceContaining(
                        "Revision pg5 stops the run: its precondition failed: audit has no row" + " (onFail HALT)");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("pg4");
        assertThat(query(
                        db,
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'audit'"
                                + " AND column_name = 'kind'"))
                .containsExactly("0");

        execute(db, "INSERT INTO audit VALUES (1)");
        migrator.upgrade("head");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("pg5");
    }

    // Liquibase's integration changelog pgsql/update/showSummaryWithPreconditionContinue.sql, ported: an
    // sqlCheck (SELECT COUNT(*) ... expected 1) with onFail CONTINUE leaves its change not run while the
    // table is empty. Here it stays pending in its place, the revisions after it run, and a later run applies it.

    @Revision(id = "c1", message = "create example_table_04")
    public static class CreateExample implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("example_table_04", column("id", "varchar(32)"), column("name", "varchar(40)"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("example_table_04");
        }
    }

    @Revision(id = "c2", revises = "c1", message = "add col2")
    public static class ContinueUnlessOneRow implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.guard(
                    new Precondition.SqlCheck("SELECT COUNT(*) FROM example_table_04", "1"),
                    OnFail.CONTINUE,
                    "example_table_04 does not hold one row");
            op.addColumn("example_table_04", column("col2", "varchar(3)"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("example_table_04", "col2");
        }
    }

    @Revision(id = "c3", revises = "c2", message = "create after")
    public static class After implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("after_c2", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("after_c2");
        }
    }

    @Test
    void continueLeavesTheRevisionPendingRunsTheOnesAfterItAndTheNextRunAppliesIt() throws Exception {
        List<String> warnings = new ArrayList<>();
        DataSource db = TestPostgres.freshDatabase("guard_continue");
        Migrator migrator = migrator(db, warnings, CreateExample.class, ContinueUnlessOneRow.class, After.class);

        // Liquibase's summary: one changeset run, the guarded one filtered out by its precondition
        migrator.upgrade("head");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("c3");
        assertThat(query(db, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                .containsExactly("c1 upgrade", "c2 pending", "c3 upgrade");
        assertThat(query(db, "SELECT to_regclass('after_c2') IS NOT NULL")).containsExactly("t");
        assertThat(query(
                        db,
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'example_table_04'"
                                + " AND column_name = 'col2'"))
                .containsExactly("0");

        execute(db, "INSERT INTO example_table_04 VALUES ('1', 'one')");
        migrator.upgrade("head");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("c3");
        assertThat(query(
                        db,
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'example_table_04'"
                                + " AND column_name = 'col2'"))
                .containsExactly("1");
    }

    @Test
    void offlineSqlTestsHaltAndWarnInTheScriptAndRefusesMarkRanAndContinue() {
        DataSource db = TestPostgres.freshDatabase("guard_offline");
        List<String> warnings = new ArrayList<>();
        StringWriter sql = new StringWriter();
        migrator(db, warnings, CreatePerson.class, AddEmail.class, CreateAudit.class, WarnedNote.class, Halted.class)
                .upgradeSql("pg3:pg5", sql);
        assertThat(sql.toString())
                .contains("RAISE WARNING '%', 'Precondition failed: person has rows'")
                .contains("RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'Precondition failed: audit"
                        + " has no row'");

        assertThatThrownBy(() -> migrator(db, warnings, CreatePerson.class).upgradeSql("base:pg1", new StringWriter()))
                .hasStackTraceContaining("Offline SQL cannot carry out the guard of revision pg1 (\"person exists\","
                        + " onFail MARK_RAN)");
    }
}
