package dev.migrate.internal.runtime;

import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Fleet;
import dev.migrate.FleetResult;
import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.TenantResult.Outcome;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A fleet under stress: a process killed with kill -9 in the middle of it, and a thousand tenant
 * schemas on one server.
 */
class FleetStressTest {

    @Revision(id = "s1", message = "create items")
    public static class S1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE items (id int PRIMARY KEY)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE items");
        }
    }

    @Revision(id = "s2", revises = "s1", message = "add note, slowly")
    public static class S2 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("ALTER TABLE items ADD COLUMN note text");
            op.execute("SELECT pg_sleep(0.4)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("ALTER TABLE items DROP COLUMN note");
        }
    }

    @Revision(id = "s3", revises = "s2", message = "index note")
    public static class S3 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE INDEX ix_items_note ON items (note)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP INDEX ix_items_note");
        }
    }

    static final Class<?>[] SLOW_CHAIN = {S1.class, S2.class, S3.class};

    @Revision(id = "t1", message = "a tiny step")
    public static class Tiny implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("COMMENT ON SCHEMA public IS NULL");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("COMMENT ON SCHEMA public IS NULL");
        }
    }

    /** Runs a fleet upgrade of the schemas {@code k_0} to {@code k_<n-1>}, as a process that is killed. */
    public static final class FleetMain {
        public static void main(String[] args) {
            Fleet.builder(Migrator.builder()
                            .url(args[0], "postgres", null)
                            .migrations(SLOW_CHAIN)
                            .log(MigrationLog.console()))
                    .tenants("k\\_%")
                    .parallel(4)
                    .build()
                    .upgrade("head");
        }
    }

    private static void createSchemas(DataSource db, String prefix, int count) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN FOR i IN 0.." + (count - 1) + " LOOP EXECUTE format('CREATE SCHEMA %I', '" + prefix
                    + "' || i); END LOOP; END $$");
        }
    }

    @Test
    void aFleetKilledMidRunLeavesEveryTenantAtARevisionAndTheNextRunCompletesThem() throws Exception {
        String database = TestPostgres.createDatabase("fleet_killed");
        DataSource db = TestPostgres.dataSource(database);
        int tenants = 24;
        createSchemas(db, "k_", tenants);
        Path out = Files.createTempFile("migrate-fleet-killed", ".log");
        Process process = Fixtures.startJvm(out, List.of(), FleetMain.class, TestPostgres.jdbcUrl(database));
        // kill it once some tenants are done and others are not
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (headCount(db) < 3 && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(process.isAlive())
                .as("still running when killed:%n%s", Files.readString(out))
                .isTrue();
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no unlock, no rollback from the client
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int headAtKill = headCount(db);
        assertThat(headAtKill).as("tenants at head when killed").isBetween(3, tenants - 1);

        for (int i = 0; i < tenants; i++) {
            String schema = "k_" + i;
            List<String> version = query(db, "SELECT to_regclass('" + schema + ".migrate_version') IS NULL")
                            .equals(List.of("t"))
                    ? List.of("none")
                    : query(db, "SELECT coalesce(max(version_num), 'none') FROM " + schema + ".migrate_version");
            String expected = query(
                            db,
                            "SELECT CASE"
                                    + " WHEN to_regclass('" + schema + ".ix_items_note') IS NOT NULL THEN 's3'"
                                    + " WHEN EXISTS (SELECT FROM information_schema.columns WHERE table_schema = '"
                                    + schema
                                    + "' AND table_name = 'items' AND column_name = 'note') THEN 's2'"
                                    + " WHEN to_regclass('" + schema + ".items') IS NOT NULL THEN 's1' ELSE 'none' END")
                    .get(0);
            assertThat(version)
                    .as("the version row of %s matches its objects", schema)
                    .containsExactly(expected);
        }

        FleetResult next = Fleet.builder(Migrator.builder()
                        .dataSource(db)
                        .migrations(SLOW_CHAIN)
                        .log(new Fixtures.RecordingLog())
                        .lockWaitTimeout(Duration.ofSeconds(30)))
                .tenants("k\\_%")
                .parallel(4)
                .build()
                .upgrade("head");
        assertThat(next.succeeded()).isTrue();
        assertThat(next.with(Outcome.UNCHANGED)).hasSize(headAtKill);
        assertThat(next.with(Outcome.MIGRATED)).hasSize(tenants - headAtKill);
        for (int i = 0; i < tenants; i++) {
            assertThat(query(
                            db,
                            "SELECT revision, count(*) FROM k_" + i + ".migrate_history"
                                    + " WHERE direction = 'upgrade' GROUP BY revision ORDER BY revision"))
                    .as("k_%d applied each step once", i)
                    .containsExactly("s1|1", "s2|1", "s3|1");
        }
    }

    private static int headCount(DataSource db) throws Exception {
        return Integer.parseInt(query(
                        db,
                        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                                + "c.relnamespace WHERE c.relname = 'ix_items_note' AND n.nspname LIKE 'k\\_%'")
                .get(0));
    }

    @Test
    void aThousandTenantSchemasRunOnABoundedPoolWithinTheLockTable() throws Exception {
        String database = TestPostgres.createDatabase("fleet_thousand");
        DataSource db = TestPostgres.dataSource(database);
        CountingDataSource counted = new CountingDataSource(db);
        int tenants = 1000;
        createSchemas(db, "m_", tenants);
        int maxConnections = Integer.parseInt(query(db, "SHOW max_connections").get(0));
        int locksPerTransaction =
                Integer.parseInt(query(db, "SHOW max_locks_per_transaction").get(0));
        Fleet fleet = Fleet.builder(Migrator.builder()
                        .dataSource(counted)
                        .migrations(Tiny.class)
                        .log(new Fixtures.RecordingLog()))
                .tenants("m\\_%")
                .build();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger mostSessions = new AtomicInteger();
        CompletableFuture<Void> watch = CompletableFuture.runAsync(() -> {
            try (Connection c = db.getConnection();
                    Statement s = c.createStatement()) {
                while (running.get()) {
                    try (var rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database
                            + "' AND application_name = 'migrate'")) {
                        rs.next();
                        mostSessions.accumulateAndGet(rs.getInt(1), Math::max);
                    }
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        FleetResult result;
        try {
            result = fleet.upgrade("head");
        } finally {
            running.set(false);
        }
        watch.get(10, TimeUnit.SECONDS);
        Duration upgrade = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        FleetResult again = fleet.upgrade("head");
        Duration noOp = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf(
                "Fleet of %d tenant schemas (max_connections %d, max_locks_per_transaction %d): upgrade %d ms, "
                        + "no-op upgrade %d ms, at most %d sessions at once%n",
                tenants, maxConnections, locksPerTransaction, upgrade.toMillis(), noOp.toMillis(), mostSessions.get());

        assertThat(result.failed()).isEmpty();
        assertThat(result.with(Outcome.MIGRATED)).hasSize(tenants);
        int parallel = Math.min(2 * Runtime.getRuntime().availableProcessors(), maxConnections / 4);
        // Each tenant at work holds at most two connections (its lock and its work), so the fleet
        // never has more than two per worker open at once.
        assertThat(counted.mostOpen()).as("connections open at once").isBetween(1, 2 * parallel);
        // The server lists a session a little longer than the client holds it: a backend whose client
        // closed it is still on its way out while the worker opens the next tenant's. Bounded all the
        // same, and far below max_connections.
        assertThat(mostSessions.get()).as("sessions at once").isBetween(1, 3 * parallel);
        assertThat(again.with(Outcome.UNCHANGED)).hasSize(tenants);
        assertThat(query(
                        db,
                        "SELECT count(*) FROM pg_tables WHERE tablename = 'migrate_version' AND schemaname LIKE "
                                + "'m\\_%'"))
                .containsExactly(String.valueOf(tenants));
        System.out.printf(
                "Mean tenant run %d ms%n",
                result.tenants().stream()
                                .mapToLong(t -> t.duration().toMillis())
                                .sum()
                        / tenants);
    }

    /** Counts the connections the fleet holds open at once, on the client's side. */
    private static final class CountingDataSource implements DataSource {
        private final DataSource target;
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger mostOpen = new AtomicInteger();

        CountingDataSource(DataSource target) {
            this.target = target;
        }

        int mostOpen() {
            return mostOpen.get();
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            Connection c = target.getConnection();
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            AtomicBoolean closed = new AtomicBoolean();
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
                            open.decrementAndGet();
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) {
            throw new UnsupportedOperationException("the fleet connects with the DataSource's own user");
        }

        @Override
        public java.io.PrintWriter getLogWriter() throws java.sql.SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) throws java.sql.SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws java.sql.SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws java.sql.SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
            return target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws java.sql.SQLException {
            return target.isWrapperFor(type);
        }
    }
}
