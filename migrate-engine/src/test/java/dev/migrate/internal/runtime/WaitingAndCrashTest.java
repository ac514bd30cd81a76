package dev.migrate.internal.runtime;

import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.internal.runtime.lock.AdvisoryLock;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A run that waits says for whom; a run that dies leaves nothing running on the server. */
@LongSuite
class WaitingAndCrashTest {

    @Test
    void aMigrationQueuedBehindAnotherSessionNamesItEveryFewSeconds() throws Exception {
        DataSource db = TestPostgres.freshDatabase("waiting");
        Fixtures.RecordingLog log = new Fixtures.RecordingLog();
        Migrator.builder()
                .dataSource(db)
                .migrations(Fixtures.CHAIN)
                .log(log)
                .build()
                .upgrade("head");
        try (Connection blocker = db.getConnection();
                Statement s = blocker.createStatement()) {
            s.execute("SET application_name = 'reporting-job'");
            int blockerPid = pid(blocker);
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE agents IN ACCESS SHARE MODE");
            Migrator m = Migrator.builder()
                    .dataSource(db)
                    .log(log)
                    .waitReportInterval(Duration.ofMillis(200))
                    .migrations(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Lock.class)
                    .build();
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> m.upgrade("head"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (log.lines.stream().noneMatch(l -> l.contains("held by server process " + blockerPid))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(log.lines)
                    .anyMatch(l ->
                            l.startsWith("WARN The migration is waiting for a lock held by server process " + blockerPid
                                            + " (application reporting-job, user postgres, idle in transaction, for ")
                                    && l.contains("query: LOCK TABLE agents IN ACCESS SHARE MODE)"));
            assertThat(run).isNotDone();
            blocker.rollback();
            run.get(20, TimeUnit.SECONDS);
        }
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r4_lock");
    }

    @Test
    void theLockHolderNamedIsTheOneOnThisDatabase() throws Exception {
        DataSource db = TestPostgres.freshDatabase("holder");
        DataSource other = TestPostgres.freshDatabase("holder_other");
        long key = AdvisoryLock.keyFor("public.migrate_version");
        Fixtures.RecordingLog log = new Fixtures.RecordingLog();
        try (Connection elsewhere = other.getConnection();
                Statement e = elsewhere.createStatement();
                Connection here = db.getConnection();
                Statement h = here.createStatement()) {
            e.execute("SELECT pg_advisory_lock(" + key + ")"); // the same key on another database: no contention
            h.execute("SELECT pg_advisory_lock(" + key + ")");
            Migrator m = Migrator.builder()
                    .dataSource(db)
                    .migrations(Fixtures.CHAIN)
                    .log(log)
                    .lockWaitTimeout(Duration.ofMillis(300))
                    .build();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.upgrade("head"))
                    .hasMessageContaining("server process " + pid(here) + " ")
                    .satisfies(
                            x -> assertThat(x.getMessage()).doesNotContain("server process " + pid(elsewhere) + " "));
            // the run on the other database holding the same key never waits
            Migrator.builder()
                    .dataSource(other)
                    .migrations(Fixtures.CHAIN)
                    .log(log)
                    .lockWaitTimeout(Duration.ofMillis(300))
                    .build();
        }
    }

    @Test
    void runsOnOtherSchemasOrDatabasesDoNotWaitForEachOther() throws Exception {
        DataSource db = TestPostgres.freshDatabase("schemas");
        DataSource other = TestPostgres.freshDatabase("schemas_other");
        try (Connection holder = db.getConnection();
                Statement s = holder.createStatement();
                Connection holder2 = other.getConnection();
                Statement s2 = holder2.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + AdvisoryLock.keyFor("public.migrate_version") + ")");
            s2.execute("SELECT pg_advisory_lock(" + AdvisoryLock.keyFor("app.migrate_version") + ")");
            // the public schema's lock is taken on db, app's on other: a run for app on db and for public on other goes
            // ahead
            Migrator.builder()
                    .dataSource(db)
                    .schema("app")
                    .migrations(Fixtures.R1.class)
                    .log(new Fixtures.RecordingLog())
                    .lockWaitTimeout(Duration.ofMillis(300))
                    .build()
                    .upgrade("head");
            Migrator.builder()
                    .dataSource(other)
                    .migrations(Fixtures.R1.class)
                    .log(new Fixtures.RecordingLog())
                    .lockWaitTimeout(Duration.ofMillis(300))
                    .build()
                    .upgrade("head");
        }
        assertThat(query(db, "SELECT version_num FROM app.migrate_version")).containsExactly("r1");
        assertThat(query(other, "SELECT version_num FROM public.migrate_version"))
                .containsExactly("r1");
    }

    @Test
    void afterKillMinus9TheMigrationsSessionEndsAtOnce() throws Exception {
        String database = TestPostgres.createDatabase("killed");
        DataSource db = TestPostgres.dataSource(database);
        Fixtures.chain(db).upgrade("head");
        Path out = Files.createTempFile("migrate-killed", ".log");
        Process child = Fixtures.startJvm(out, List.of(), SlowUpgradeMain.class, TestPostgres.jdbcUrl(database));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (query(
                            db,
                            "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(120)%' "
                                    + "AND pid <> pg_backend_pid()")
                    .equals(List.of("0"))) {
                assertThat(System.nanoTime())
                        .as("the child started its migration: %s", Files.readString(out))
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the connection
        }
        child.waitFor(10, TimeUnit.SECONDS);
        long killed = System.nanoTime();
        while (!query(
                        db,
                        "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(120)%' "
                                + "AND pid <> pg_backend_pid()")
                .equals(List.of("0"))) {
            assertThat(Duration.ofNanos(System.nanoTime() - killed))
                    .as("the server session of the killed run ended")
                    .isLessThan(Duration.ofSeconds(10));
            Thread.sleep(100);
        }
        // nothing of the killed migration stayed, and the next run goes ahead at once
        Migrator.builder()
                .dataSource(db)
                .migrations(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Lock.class)
                .lockTimeout(Duration.ofSeconds(5))
                .log(new Fixtures.RecordingLog())
                .build()
                .upgrade("head");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r4_lock");
        Files.deleteIfExists(out);
    }

    private static int pid(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Revision(id = "r4_slow_lock", revises = "r3", message = "locks agents and sleeps")
    public static class SlowLock implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("LOCK TABLE agents IN ACCESS EXCLUSIVE MODE");
            op.execute("SELECT pg_sleep(120)");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    /** Entry point of the child process that is killed in the middle of a migration. */
    public static final class SlowUpgradeMain {
        public static void main(String[] args) {
            Migrator.builder()
                    .url(args[0], null, null)
                    .migrations(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, SlowLock.class)
                    .build()
                    .upgrade("head");
        }
    }
}
