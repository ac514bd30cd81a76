package dev.migrate.internal.runtime;

import static dev.migrate.Ddl.column;
import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.ConnectionFailedException;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationFailedException;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.CuttableProxy;
import dev.migrate.testing.RestartablePostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worst day, on a server of its own that the tests restart: the server goes away in the middle
 * of a migration, the connection breaks, no connection slot is free, a DBA's statement_timeout ends a
 * statement. Each failure says what stayed, and the next run goes on from there.
 */
@SuppressWarnings("try") // a blocker holds its locks for the body of its try and releases them on close
class ServerFaultsTest {
    private static RestartablePostgres server;

    private DataSource db;
    private Fixtures.RecordingLog log;

    @BeforeAll
    static void start() {
        server = RestartablePostgres.start(Map.of("max_connections", "12"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void freshDatabase() {
        db = server.freshDatabase("fault");
        log = new Fixtures.RecordingLog();
    }

    private Migrator.Builder migrator(Class<?>... classes) {
        return Migrator.builder().dataSource(db).migrations(classes).log(log).lockTimeout(Duration.ZERO);
    }

    private static CompletableFuture<Throwable> upgrading(Migrator migrator) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                migrator.upgrade("head");
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
    }

    /**
     * The server restarts (an immediate stop, as a crash or a failover does it) while CREATE INDEX
     * CONCURRENTLY waits for old transactions: its index is in the catalog, invalid, and stays so
     * after the restart. The next upgrade with rebuildInvalidIndexes=false stops and names it; the
     * next one by default drops it and builds it again.
     */
    @Test
    void aServerRestartInTheMiddleOfAConcurrentBuildLeavesAnInvalidIndexTheNextUpgradeBuildsAgain() throws Exception {
        migrator(InterruptedIndexBuildTest.C1.class).build().upgrade("head");
        Throwable thrown;
        try (Cuts.Blocker writer = new Cuts.Blocker(db, "INSERT INTO accounts VALUES (5000, 'late@example.com')")) {
            CompletableFuture<Throwable> run =
                    upgrading(migrator(InterruptedIndexBuildTest.C1.class, InterruptedIndexBuildTest.C2Index.class)
                            .build());
            Cuts.waitingSession(db, "CREATE UNIQUE INDEX CONCURRENTLY");
            server.crashAndRestart();
            thrown = run.get(60, TimeUnit.SECONDS);
        }
        assertThat(thrown).isInstanceOf(MigrationFailedException.class);
        assertThat(thrown.getMessage())
                .contains("Migration c2_index (index emails) failed during upgrade.")
                .contains("Statement: CREATE UNIQUE INDEX CONCURRENTLY ix_accounts_email ON accounts (email)")
                .contains("none of its statements had committed before the one that failed; its version was not"
                        + " recorded.")
                .contains("So the index ix_accounts_email may be there now; see the invalid indexes with SELECT"
                        + " indexrelid::regclass FROM pg_index WHERE NOT indisvalid.");
        assertThat(Cuts.index(db, "ix_accounts_email")).containsExactly("ix_accounts_email|f");

        assertThatThrownBy(() -> migrator(InterruptedIndexBuildTest.C1.class, InterruptedIndexBuildTest.C2Index.class)
                        .rebuildInvalidIndexes(false)
                        .build()
                        .upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("an invalid index of that name on public.accounts is there")
                .hasMessageContaining("nothing was run. Drop it, then run again:")
                .hasMessageContaining("  DROP INDEX CONCURRENTLY IF EXISTS public.ix_accounts_email;");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("c1");

        migrator(InterruptedIndexBuildTest.C1.class, InterruptedIndexBuildTest.C2Index.class)
                .build()
                .upgrade("head");
        assertThat(Cuts.index(db, "ix_accounts_email")).containsExactly("ix_accounts_email|t");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("c2_index");
        assertThat(query(db, "SELECT revision FROM migrate_history ORDER BY id"))
                .containsExactly("c1", "c2_index");
    }

    /** A restart in the middle of a migration in a transaction of its own: none of it stays, and the next run applies it. */
    @Test
    void aServerRestartInTheMiddleOfATransactionalMigrationLeavesNothingOfIt() throws Exception {
        migrator(InterruptedIndexBuildTest.C1.class).build().upgrade("head");
        Sleepy.seconds = 60;
        CompletableFuture<Throwable> run = upgrading(
                migrator(InterruptedIndexBuildTest.C1.class, Sleepy.class).build());
        waitForQuery("SELECT pg_sleep(");
        server.crashAndRestart();
        Throwable thrown = run.get(60, TimeUnit.SECONDS);
        assertThat(thrown)
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Migration d2_sleepy (slow) failed during upgrade.")
                .hasMessageContaining("Statement: SELECT pg_sleep(60)")
                .hasMessageContaining(
                        "The transaction was rolled back: d2_sleepy was not applied and nothing was recorded for it.");
        assertThat(query(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'sleepy'"))
                .containsExactly("0");

        Sleepy.seconds = 0;
        migrator(InterruptedIndexBuildTest.C1.class, Sleepy.class).build().upgrade("head");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("d2_sleepy");
    }

    /**
     * The connection breaks (a network failure, a proxy's timeout) while CREATE INDEX CONCURRENTLY
     * waits: the client sees the connection go, the server ends the session within a second
     * (client_connection_check_interval, PostgreSQL 14 and later) and the build with it, leaving its
     * invalid index; the next run builds it again.
     */
    @Test
    void aConnectionCutInTheMiddleOfAConcurrentBuildLeavesAnInvalidIndexTheNextRunBuildsAgain() throws Exception {
        migrator(InterruptedIndexBuildTest.C1.class).build().upgrade("head");
        String database = query(db, "SELECT current_database()").get(0);
        Throwable thrown;
        try (CuttableProxy proxy = CuttableProxy.to(server.port());
                Cuts.Blocker writer = new Cuts.Blocker(db, "INSERT INTO accounts VALUES (5000, 'late@example.com')")) {
            CompletableFuture<Throwable> run = upgrading(Migrator.builder()
                    .url("jdbc:postgresql://localhost:" + proxy.port() + "/" + database + "?user=postgres")
                    .migrations(InterruptedIndexBuildTest.C1.class, InterruptedIndexBuildTest.C2Index.class)
                    .log(log)
                    .lockTimeout(Duration.ZERO)
                    .build());
            Cuts.waitingSession(db, "CREATE UNIQUE INDEX CONCURRENTLY");
            proxy.cut();
            thrown = run.get(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!query(db, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'CREATE UNIQUE INDEX%'")
                    .equals(List.of("0"))) {
                assertThat(System.nanoTime())
                        .as("the server ended the session whose client went away")
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
        }
        assertThat(thrown)
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("[SQLSTATE 08006]")
                .hasMessageContaining("So the index ix_accounts_email may be there now");
        assertThat(Cuts.index(db, "ix_accounts_email")).containsExactly("ix_accounts_email|f");

        migrator(InterruptedIndexBuildTest.C1.class, InterruptedIndexBuildTest.C2Index.class)
                .build()
                .upgrade("head");
        assertThat(Cuts.index(db, "ix_accounts_email")).containsExactly("ix_accounts_email|t");
    }

    /**
     * The connection breaks in the middle of a migration in a transaction of its own: the server rolls
     * it back when it sees its client gone, nothing of it stays, and the next run applies it.
     */
    @Test
    void aConnectionCutInTheMiddleOfATransactionalMigrationLeavesNothingOfIt() throws Exception {
        migrator(InterruptedIndexBuildTest.C1.class).build().upgrade("head");
        String database = query(db, "SELECT current_database()").get(0);
        Sleepy.seconds = 60;
        Throwable thrown;
        try (CuttableProxy proxy = CuttableProxy.to(server.port())) {
            CompletableFuture<Throwable> run = upgrading(Migrator.builder()
                    .url("jdbc:postgresql://localhost:" + proxy.port() + "/" + database + "?user=postgres")
                    .migrations(InterruptedIndexBuildTest.C1.class, Sleepy.class)
                    .log(log)
                    .build());
            waitForQuery("SELECT pg_sleep(");
            proxy.cut();
            thrown = run.get(60, TimeUnit.SECONDS);
        }
        assertThat(thrown)
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Statement: SELECT pg_sleep(60)")
                .hasMessageContaining("[SQLSTATE 08006]")
                .hasMessageContaining(
                        "The transaction was rolled back: d2_sleepy was not applied and nothing was recorded for it.");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!query(db, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(%'")
                .equals(List.of("0"))) {
            assertThat(System.nanoTime())
                    .as("the server ended the session whose client went away")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(query(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'sleepy'"))
                .containsExactly("0");

        Sleepy.seconds = 0;
        migrator(InterruptedIndexBuildTest.C1.class, Sleepy.class).build().upgrade("head");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("d2_sleepy");
    }

    /** No connection slot is free: the run stops before anything runs, and says what to do. */
    @Test
    void noFreeConnectionSlotStopsTheRunBeforeAnythingRuns() throws Exception {
        String database = query(db, "SELECT current_database()").get(0);
        server.execute(
                database,
                "DO $$ BEGIN CREATE ROLE slots LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
                "GRANT ALL ON SCHEMA public TO slots");
        DataSource asSlots = server.dataSource(database);
        ((org.postgresql.ds.PGSimpleDataSource) asSlots).setUser("slots");
        List<Connection> taken = new ArrayList<>();
        try {
            // a role that is no superuser gets max_connections less the slots kept for superusers
            while (true) {
                try {
                    taken.add(asSlots.getConnection());
                } catch (SQLException e) {
                    assertThat(e.getSQLState()).isEqualTo("53300");
                    break;
                }
                assertThat(taken).hasSizeLessThan(20);
            }
            Migrator m = Migrator.builder()
                    .url("jdbc:postgresql://localhost:" + server.port() + "/" + database + "?user=slots")
                    .migrations(InterruptedIndexBuildTest.C1.class)
                    .log(log)
                    .build();
            assertThatThrownBy(() -> m.upgrade("head"))
                    .isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("connection slots")
                    .hasMessageContaining("Every connection the server allows is in use (max_connections, or a"
                            + " CONNECTION LIMIT of the role or the database), so nothing was run.");
        } finally {
            for (Connection c : taken) {
                c.close();
            }
        }
        assertThat(query(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'migrate_version'"))
                .containsExactly("0");
    }

    /**
     * A statement_timeout a DBA set on the database (not the run's statementTimeout) cancels a long
     * statement: its migration is rolled back, and the message names the SQLSTATE and the statement.
     */
    @Test
    void aDbasStatementTimeoutRollsTheMigrationBack() throws Exception {
        migrator(InterruptedIndexBuildTest.C1.class).build().upgrade("head");
        String database = query(db, "SELECT current_database()").get(0);
        server.execute(database, "ALTER DATABASE " + database + " SET statement_timeout = '500ms'");
        Sleepy.seconds = 5;
        try {
            assertThatThrownBy(() -> migrator(InterruptedIndexBuildTest.C1.class, Sleepy.class)
                            .build()
                            .upgrade("head"))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("Statement: SELECT pg_sleep(5)")
                    .hasMessageContaining("[SQLSTATE 57014]: ERROR: canceling statement due to statement timeout")
                    .hasMessageContaining("The transaction was rolled back: d2_sleepy was not applied");
        } finally {
            server.execute(database, "ALTER DATABASE " + database + " RESET statement_timeout");
        }
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("c1");
    }

    private void waitForQuery(String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (query(
                        db,
                        "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '" + prefix + "%'")
                .equals(List.of("0"))) {
            assertThat(System.nanoTime()).as("%s runs", prefix).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** A table, then a statement that takes {@link #seconds}: one transaction. */
    @Revision(id = "d2_sleepy", revises = "c1", message = "slow")
    public static class Sleepy implements Migration {
        static volatile int seconds;

        @Override
        public void upgrade(Operations op) {
            op.createTable("sleepy", column("id", "int"));
            op.execute("SELECT pg_sleep(" + seconds + ")");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("sleepy");
        }
    }
}
