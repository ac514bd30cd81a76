package dev.migrate.internal.runtime;

import static dev.migrate.internal.runtime.Fixtures.execute;
import static dev.migrate.internal.runtime.Fixtures.query;
import static dev.migrate.internal.runtime.Fixtures.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.CurrentRevision;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.TransactionMode;
import dev.migrate.internal.runtime.lock.AdvisoryLock;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.OnEveryMajor;
import dev.migrate.testing.OnOldestAndNewestMajor;
import dev.migrate.testing.TestPostgres;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@LongSuite
class MigratorTest {
    @SuppressWarnings("NullAway.Init") // set by freshDatabase, or by on(major) in a test that takes a major
    private DataSource db;

    private final Fixtures.RecordingLog log = new Fixtures.RecordingLog();

    @BeforeEach
    void freshDatabase(TestInfo test) {
        // a test that takes a major makes its database on that major's server
        if (test.getTestMethod().orElseThrow().getParameterCount() == 0) {
            db = TestPostgres.freshDatabase("migrator");
        }
    }

    private void on(int major) {
        db = TestPostgres.freshDatabase(major, "migrator");
    }

    private Migrator.Builder migrator(Class<?>... classes) {
        return Migrator.builder().dataSource(db).migrations(classes).log(log);
    }

    @OnEveryMajor
    void upgradeToHeadAppliesTheChainAndRecordsIt(int major) throws Exception {
        on(major);
        Migrator m = migrator(Fixtures.CHAIN).build();
        m.upgrade("head");

        assertThat(tables(db)).containsExactly("agents", "migrate_history", "migrate_version", "tasks");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r3");
        assertThat(
                        query(
                                db,
                                "SELECT revision || ':' || direction || ':' || message || ':' || (checksum IS NOT NULL) "
                                        + "|| ':' || (applied_by = current_user) || ':' || (duration_ms >= 0) FROM migrate_history ORDER BY id"))
                .containsExactly(
                        "r1:upgrade:create agents:true:true:true",
                        "r2:upgrade:create tasks:true:true:true",
                        "r3:upgrade:add status:true:true:true");
        assertThat(m.current()).containsExactly(new CurrentRevision("r3", "add status", true));
        assertThat(m.current().get(0)).hasToString("r3 (head)");
        assertThat(log.lines).hasSize(6);
        assertThat(log.lines.get(0)).isEqualTo("Running upgrade <base> -> r1, create agents");
        assertThat(log.lines.get(1)).matches("Finished upgrade <base> -> r1 in \\d+ ms\\.");
        assertThat(log.lines.get(2)).isEqualTo("Running upgrade r1 -> r2, create tasks");
        assertThat(log.lines.get(3)).matches("Finished upgrade r1 -> r2 in \\d+ ms\\.");
        m.assertUpToDate();
    }

    @OnEveryMajor
    void upgradeStepByStepAndDowngrade(int major) throws Exception {
        on(major);
        Migrator m = migrator(Fixtures.CHAIN).build();
        m.upgrade("+1");
        assertThat(m.current()).extracting(CurrentRevision::id).containsExactly("r1");
        assertThatThrownBy(m::assertUpToDate)
                .isInstanceOf(MigrateException.class)
                .hasMessage(
                        "The database is not at head: it is at r1 while the migrations' heads are r3. Run mvn migrate:upgrade "
                                + "(or Migrator.upgrade(\"heads\")) first.");
        m.upgrade("r2");
        assertThat(m.current()).extracting(CurrentRevision::id).containsExactly("r2");
        m.upgrade("head");
        m.downgrade("-1");
        assertThat(m.current()).extracting(CurrentRevision::id).containsExactly("r2");
        assertThat(
                        query(
                                db,
                                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'agents' AND column_name = 'status'"))
                .containsExactly("0");
        m.downgrade("base");
        assertThat(m.current()).isEmpty();
        assertThat(tables(db)).containsExactly("migrate_history", "migrate_version");
        assertThat(query(db, "SELECT revision || ':' || direction FROM migrate_history ORDER BY id"))
                .containsExactly(
                        "r1:upgrade", "r2:upgrade", "r3:upgrade", "r3:downgrade", "r2:downgrade", "r1:downgrade");
    }

    @Test
    void upgradeDowngradeUpgradeLeavesTheSameCatalog() throws Exception {
        Migrator m = migrator(Fixtures.CHAIN).build();
        m.upgrade("head");
        List<String> before = catalog();
        m.downgrade("base");
        m.upgrade("head");
        assertThat(catalog()).isEqualTo(before);
    }

    private List<String> catalog() throws Exception {
        return query(
                db,
                "SELECT table_name || '.' || column_name || ':' || data_type || ':' || is_nullable || ':' "
                        + "|| coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public' "
                        + "AND table_name NOT LIKE 'migrate_%' ORDER BY 1");
    }

    @Test
    void nothingToDoIsReported() {
        Migrator m = migrator(Fixtures.CHAIN).build();
        m.upgrade("head");
        log.lines.clear();
        m.upgrade("head");
        assertThat(log.lines).containsExactly("Nothing to do: the database is already at r3.");
    }

    @OnEveryMajor
    void failedStatementRollsBackAndRecordsNothing(int major) throws Exception {
        on(major);
        Migrator m = migrator(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Bad.class)
                .build();
        m.upgrade("r3");
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Migration r4_bad (broken) failed during upgrade")
                .hasMessageContaining("Statement: ALTER TABLE no_such_table ADD COLUMN x int")
                .hasMessageContaining("SQLSTATE 42P01")
                .hasMessageContaining("relation \"no_such_table\" does not exist")
                .hasMessageContaining("rolled back: r4_bad was not applied and nothing was recorded for it");
        assertThat(tables(db)).doesNotContain("half_done");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r3");
        assertThat(query(db, "SELECT count(*) FROM migrate_history WHERE revision = 'r4_bad'"))
                .containsExactly("0");
    }

    @OnOldestAndNewestMajor
    void transactionModeAllRollsBackTheWholeRun(int major) throws Exception {
        on(major);
        Migrator m = migrator(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Bad.class)
                .transactionMode(TransactionMode.ALL)
                .build();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(
                        "The transaction was rolled back: r1, r2, r3, r4_bad were not applied and nothing was "
                                + "recorded for them.")
                .hasMessageContaining("No other migration of this run was applied.");
        assertThat(tables(db)).containsExactly("migrate_history", "migrate_version");
        assertThat(query(db, "SELECT count(*) FROM migrate_version")).containsExactly("0");
        assertThat(query(db, "SELECT count(*) FROM migrate_history")).containsExactly("0");
    }

    @OnOldestAndNewestMajor
    void transactionModeAllAppliesEverythingInOneTransaction(int major) throws Exception {
        on(major);
        Migrator m =
                migrator(Fixtures.CHAIN).transactionMode(TransactionMode.ALL).build();
        m.upgrade("head");
        assertThat(query(db, "SELECT count(DISTINCT xmin::text) FROM migrate_history"))
                .containsExactly("1");
    }

    @OnOldestAndNewestMajor
    void perMigrationTransactionsAreSeparate(int major) throws Exception {
        on(major);
        migrator(Fixtures.CHAIN).build().upgrade("head");
        assertThat(query(db, "SELECT count(DISTINCT xmin::text) FROM migrate_history"))
                .containsExactly("3");
    }

    @OnEveryMajor
    void nonTransactionalMigrationCreatesAnIndexConcurrentlyWhileTheLockIsHeld(int major) throws Exception {
        on(major);
        Migrator m = migrator(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Concurrently.class)
                .build();
        m.upgrade("head");
        assertThat(query(db, "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_agents_name'"))
                .containsExactly("CREATE INDEX ix_agents_name ON public.agents USING btree (name)");
        assertThat(query(db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_agents_name'::regclass"))
                .containsExactly("t");
        m.downgrade("-1");
        assertThat(query(db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_agents_name'"))
                .containsExactly("0");
    }

    @Test
    void jdbcWorkRunsInOrderOnline() throws Exception {
        Migrator m = migrator(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Data.class)
                .build();
        m.upgrade("head");
        assertThat(query(db, "SELECT name || ':' || name_upper FROM agents ORDER BY name"))
                .containsExactly("ada:ADA", "grace:GRACE");
    }

    @Test
    void offlineRefusesJdbcWork() {
        Migrator m = Migrator.builder()
                .migrations(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Data.class)
                .log(log)
                .build();
        assertThatThrownBy(() -> m.upgradeSql("head", new StringWriter()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Migration r4_data runs JDBC code (op.jdbc)")
                .hasMessageContaining("cannot be written as an offline SQL script");
    }

    @Test
    void changedAppliedMigrationIsReportedBeforeAnythingRuns() throws Exception {
        migrator(Fixtures.CHAIN).build().upgrade("head");
        Migrator edited = migrator(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3Edited.class, Fixtures.R4Lock.class)
                .build();
        assertThatThrownBy(() -> edited.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Applied migration has changed since it was applied: r3 ("
                        + Fixtures.R3Edited.class.getName() + ")")
                .hasMessageContaining("-Dmigrate.acceptChecksums=true")
                .hasMessageContaining("Nothing was run.");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r3");

        migrator(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3Edited.class, Fixtures.R4Lock.class)
                .acceptChecksums(true)
                .build()
                .upgrade("head");
        assertThat(log.lines).anyMatch(l -> l.startsWith("WARN Accepted the changed checksum of r3"));
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r4_lock");
        // accepted: the next run no longer complains
        migrator(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3Edited.class, Fixtures.R4Lock.class)
                .build()
                .upgrade("head");
    }

    @OnOldestAndNewestMajor
    void stampSetsTheVersionWithoutRunningAndPurgeClears(int major) throws Exception {
        on(major);
        Migrator m = migrator(Fixtures.CHAIN).build();
        m.stamp("r2", false);
        assertThat(tables(db)).containsExactly("migrate_history", "migrate_version");
        assertThat(m.current()).extracting(CurrentRevision::id).containsExactly("r2");
        m.stamp("head", false);
        assertThat(m.current()).extracting(CurrentRevision::id).containsExactly("r3");
        execute(db, "INSERT INTO migrate_version VALUES ('ghost')");
        m.stamp("r1", true);
        assertThat(m.current()).extracting(CurrentRevision::id).containsExactly("r1");
        assertThat(query(db, "SELECT direction FROM migrate_history ORDER BY id"))
                .containsExactly("stamp", "stamp", "stamp");
    }

    @Test
    void unknownDatabaseRevisionIsAnError() throws Exception {
        Migrator m = migrator(Fixtures.CHAIN).build();
        m.upgrade("r1");
        execute(db, "UPDATE migrate_version SET version_num = 'f00d'");
        assertThatThrownBy(m::current).isInstanceOf(MigrateException.class).hasMessageContaining("f00d");
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("f00d")
                .hasMessageContaining("acceptFutureRevisions")
                .hasMessageNotContaining("stamp");
    }

    @Test
    void unknownAndAmbiguousTargetsAreErrors() {
        Migrator m = migrator(Fixtures.CHAIN).build();
        assertThatThrownBy(() -> m.upgrade("nope"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> m.upgrade("r"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("r1")
                .hasMessageContaining("r2")
                .hasMessageContaining("r3");
    }

    @Test
    void multipleHeadsRefuseHead() {
        Migrator m = migrator(
                        Fixtures.R1.class,
                        Fixtures.R2.class,
                        Fixtures.R3.class,
                        Fixtures.R4Lock.class,
                        Fixtures.R4Data.class)
                .build();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("r4_data")
                .hasMessageContaining("r4_lock")
                .hasMessageContaining("heads");
        m.upgrade("heads");
        assertThat(m.current()).extracting(CurrentRevision::id).containsExactlyInAnyOrder("r4_data", "r4_lock");
        m.assertUpToDate();
    }

    @Test
    void statementTimeoutApplies() {
        Migrator m = migrator(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Slow.class)
                .statementTimeout(Duration.ofMillis(200))
                .build();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("r4_slow")
                .hasMessageContaining("SQLSTATE 57014");
    }

    @Test
    void lockTimeoutApplies() throws Exception {
        migrator(Fixtures.CHAIN).build().upgrade("head");
        try (Connection blocker = db.getConnection();
                Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE agents IN ACCESS SHARE MODE");
            Migrator m = migrator(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Lock.class)
                    .lockTimeout(Duration.ofMillis(200))
                    .build();
            assertThatThrownBy(() -> m.upgrade("head"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("r4_lock")
                    .hasMessageContaining("SQLSTATE 55P03");
            blocker.rollback();
        }
    }

    @OnEveryMajor
    void waitsForTheMigrationLockAndGivesUpAfterTheTimeout(int major) throws Exception {
        on(major);
        try (Connection holder = db.getConnection();
                Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + AdvisoryLock.keyFor("public.migrate_version") + ")");
            Migrator m = migrator(Fixtures.CHAIN)
                    .lockWaitTimeout(Duration.ofMillis(300))
                    .build();
            assertThatThrownBy(() -> m.upgrade("head"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("waiting for the migration lock")
                    .hasMessageContaining("lockWaitTimeout");
            assertThat(log.lines)
                    .anyMatch(l -> l.startsWith("Waiting for the migration lock: another migrate run, server process"));
        }
        assertThat(tables(db)).doesNotContain("agents");
    }

    @OnOldestAndNewestMajor
    void versionTablesLiveInTheConfiguredSchemaWithTheConfiguredNames(int major) throws Exception {
        on(major);
        Migrator m = migrator(Fixtures.CHAIN)
                .schema("meta")
                .versionTable("schema_version")
                .historyTable("schema_log")
                .build();
        m.upgrade("head");
        assertThat(query(db, "SELECT version_num FROM meta.schema_version")).containsExactly("r3");
        assertThat(query(db, "SELECT count(*) FROM meta.schema_log")).containsExactly("3");
        assertThat(m.current()).extracting(CurrentRevision::id).containsExactly("r3");
    }

    @Test
    void connectionFailureNamesTheServerButNotThePassword() {
        Migrator m = Migrator.builder()
                .migrations(Fixtures.CHAIN)
                .log(log)
                .url("jdbc:postgresql://127.0.0.1:1/appdb", "app", "s3cret-pw")
                .build();
        assertThatThrownBy(m::current)
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageContaining("database appdb")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-pw"));
    }

    @Test
    void badCredentialsNameTheServerButNotThePassword() {
        Migrator m = Migrator.builder()
                .migrations(Fixtures.CHAIN)
                .log(log)
                .url("jdbc:postgresql://localhost:" + TestPostgres.port() + "/postgres", "no_such_role", "s3cret-pw")
                .build();
        assertThatThrownBy(m::current)
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("localhost:" + TestPostgres.port())
                .hasMessageContaining("no_such_role")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-pw"));
    }

    @Test
    void findingNoMigrationIsAnErrorNamingThePackage() {
        Migrator m = Migrator.builder()
                .dataSource(db)
                .packages("com.example.wrong")
                .log(log)
                .build();
        for (Runnable call : List.<Runnable>of(
                () -> m.upgrade("head"),
                () -> m.downgrade("base"),
                () -> m.stamp("head", false),
                m::current,
                m::assertUpToDate,
                () -> m.upgradeSql("head", new StringWriter()))) {
            assertThatThrownBy(call::run)
                    .isInstanceOf(MigrateException.class)
                    .hasMessageStartingWith(
                            "No migration was found in the package com.example.wrong (subpackages included).")
                    .hasMessageContaining("-Dmigrate.packages=");
        }
        assertThat(log.lines).isEmpty();
    }

    @Test
    void noDatabaseConfiguredIsAClearError() {
        Migrator m = Migrator.builder().migrations(Fixtures.CHAIN).log(log).build();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("No database is configured");
    }
}
