package dev.migrate.internal.runtime;

import static dev.migrate.Ddl.column;
import static dev.migrate.internal.runtime.Fixtures.query;
import static dev.migrate.internal.runtime.Fixtures.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.AppliedStep;
import dev.migrate.Migration;
import dev.migrate.MigrationFailedException;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.MigrationStep;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.bench.EngineBenchmark;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.runtime.script.Script;
import dev.migrate.op.SqlOp;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each transactional migration of one statement reaches the server in one round trip, its statement,
 * its version-table update and its COMMIT together (in a replay on a throwaway database, a migration of
 * several statements too), and a failure still names the statement that failed; only the run's last
 * commit waits for the disk.
 */
class StepRoundTripsTest {
    /** No look for blocking sessions during the run: its queries would be counted too. */
    private static final Duration QUIET = Duration.ofHours(1);

    private DataSource db;

    @BeforeEach
    void freshDatabase() {
        db = TestPostgres.freshDatabase("roundtrips");
    }

    @Test
    void eachMigrationIsOneRoundTrip() throws Exception {
        // on a database past base, where an application may run: one migration a round trip
        fourTables(db).upgrade("a1");
        CountingDataSource one = new CountingDataSource(db);
        fourTables(one).upgrade("a2");
        DataSource other = TestPostgres.freshDatabase("roundtrips");
        fourTables(other).upgrade("a1");
        CountingDataSource three = new CountingDataSource(other);
        fourTables(three).upgrade("head");

        // the run's own reads and set-up cost the same for both: two migrations more, two round trips more
        assertThat(three.executions.get() - one.executions.get()).isEqualTo(2);
        assertThat(tables(other)).contains("a1", "a2", "a3", "a4");
        assertThat(query(other, "SELECT count(*) FROM a4")).containsExactly("1");
        assertThat(query(other, "SELECT version_num FROM migrate_version")).containsExactly("a4");
        assertThat(query(other, "SELECT revision || ':' || (duration_ms >= 0) FROM migrate_history ORDER BY id"))
                .containsExactly("a1:true", "a2:true", "a3:true", "a4:true");
    }

    @Test
    void aLibrarysModuleNewToALiveDatabaseGoesTogetherAndTheApplicationsRevisionsAfterItAlone() throws Exception {
        // the application runs on a1; a library's module comes with the next release, applied before the
        // application's own revisions: its two migrations build from nothing, a2 to a4 change a live database
        fourTables(db).upgrade("a1");
        CountingDataSource withLibrary = new CountingDataSource(db);
        withLibraryModule(withLibrary).upgrade("heads");
        DataSource other = TestPostgres.freshDatabase("roundtrips");
        fourTables(other).upgrade("a1");
        CountingDataSource without = new CountingDataSource(other);
        fourTables(without).upgrade("head");

        // the module's two in one round trip, a2 to a4 one each as without the module (five in one before: -2)
        assertThat(withLibrary.executions.get() - without.executions.get()).isEqualTo(1);
        assertThat(query(db, "SELECT version_num FROM migrate_version ORDER BY 1"))
                .containsExactly("a4", "library.l2");
        assertThat(query(db, "SELECT revision FROM migrate_history ORDER BY id"))
                .containsExactly("a1", "library.l1", "library.l2", "a2", "a3", "a4");
        assertThat(tables(db)).contains("library_one", "library_two", "a4");
    }

    private static Migrator withLibraryModule(DataSource db) {
        return Migrator.builder()
                .dataSource(db)
                .migrations(A1.class, A2.class, A3.class, A4.class, L1.class, L2.class)
                .log(new Fixtures.RecordingLog())
                .waitReportInterval(QUIET)
                .build();
    }

    @Test
    void whatARunBuildsFromNothingIsWhatItsParentsAreToo() {
        RevisionInfo r1 = revision("r1");
        RevisionInfo r2 = revision("r2", "r1");
        RevisionInfo squash = new RevisionInfo("s", List.of(), "", Set.of(), List.of(), true, "S", List.of("r1", "r2"));
        RevisionInfo afterSquash = revision("r3", "r2");
        RevisionInfo live = revision("x2", "x1");
        RevisionInfo afterLive = revision("x3", "x2");
        RevisionInfo merge = revision("m", "r2", "x3");

        assertThat(TransactionPlan.fromNothing(List.of(up(r1), up(r2), up(live), up(afterLive), up(merge))))
                .containsExactly(true, true, false, false, false);
        // a squash built from base: its children revise the last revision it replaces
        assertThat(TransactionPlan.fromNothing(List.of(up(squash), up(afterSquash))))
                .containsExactly(true, true);
        // a root that depends on a live revision (a module's take of a table another module hands over) is not
        // built from nothing, nor is its child; one that depends on a revision the run built is
        RevisionInfo take = new RevisionInfo("take", List.of(), "", Set.of(), List.of("x2"), true, "Take");
        RevisionInfo afterTake = revision("t2", "take");
        RevisionInfo ordered = new RevisionInfo("o", List.of(), "", Set.of(), List.of("r1"), true, "O");
        assertThat(TransactionPlan.fromNothing(List.of(up(live), up(take), up(afterTake), up(r1), up(ordered))))
                .containsExactly(false, false, false, true, true);
        // a downgrade builds nothing, nor does an upgrade again from the revision it left; a new root does
        assertThat(TransactionPlan.fromNothing(
                        List.of(new Step(live, Direction.DOWNGRADE, List.of("x2"), List.of("x1")), up(live), up(r1))))
                .containsExactly(false, false, true);
    }

    private static RevisionInfo revision(String id, String... revises) {
        return new RevisionInfo(id, List.of(revises), "", Set.of(), List.of(), true, id);
    }

    private static Step up(RevisionInfo revision) {
        return new Step(revision, Direction.UPGRADE, revision.revises(), List.of(revision.id()));
    }

    private static Migrator fourTables(DataSource db) {
        return Migrator.builder()
                .dataSource(db)
                .migrations(A1.class, A2.class, A3.class, A4.class)
                .log(new Fixtures.RecordingLog())
                .waitReportInterval(QUIET)
                .build();
    }

    @Test
    void aRunFromBaseSendsItsMigrationsTogetherEachInATransactionOfItsOwn() throws Exception {
        // the sixth reads rows, which may take its time: it goes alone
        ClassLoader forty = chain(40, i -> i == 5 ? List.of("SELECT 'a row'") : table(i));
        CountingDataSource two = new CountingDataSource(db);
        Fixtures.RecordingLog twoLog = new Fixtures.RecordingLog();
        upgrade(two, forty, twoLog, "v00001");
        DataSource other = TestPostgres.freshDatabase("roundtrips");
        CountingDataSource all = new CountingDataSource(other);
        Fixtures.RecordingLog log = new Fixtures.RecordingLog();
        upgrade(all, forty, log, "head");

        // 2 migrations in one round trip; 40 in five: 5, the sixth alone, 16, 16 and 2; the run's own reads the same
        assertThat(all.executions.get() - two.executions.get()).isEqualTo(4);
        assertThat(query(other, "SELECT version_num FROM migrate_version")).containsExactly("v00039");
        assertThat(query(other, "SELECT revision FROM migrate_history ORDER BY id"))
                .containsExactlyElementsOf(ids(40));
        // each committed alone, its duration the server's
        assertThat(query(other, "SELECT count(DISTINCT xmin::text) || ':' || count(duration_ms) FROM migrate_history"))
                .containsExactly("40:40");
        assertThat(tables(other)).contains("t0", "t4", "t6", "t39").doesNotContain("t5");
        // the log tells of each, in its order, as when they go alone
        List<String> told = log.lines.stream()
                .filter(l -> l.startsWith("Running upgrade") || l.startsWith("Finished upgrade"))
                .toList();
        assertThat(told).hasSize(80);
        assertThat(told.get(0)).isEqualTo("Running upgrade <base> -> v00000, step 0");
        assertThat(told.get(1)).startsWith("Finished upgrade <base> -> v00000 in ");
        assertThat(told.get(78)).isEqualTo("Running upgrade v00038 -> v00039, step 39");
        assertThat(told.get(79)).startsWith("Finished upgrade v00038 -> v00039 in ");
    }

    @Test
    void aFailureAmongMigrationsSentTogetherKeepsThoseBeforeItAndNamesItsStatement() throws Exception {
        // the 20th of 40 fails at its second statement: it went in the second round trip, with 16 to 31
        ClassLoader forty = chain(
                40,
                i -> i == 19 ? List.of("CREATE TABLE t19 (id int)", "ALTER TABLE t19 ADD COLUMN id int") : table(i));
        Fixtures.RecordingLog log = new Fixtures.RecordingLog();
        assertThatThrownBy(() -> upgrade(db, forty, log, "head"))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Migration v00019 (step 19) failed during upgrade.")
                .hasMessageContaining("Statement: ALTER TABLE t19 ADD COLUMN id int")
                .hasMessageContaining("[SQLSTATE 42701]")
                .hasMessageContaining("The transaction was rolled back: v00019 was not applied")
                .hasMessageContaining("Applied and recorded before the failure, and still in place: "
                        + String.join(", ", ids(19)) + ".");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("v00018");
        assertThat(query(db, "SELECT revision FROM migrate_history ORDER BY id"))
                .containsExactlyElementsOf(ids(19));
        assertThat(tables(db)).contains("t18").doesNotContain("t19", "t20", "t31", "t39");
        assertThat(log.lines).anyMatch(l -> l.startsWith("Finished upgrade v00017 -> v00018 in "));
        assertThat(log.lines).noneMatch(l -> l.startsWith("Finished upgrade v00018 -> v00019"));
    }

    @Test
    void runsFromBaseAndPastItOnOneDatabaseEachKeepWhatCommitted() throws Exception {
        ClassLoader forty = chain(40, StepRoundTripsTest::table);
        // a table in the way of the 20th: those before it stay, the run past them goes one by one
        Fixtures.execute(db, "CREATE TABLE t19 (id int)");
        assertThatThrownBy(() -> upgrade(db, forty, new Fixtures.RecordingLog(), "head"))
                .hasMessageContaining("Migration v00019 (step 19) failed during upgrade.")
                .hasMessageContaining("[SQLSTATE 42P07]")
                .hasMessageContaining("still in place: " + String.join(", ", ids(19)) + ".");
        Fixtures.execute(db, "DROP TABLE t19");
        upgrade(db, forty, new Fixtures.RecordingLog(), "head");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("v00039");
        migrator(db, forty, new Fixtures.RecordingLog()).downgrade("base");
        assertThat(tables(db)).doesNotContain("t0", "t39");

        // from base again, the history's rows of the first runs before it: the third fails, the first two stay
        Fixtures.execute(db, "CREATE TABLE t2 (id int)");
        assertThatThrownBy(() -> upgrade(db, forty, new Fixtures.RecordingLog(), "head"))
                .hasMessageContaining("Migration v00002 (step 2) failed during upgrade.")
                .hasMessageContaining("still in place: v00000, v00001.");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("v00001");
        migrator(db, forty, new Fixtures.RecordingLog()).downgrade("base");
        // and the first of a round trip failing: nothing of the run stays
        Fixtures.execute(db, "DROP TABLE t2; CREATE TABLE t0 (id int)");
        assertThatThrownBy(() -> upgrade(db, forty, new Fixtures.RecordingLog(), "head"))
                .hasMessageContaining("Migration v00000 (step 0) failed during upgrade.")
                .hasMessageContaining("No other migration of this run was applied.");
        assertThat(query(db, "SELECT count(*) FROM migrate_version")).containsExactly("0");
        Fixtures.execute(db, "DROP TABLE t0");
        upgrade(db, forty, new Fixtures.RecordingLog(), "head");

        List<String> history = new ArrayList<>(ids(19));
        history.addAll(ids(40).subList(19, 40));
        history.addAll(reversed(ids(40)));
        history.addAll(ids(2));
        history.addAll(reversed(ids(2)));
        history.addAll(ids(40));
        assertThat(query(db, "SELECT revision FROM migrate_history ORDER BY id"))
                .containsExactlyElementsOf(history);
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("v00039");
    }

    @Test
    void aListenerHearsEachMigrationBeforeItRunsSoEachGoesAlone() throws Exception {
        ClassLoader four = chain(4, StepRoundTripsTest::table);
        List<String> heard = new ArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void beforeStep(MigrationStep step) {
                heard.add("before " + step.revision());
            }

            @Override
            public void afterStep(AppliedStep step) {
                heard.add("after " + step.revision());
            }
        };
        CountingDataSource two = new CountingDataSource(db);
        upgrade(two, four, listener, "v00001");
        DataSource other = TestPostgres.freshDatabase("roundtrips");
        CountingDataSource all = new CountingDataSource(other);
        heard.clear();
        upgrade(all, four, listener, "head");

        assertThat(all.executions.get() - two.executions.get()).isEqualTo(2);
        assertThat(heard)
                .containsExactly(
                        "before v00000",
                        "after v00000",
                        "before v00001",
                        "after v00001",
                        "before v00002",
                        "after v00002",
                        "before v00003",
                        "after v00003");
    }

    @Test
    void onlyStatementsThatChangeTheSchemaGoTogether() {
        for (String sql : List.of(
                "CREATE TABLE t (id int)",
                "  -- a table\n/* of ours */ create table t (id int)",
                "/* a comment /* within a comment */ still */ CREATE TABLE t (id int)",
                "ALTER TABLE t ADD COLUMN name text",
                "DROP INDEX t_name",
                "COMMENT ON TABLE t IS 'rows of t'",
                "GRANT SELECT ON t TO reader",
                "REVOKE SELECT ON t FROM reader")) {
            assertThat(TransactionPlan.schemaOnly(new Script.Statement(sql, new SqlOp.Execute(sql, null))))
                    .as(sql)
                    .isTrue();
        }
        for (String sql : List.of(
                "INSERT INTO t VALUES (1)",
                "UPDATE t SET id = 2",
                "DELETE FROM t",
                "SELECT pg_sleep(5)",
                "WITH old AS (DELETE FROM t RETURNING *) INSERT INTO t SELECT * FROM old",
                "DO $$ BEGIN PERFORM pg_sleep(5); END $$",
                "CALL backfill()",
                "-- CREATE TABLE in a comment\nINSERT INTO t VALUES (1)",
                "CREATED",
                "")) {
            assertThat(TransactionPlan.schemaOnly(new Script.Statement(sql, null)))
                    .as(sql)
                    .isFalse();
        }
    }

    /** A chain of {@code n} migrations, {@code v00000} on, the ith running {@code upgrade.apply(i)}. */
    private static ClassLoader chain(int n, IntFunction<List<String>> upgrade) throws IOException {
        return EngineBenchmark.compileChain(
                Files.createTempDirectory("together"), n, upgrade, i -> List.of("DROP TABLE t" + i));
    }

    private static List<String> table(int i) {
        return List.of("CREATE TABLE t" + i + " (id int)");
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** The ids of the chain's first {@code n} revisions. */
    private static List<String> ids(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> String.format(Locale.ROOT, "v%05d", i))
                .toList();
    }

    private static void upgrade(DataSource db, ClassLoader chain, MigrationLog log, String target) {
        migrator(db, chain, log).upgrade(target);
    }

    private static Migrator migrator(DataSource db, ClassLoader chain, MigrationLog log) {
        return Migrator.builder()
                .dataSource(db)
                .classLoader(chain)
                .packages(EngineBenchmark.PACKAGE)
                .log(log)
                .waitReportInterval(QUIET)
                .build();
    }

    private static void upgrade(DataSource db, ClassLoader chain, MigrationListener listener, String target) {
        Migrator.builder()
                .dataSource(db)
                .classLoader(chain)
                .packages(EngineBenchmark.PACKAGE)
                .log(new Fixtures.RecordingLog())
                .listener(listener)
                .waitReportInterval(QUIET)
                .build()
                .upgrade(target);
    }

    @Test
    void everyMigrationButTheRunsLastCommitsWithoutWaitingForTheDisk() throws Exception {
        // the session's own setting, which the run's last commit keeps: "local" tells it from the test
        // server's "off"
        String database = TestPostgres.createDatabase("roundtrips");
        Migrator.builder()
                .url(TestPostgres.jdbcUrl(database) + "&options=-c%20synchronous_commit%3Dlocal")
                .migrations(S1.class, S2.class, S3.class)
                .log(new Fixtures.RecordingLog())
                .build()
                .upgrade("head");

        DataSource upgraded = TestPostgres.dataSource(database);
        assertThat(query(upgraded, "SELECT setting FROM s1 UNION ALL SELECT setting FROM s2"))
                .containsExactly("off", "off");
        assertThat(query(upgraded, "SELECT setting FROM s3")).containsExactly("local");
        assertThat(query(upgraded, "SELECT version_num FROM migrate_version")).containsExactly("s3");
    }

    @Revision(id = "s1", message = "one")
    public static class S1 extends Setting {
        public S1() {
            super("s1");
        }
    }

    @Revision(id = "s2", revises = "s1", message = "two")
    public static class S2 extends Setting {
        public S2() {
            super("s2");
        }
    }

    @Revision(id = "s3", revises = "s2", message = "three")
    public static class S3 extends Setting {
        public S3() {
            super("s3");
        }
    }

    /** A table holding the synchronous_commit its migration's transaction runs with. */
    abstract static class Setting extends OneTable {
        Setting(String table) {
            super(table, "CREATE TABLE " + table + " AS SELECT current_setting('synchronous_commit') AS setting");
        }
    }

    /** A migration of one statement that makes {@code table}; its downgrade drops it. */
    abstract static class OneTable implements Migration {
        private final String table;
        private final String sql;

        OneTable(String table, String sql) {
            this.table = table;
            this.sql = sql;
        }

        @Override
        public void upgrade(Operations op) {
            op.execute(sql);
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable(table);
        }
    }

    @Test
    void aFailingStatementIsNamedAndNothingOfItsMigrationStays() throws Exception {
        Migrator m = Migrator.builder()
                .dataSource(db)
                .migrations(A1.class, A2.class, A3Bad.class)
                .log(new Fixtures.RecordingLog())
                .build();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Migration a3_bad (second statement fails) failed during upgrade.")
                .hasMessageContaining("Statement: INSERT INTO a3_half (id) VALUES ('not a number')")
                .hasMessageContaining("[SQLSTATE 22P02]")
                .hasMessageContaining("The transaction was rolled back: a3_bad was not applied")
                .hasMessageContaining("Applied and recorded before the failure, and still in place: a1, a2.");
        assertThat(tables(db)).doesNotContain("a3_half");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("a2");
        assertThat(query(db, "SELECT revision FROM migrate_history ORDER BY id"))
                .containsExactly("a1", "a2");
    }

    @Test
    void aReplaySendsAMigrationOfSeveralStatementsInOneRoundTripToo() throws Exception {
        // a1 is a table and a row: an upgrade sends them one by one, a replay together
        CountingDataSource upgraded = new CountingDataSource(db);
        Migrator.builder()
                .dataSource(upgraded)
                .migrations(A1.class)
                .log(new Fixtures.RecordingLog())
                .waitReportInterval(QUIET)
                .build()
                .upgrade("head");
        db = TestPostgres.freshDatabase("roundtrips");
        CountingDataSource replayed = new CountingDataSource(db);
        MigratorTools.of(offline(A1.class)).replayOn(replayed).upgrade(RevisionTarget.of("heads"));

        assertThat(upgraded.executions.get() - replayed.executions.get()).isEqualTo(2);
        assertThat(query(db, "SELECT id FROM a1")).containsExactly("1");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("a1");
    }

    @Test
    void aReplayStillNamesTheFailingStatementAndKeepsNothingOfItsMigration() throws Exception {
        assertThatThrownBy(() -> MigratorTools.of(offline(A1.class, A2.class, A3Bad.class))
                        .replayOn(db)
                        .upgrade(RevisionTarget.of("heads")))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Migration a3_bad (second statement fails) failed during upgrade.")
                .hasMessageContaining("Statement: INSERT INTO a3_half (id) VALUES ('not a number')")
                .hasMessageContaining("Applied and recorded before the failure, and still in place: a1, a2.");
        assertThat(tables(db)).doesNotContain("a3_half");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("a2");
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // passed on to Migrator.Builder#migrations, which only reads it
    private static Migrator offline(Class<? extends Migration>... migrations) {
        return Migrator.builder()
                .migrations(migrations)
                .log(new Fixtures.RecordingLog())
                .waitReportInterval(QUIET)
                .build();
    }

    @Test
    void aSessionEndedByTheServerIsReportedWithTheServersWords() throws Exception {
        Migrator m = Migrator.builder()
                .dataSource(db)
                .migrations(A1.class, A2Terminated.class)
                .log(new Fixtures.RecordingLog())
                .build();
        m.upgrade("a1"); // past base, each migration goes alone
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Migration a2_ended (ends its session) failed during upgrade.")
                .hasMessageContaining("[SQLSTATE 57P01]")
                .hasMessageContaining("No other migration of this run was applied.");
        assertThat(tables(db)).doesNotContain("a2_ended");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("a1");
    }

    @Test
    void aSessionEndedAmongMigrationsSentTogetherSaysWhichMayHaveCommitted() throws Exception {
        // the table of the second ends the session that makes it
        Fixtures.execute(
                db,
                "CREATE FUNCTION end_session() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() WHERE object_identity ="
                        + " 'public.ends_session') THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF; END $$;"
                        + " CREATE EVENT TRIGGER end_session ON ddl_command_end EXECUTE FUNCTION end_session()");
        ClassLoader three = chain(3, i -> i == 1 ? List.of("CREATE TABLE ends_session (id int)") : table(i));
        assertThatThrownBy(() -> upgrade(db, three, new Fixtures.RecordingLog(), "head"))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageStartingWith("The connection was lost while migrations v00000, v00001, v00002 ran, sent"
                        + " to the server together in one round trip, each in a transaction of its own.")
                .hasMessageContaining("[SQLSTATE 57P01]")
                .hasMessageContaining("Which of them committed before it was lost is not known: mvn migrate:current"
                        + " shows it, and running upgrade again goes on from there.")
                .hasMessageNotContaining("Statement:");
        // the first committed before the second ended the session; the rest did not
        assertThat(tables(db)).contains("t0").doesNotContain("ends_session", "t2");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("v00000");
    }

    @Revision(id = "a2_ended", revises = "a1", message = "ends its session")
    public static class A2Terminated implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("a2_ended", column("id", "int"));
            op.execute("SELECT pg_terminate_backend(pg_backend_pid())");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("a2_ended");
        }
    }

    /** Two statements, the second ending with a line comment. */
    @Revision(id = "a1", message = "one")
    public static class A1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("a1", column("id", "int").primaryKey());
            op.execute("INSERT INTO a1 (id) VALUES (1) -- the first row");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("a1");
        }
    }

    @Revision(id = "a2", revises = "a1", message = "two")
    public static class A2 extends Two {
        public A2() {
            super("a2");
        }
    }

    @Revision(id = "a3", revises = "a2", message = "three")
    public static class A3 extends Two {
        public A3() {
            super("a3");
        }
    }

    @Revision(id = "a4", revises = "a3", message = "four")
    public static class A4 extends Two {
        public A4() {
            super("a4");
        }
    }

    @Revision(id = "l1", module = "library", message = "a library's first table")
    public static class L1 extends OneTable {
        public L1() {
            super("library_one", "CREATE TABLE library_one (id int)");
        }
    }

    @Revision(id = "l2", revises = "l1", module = "library", message = "a library's second table")
    public static class L2 extends OneTable {
        public L2() {
            super("library_two", "CREATE TABLE library_two (id int)");
        }
    }

    /** A table with a row in it, in one statement ending with a line comment. */
    abstract static class Two extends OneTable {
        Two(String table) {
            super(table, "CREATE TABLE " + table + " AS SELECT 1 AS id -- the first row");
        }
    }

    @Revision(id = "a3_bad", revises = "a2", message = "second statement fails")
    public static class A3Bad implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("a3_half", column("id", "int"));
            op.execute("INSERT INTO a3_half (id) VALUES ('not a number')");
            op.execute("INSERT INTO a3_half (id) VALUES (2)");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("a3_half");
        }
    }

    /** The real database, counting every statement sent through any of its connections. */
    private static final class CountingDataSource implements DataSource {
        private final DataSource target;
        final AtomicInteger executions = new AtomicInteger();

        CountingDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(target.getConnection());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return counting(target.getConnection(user, password));
        }

        private Connection counting(Connection connection) {
            return proxy(Connection.class, connection, (method, result) -> {
                if (result instanceof Statement statement) {
                    Class<? extends Statement> type = statement instanceof java.sql.PreparedStatement
                            ? java.sql.PreparedStatement.class
                            : Statement.class;
                    return proxy(type, statement, (m, r) -> r, "execute");
                }
                return result;
            });
        }

        /** What to return for a call; {@code counted} names the methods that send to the server. */
        @FunctionalInterface
        private interface Wrap {
            Object wrap(java.lang.reflect.Method method, Object result);
        }

        private <T> T proxy(Class<T> type, Object target, Wrap wrap, String... counted) {
            InvocationHandler handler = (p, method, args) -> {
                for (String prefix : counted) {
                    if (method.getName().startsWith(prefix)) {
                        executions.incrementAndGet();
                    }
                }
                try {
                    return wrap.wrap(method, method.invoke(target, args));
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
