package dev.migrate.internal.runtime;

import static dev.migrate.Ddl.column;
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
import dev.migrate.testing.TestPostgres;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A guard's {@code onError}: what happens when its precondition cannot be evaluated (Liquibase's {@code onError}).
 * The cases are Liquibase's integration changelog changelogs/common/common.tests.changelog.xml, changesets
 * errorMarkRanPrecondition, errorContinuePrecondition, errorWarnPrecondition and continue-preconditions-dont-fire
 * (an sqlCheck of {@code select 1 from badtable}, or of {@code Invalid SQL}), with the outcomes
 * PreconditionContainer.check and ChangeSet.execute give them: MARK_RAN records the changeset without running it,
 * CONTINUE skips it (here: stays pending), WARN runs it, HALT (the default) fails the update.
 */
class GuardOnErrorTest {
    private static final Precondition BAD_TABLE = new Precondition.SqlCheck("select 1 from badtable", "1");

    @Revision(id = "e0", message = "create before")
    public static class Before implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("before_guards", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("before_guards");
        }
    }

    // errorMarkRanPrecondition
    @Revision(id = "e1", revises = "e0", message = "error mark ran")
    public static class ErrorMarkRan implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.guard(BAD_TABLE, OnFail.HALT, OnFail.MARK_RAN, "badtable has a row");
            op.createTable("error_markran_ran", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("error_markran_ran");
        }
    }

    // errorWarnPrecondition
    @Revision(id = "e2", revises = "e1", message = "error warn")
    public static class ErrorWarn implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.guard(BAD_TABLE, OnFail.HALT, OnFail.WARN, "badtable has a row");
            op.createTable("error_warn_ran", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("error_warn_ran");
        }
    }

    // errorContinuePrecondition
    @Revision(id = "e3", revises = "e2", message = "error continue")
    public static class ErrorContinue implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.guard(BAD_TABLE, OnFail.HALT, OnFail.CONTINUE, "badtable has a row");
            op.createTable("error_continue_ran", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("error_continue_ran");
        }
    }

    // the default onError, HALT
    @Revision(id = "h1", revises = "e0", message = "error halt")
    public static class ErrorHalt implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.guard(BAD_TABLE, OnFail.MARK_RAN, "badtable has a row");
            op.createTable("error_halt_ran", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("error_halt_ran");
        }
    }

    // continue-preconditions-dont-fire: SQL that does not parse, onError CONTINUE
    @Revision(id = "i1", revises = "e0", message = "invalid sql continue")
    public static class InvalidSqlContinue implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.guard(new Precondition.SqlCheck("Invalid SQL", "3"), OnFail.HALT, OnFail.CONTINUE, "three rows");
            op.execute("More invalid SQL. should not run due to continue");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    private static Migrator migrator(DataSource db, List<String> lines, Class<?>... chain) {
        return Migrator.builder()
                .dataSource(db)
                .migrations(chain)
                .log(new MigrationLog() {
                    @Override
                    public void info(String line) {
                        lines.add(line);
                    }

                    @Override
                    public void warn(String line) {
                        lines.add("WARN " + line);
                    }
                })
                .build();
    }

    @Test
    void eachOnErrorOutcomeOfAGuardWhoseEvaluationFails() throws Exception {
        DataSource db = TestPostgres.freshDatabase("guard_onerror");
        List<String> lines = new ArrayList<>();
        Migrator migrator = migrator(db, lines, Before.class, ErrorMarkRan.class, ErrorWarn.class, ErrorContinue.class);

        migrator.upgrade("head");
        // the failed evaluation did not end the transaction the revisions share with what ran before them
        List<String> history =
                query(db, "SELECT revision || ' ' || direction || ': ' || message FROM migrate_history ORDER BY id");
        assertThat(history).hasSize(4);
        assertThat(history.get(0)).isEqualTo("e0 upgrade: create before");
        assertThat(history.get(1))
                .startsWith("e1 marked: error mark ran (marked ran: precondition could not be evaluated: badtable has"
                        + " a row (ERROR: relation \"badtable\" does not exist");
        assertThat(history.get(2)).isEqualTo("e2 upgrade: error warn");
        assertThat(history.get(3))
                .startsWith("e3 pending: error continue (pending: precondition could not be evaluated: badtable has"
                        + " a row (ERROR: relation \"badtable\" does not exist")
                .endsWith("; retried at every upgrade)");
        // the version row is past the pending revision, which stays in its place
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("e3");
        assertThat(query(
                        db,
                        "SELECT relname FROM pg_class WHERE relname IN ('before_guards', 'error_markran_ran',"
                                + " 'error_warn_ran', 'error_continue_ran') ORDER BY relname"))
                .containsExactly("before_guards", "error_warn_ran");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("WARN Revision e2 runs although its precondition could not be evaluated:"
                                + " badtable has a row")
                        .endsWith("(onError WARN)."))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("Revision e3 stays pending, its changes not run: its precondition could"
                                + " not be evaluated: badtable has a row")
                        .contains("(onError CONTINUE)"));

        // once the check can be evaluated and holds, the pending revision runs
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE badtable (id int); INSERT INTO badtable VALUES (1)");
        }
        assertThat(migrator.upgrade("head").applied())
                .extracting(dev.migrate.AppliedStep::revision)
                .containsExactly("e3");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("e3");
        assertThat(query(db, "SELECT to_regclass('error_continue_ran') IS NOT NULL"))
                .containsExactly("t");
        assertThat(query(db, "SELECT direction FROM migrate_history WHERE revision = 'e3' ORDER BY id"))
                .containsExactly("pending", "upgrade");
    }

    @Test
    void sqlThatDoesNotParseWithOnErrorContinueLeavesTheRevisionPending() throws Exception {
        DataSource db = TestPostgres.freshDatabase("guard_onerror_parse");
        migrator(db, new ArrayList<>(), Before.class, InvalidSqlContinue.class).upgrade("head");
        // the invalid SQL after the guard never ran: the revision is recorded pending, in its place
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("i1");
        assertThat(query(db, "SELECT direction FROM migrate_history WHERE revision = 'i1'"))
                .containsExactly("pending");
    }

    @Test
    void theDefaultOnErrorHaltsNamingThePreconditionAndTheFix() throws Exception {
        DataSource db = TestPostgres.freshDatabase("guard_onerror_halt");
        Migrator migrator = migrator(db, new ArrayList<>(), Before.class, ErrorHalt.class);
        migrator.upgrade("e0");
        assertThatThrownBy(() -> migrator.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasStackTraceContaining("Revision h1 stops the run: its precondition \"badtable has a row\" could not"
                        + " be evaluated (onError HALT): ERROR: relation \"badtable\" does not exist")
                .hasStackTraceContaining("fix the precondition, or give the guard an onError outcome, and run again.");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("e0");
        assertThat(query(db, "SELECT to_regclass('error_halt_ran') IS NULL")).containsExactly("t");
    }

    @Test
    void offlineSqlWarnsOnAnErrorForWarnAndRefusesMarkRanAndContinue() throws Exception {
        DataSource db = TestPostgres.freshDatabase("guard_onerror_offline");
        StringWriter script = new StringWriter();
        migrator(db, new ArrayList<>(), Before.class, ErrorMarkRan.class, ErrorWarn.class)
                .upgradeSql("e1:e2", script);
        assertThat(script.toString())
                .contains("EXCEPTION WHEN OTHERS THEN")
                .contains("'Precondition could not be evaluated: badtable has a row: ' || SQLERRM");
        // the script runs where badtable does not exist: the warning, then the revision
        migrator(db, new ArrayList<>(), Before.class).upgrade("head");
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(script.toString());
        }
        assertThat(query(db, "SELECT to_regclass('error_warn_ran') IS NOT NULL"))
                .containsExactly("t");

        assertThatThrownBy(() -> migrator(db, new ArrayList<>(), Before.class, ErrorMarkRan.class)
                        .upgradeSql("e0:e1", new StringWriter()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Offline SQL cannot carry out the guard of revision e1 (\"badtable has a row\","
                        + " onError MARK_RAN)")
                .hasMessageContaining("make the guard's onError HALT or WARN");
    }
}
