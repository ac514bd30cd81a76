package dev.migrate.internal.runtime;

import static dev.migrate.Ddl.column;
import static dev.migrate.testing.TestPostgres.execute;
import static dev.migrate.testing.TestPostgres.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.AppliedStep;
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
import dev.migrate.tooling.MigratorTools;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A guard whose outcome is CONTINUE (Liquibase's {@code onFail}/{@code onError} {@code CONTINUE}) leaves its revision
 * pending in its place: the revisions after it run, and every later upgrade tries it again first. Proven by runs on
 * one database after another. Liquibase's semantics, ported: {@code ChangeSet.execute} in liquibase-standard logs
 * "Continuing past" the changeset, records no DATABASECHANGELOG row, and its next update evaluates it again; the
 * integration test {@code ShowSummaryUtilCommandTest."validate update summary output is correct when a precondition
 * has continue"} (changelog {@code pgsql/update/showSummaryWithPreconditionContinue.sql}) counts the changeset
 * before it run and the guarded one not run; {@code common.tests.changelog.xml}'s {@code failContinuePrecondition}
 * leaves {@code fail_continue_ran} not created while the changesets after it run.
 */
class ContinueGuardTest {
    /** Holds one row once an operator has readied the database for {@link ContinueB}. */
    private static final Precondition READY = new Precondition.SqlCheck("SELECT count(*) FROM cg_ready", "1");

    @Revision(id = "cga", message = "create ready flag")
    public static class CreateA implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("cg_ready", column("id", "int"));
            op.createTable("cg_a", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("cg_a");
            op.dropTable("cg_ready");
        }
    }

    // failContinuePrecondition: a failed precondition, onFail CONTINUE; its changes do not run
    @Revision(id = "cgb", revises = "cga", message = "create b")
    public static class ContinueB implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.guard(READY, OnFail.CONTINUE, "cg_ready is not ready");
            op.createTable("cg_b", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("cg_b"); // fails where cg_b was never made: only a downgrade that runs nothing passes
        }
    }

    @Revision(id = "cgc", revises = "cgb", message = "create c")
    public static class CreateC implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("cg_c", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("cg_c");
        }
    }

    /** A revision new in a later release: the pending one is tried before it. */
    @Revision(id = "cgd", revises = "cgc", message = "create d")
    public static class CreateD implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("cg_d", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("cg_d");
        }
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

    private static List<String> ids(List<AppliedStep> steps) {
        return steps.stream().map(AppliedStep::revision).toList();
    }

    private static List<String> history(DataSource db) throws SQLException {
        return query(db, "SELECT revision || ' ' || direction || ': ' || message FROM migrate_history ORDER BY id");
    }

    private static List<String> tables(DataSource db) throws SQLException {
        return query(db, "SELECT relname FROM pg_class WHERE relname LIKE 'cg\\_%' AND relkind = 'r' ORDER BY 1");
    }

    private static final String B_PENDING =
            "cgb pending: create b (pending: precondition failed: cg_ready is not ready; retried at every upgrade)";

    @Test
    void thePendingRevisionStaysInPlaceRunsOnceItsPreconditionHoldsAndDowngradesWithTheChain() throws SQLException {
        DataSource db = TestPostgres.freshDatabase("guard_continue_chain");
        List<String> lines = new ArrayList<>();
        Migrator abc = migrator(db, lines, CreateA.class, ContinueB.class, CreateC.class);

        // 1: A and C run, B stays pending in its place; the version row is past it
        assertThat(ids(abc.upgrade("head").applied())).containsExactly("cga", "cgc");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("cgc");
        assertThat(history(db)).containsExactly("cga upgrade: create ready flag", B_PENDING, "cgc upgrade: create c");
        assertThat(tables(db)).containsExactly("cg_a", "cg_c", "cg_ready");
        assertThat(lines)
                .contains("Revision cgb stays pending, its changes not run: its precondition failed: cg_ready is not"
                        + " ready (onFail CONTINUE). The revisions after it run; every upgrade tries it again.");

        // current and history say so plainly
        MigratorTools tools = MigratorTools.of(abc);
        assertThat(tools.currentReport(false))
                .containsExactly(
                        "cgc (head)",
                        "Pending here: cgb (create b): pending: precondition failed: cg_ready is not ready; retried at"
                                + " every upgrade.");
        assertThat(tools.historyReport(null, false))
                .anySatisfy(line -> assertThat(line)
                        .isEqualTo("cga -> cgb, create b [pending: precondition failed: cg_ready is not ready;"
                                + " retried at every upgrade]"));
        assertThat(tools.pendingHere())
                .containsExactly(new MigratorTools.PendingRevision(
                        "cgb",
                        "create b",
                        "pending: precondition failed: cg_ready is not ready; retried at every upgrade"));

        // at head for a deployment gate, which says what is pending
        abc.assertUpToDate();
        assertThat(lines)
                .contains("The database is at head with revision cgb pending: precondition failed: cg_ready is not"
                        + " ready; retried at every upgrade (its guard said CONTINUE): its changes are not there, and"
                        + " the next upgrade tries it again.");

        // 2, 3: still failing, it stays pending over several runs, and nothing else is recorded
        lines.clear();
        assertThat(abc.upgrade("head").applied()).isEmpty();
        assertThat(abc.upgrade("head").applied()).isEmpty();
        assertThat(history(db)).hasSize(3).contains(B_PENDING);
        assertThat(lines)
                .contains("Revision cgb is pending: precondition failed: cg_ready is not ready; retried at every"
                        + " upgrade: it is tried again before this run's steps.");

        // 4: a release adds D; B, still failing, stays pending and D runs
        Migrator abcd = migrator(db, lines, CreateA.class, ContinueB.class, CreateC.class, CreateD.class);
        assertThat(ids(abcd.upgrade("head").applied())).containsExactly("cgd");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("cgd");

        // 5: the precondition holds: the upgrade runs B, and only B, and records it applied now
        execute(db, "INSERT INTO cg_ready VALUES (1)");
        assertThat(ids(abcd.upgrade("head").applied())).containsExactly("cgb");
        assertThat(tables(db)).containsExactly("cg_a", "cg_b", "cg_c", "cg_d", "cg_ready");
        assertThat(history(db)).last().isEqualTo("cgb upgrade: create b");
        assertThat(MigratorTools.of(abcd).pendingHere()).isEmpty();
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("cgd");

        // 6: nothing left to retry
        assertThat(abcd.upgrade("head").applied()).isEmpty();

        // 7: down to base: D, C, B (its changes ran, so its downgrade runs) and A are undone
        assertThat(ids(abcd.downgrade("base").applied())).containsExactly("cgd", "cgc", "cgb", "cga");
        assertThat(tables(db)).isEmpty();
        assertThat(query(db, "SELECT count(*) FROM migrate_version")).containsExactly("0");
    }

    @Test
    void aDowngradeAcrossAPendingRevisionRunsNothingForItAndTheNextUpgradeLeavesItPendingAgain() throws SQLException {
        DataSource db = TestPostgres.freshDatabase("guard_continue_down");
        List<String> lines = new ArrayList<>();
        Migrator abc = migrator(db, lines, CreateA.class, ContinueB.class, CreateC.class);
        abc.upgrade("head");

        // offline, the downgrade script cannot know: it tests the history and stops where B is pending
        java.io.StringWriter script = new java.io.StringWriter();
        abc.downgradeSql("cgc:cga", script);
        assertThat(script.toString()).contains("DO $marked$");
        assertThatThrownBy(() -> execute(db, script.toString()))
                .hasMessageContaining("Revision cgb was marked ran on this database (recorded as applied without"
                        + " running its changes) or is pending there (its guard said CONTINUE)");
        // C's downgrade, its own transaction, ran before the script reached B
        assertThat(tables(db)).containsExactly("cg_a", "cg_ready");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("cgb");

        // against the database, B's downgrade, which would fail (cg_b was never made), is recorded, not run
        assertThat(ids(abc.downgrade("cga").applied())).containsExactly("cgb");
        assertThat(history(db))
                .last()
                .isEqualTo("cgb downgrade: create b (downgrade not run: the revision was pending, its changes never"
                        + " ran)");
        assertThat(tables(db)).containsExactly("cg_a", "cg_ready");
        assertThat(MigratorTools.of(abc).pendingHere()).isEmpty();

        // a downgraded revision is not retried: the upgrade evaluates it again at its place
        lines.clear();
        assertThat(ids(abc.upgrade("head").applied())).containsExactly("cgc");
        assertThat(history(db)).hasSize(7).last().isEqualTo("cgc upgrade: create c");
        assertThat(history(db).get(5)).isEqualTo(B_PENDING);
        assertThat(lines).noneMatch(line -> line.contains("tried again"));

        abc.downgrade("base");
        assertThat(tables(db)).isEmpty();
    }

    /** Two guards: where the first (CONTINUE) holds at last, the second decides, as it would have the first time. */
    @Revision(id = "cgm", revises = "cga", message = "create m")
    public static class ContinueThenMarkRan implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.guard(READY, OnFail.CONTINUE, "cg_ready is not ready");
            op.guard(
                    new Precondition.Not(new Precondition.TableExists(QualifiedName.parse("cg_m"))),
                    OnFail.MARK_RAN,
                    "cg_m exists");
            op.createTable("cg_m", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("cg_m");
        }
    }

    @Revision(id = "cgh", revises = "cga", message = "create h")
    public static class ContinueThenHalt implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.guard(READY, OnFail.CONTINUE, "cg_ready is not ready");
            op.guard(
                    new Precondition.TableExists(QualifiedName.parse("cg_needed")),
                    OnFail.HALT,
                    "cg_needed is missing");
            op.createTable("cg_h", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("cg_h");
        }
    }

    @Revision(id = "cgn", revises = "cgh", message = "create n")
    public static class AfterHalt implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("cg_n", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("cg_n");
        }
    }

    @Revision(id = "cgo", revises = "cgn", message = "create o")
    public static class NewAfterHalt implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("cg_o", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("cg_o");
        }
    }

    @Test
    void aRetryTheNextGuardMarksRanIsRecordedMarkedRanAndItsDowngradeRunsNothing() throws SQLException {
        DataSource db = TestPostgres.freshDatabase("guard_continue_marked");
        List<String> lines = new ArrayList<>();
        Migrator migrator = migrator(db, lines, CreateA.class, ContinueThenMarkRan.class);
        assertThat(ids(migrator.upgrade("head").applied())).containsExactly("cga");
        assertThat(history(db)).last().asString().startsWith("cgm pending:");

        execute(db, "INSERT INTO cg_ready VALUES (1); CREATE TABLE cg_m (id int, made_by text)");
        assertThat(ids(migrator.upgrade("head").applied())).containsExactly("cgm");
        assertThat(history(db)).last().isEqualTo("cgm marked: create m (marked ran: precondition failed: cg_m exists)");
        migrator.downgrade("cga");
        assertThat(query(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'cg_m'"))
                .containsExactly("2"); // the table the revision never made is still there, as it was
    }

    @Test
    void aRetryWhoseNextGuardHaltsFailsTheUpgradeBeforeTheNewStepsAndStaysPending() throws SQLException {
        DataSource db = TestPostgres.freshDatabase("guard_continue_halt");
        List<String> lines = new ArrayList<>();
        migrator(db, lines, CreateA.class, ContinueThenHalt.class, AfterHalt.class)
                .upgrade("head");
        assertThat(tables(db)).containsExactly("cg_a", "cg_n", "cg_ready");

        execute(db, "INSERT INTO cg_ready VALUES (1)");
        Migrator later =
                migrator(db, lines, CreateA.class, ContinueThenHalt.class, AfterHalt.class, NewAfterHalt.class);
        assertThatThrownBy(() -> later.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasStackTraceContaining(
                        "Revision cgh stops the run: its precondition failed: cg_needed is missing" + " (onFail HALT)");
        assertThat(tables(db)).containsExactly("cg_a", "cg_n", "cg_ready");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("cgn");
        assertThat(MigratorTools.of(later).pendingHere())
                .extracting(MigratorTools.PendingRevision::id)
                .containsExactly("cgh");

        execute(db, "CREATE TABLE cg_needed (id int)");
        assertThat(ids(later.upgrade("head").applied())).containsExactly("cgh", "cgo");
    }
}
