package dev.migrate.internal.runtime;

import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Fleet;
import dev.migrate.FleetResult;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.TenantResult;
import dev.migrate.TenantResult.Outcome;
import dev.migrate.connection.DescribedDataSource;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A fleet's run keeps its connections from one tenant to the next in a shared database, when its DataSource opens a
 * new session for each (a URL's, the faces'): it logs in about as many times as it runs tenants at once, and no
 * tenant sees what an earlier one left in the session it inherits (a setting, a temporary table, an advisory lock,
 * a transaction its failure left open); a connection its tenant broke is not handed on; nothing stays open after the
 * run. A pool's connections are taken from it and closed back into it, never reset: a reset would undo what the
 * pool set up on them.
 */
class FleetKeptConnectionsTest {

    /** What the session looks like when the tenant's first step starts; then it leaves everything it can behind. */
    @Revision(id = "k1", message = "look, then leave the session untidy")
    public static class LookThenLeave implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE seen (work_mem text, temp_left boolean, locks_left bigint, in_schema text)");
            op.execute(
                    "INSERT INTO seen SELECT current_setting('work_mem'), to_regclass('pg_temp.scratch') IS NOT NULL,"
                            + " (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242"
                            + " AND pid = pg_backend_pid()), current_schema()");
            op.execute("SET work_mem = '7MB'");
            op.execute("CREATE TEMP TABLE scratch (x int)");
            op.execute("SELECT pg_try_advisory_lock(4242)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE seen");
        }
    }

    /**
     * Fails in two tenants: in {@code t_03} it ends its own session (the connection is broken), in {@code t_05} it
     * raises an error inside the step's transaction.
     */
    @Revision(id = "k2", revises = "k1", message = "fail in two tenants")
    public static class FailInTwo implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("DO $$ BEGIN IF current_schema() = 't_03' THEN PERFORM pg_terminate_backend(pg_backend_pid());"
                    + " END IF; IF current_schema() = 't_05' THEN RAISE EXCEPTION 'refused in t_05'; END IF; END $$");
            op.execute("CREATE TABLE after_k1 (id int)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE after_k1");
        }
    }

    @Test
    void twelveTenantsOnOneThreadShareTwoConnectionsAndEachStartsFromANewSessionsState() throws Exception {
        DataSource db = TestPostgres.freshDatabase("fleet_kept");
        List<String> schemas = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> String.format(java.util.Locale.ROOT, "t_%02d", i))
                .toList();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.execute("CREATE SCHEMA " + schema);
            }
        }
        NewSessions counting = new NewSessions(db);

        FleetResult result = Fleet.builder(Migrator.builder()
                        .dataSource(counting)
                        .migrations(LookThenLeave.class, FailInTwo.class)
                        .log(new Fixtures.RecordingLog()))
                .tenants("t\\_%")
                .parallel(1)
                .build()
                .upgrade("head");

        Map<String, Outcome> outcomes =
                result.tenants().stream().collect(Collectors.toMap(TenantResult::tenant, TenantResult::outcome));
        assertThat(outcomes).hasSize(12);
        assertThat(outcomes).containsEntry("t_03", Outcome.FAILED).containsEntry("t_05", Outcome.FAILED);
        assertThat(outcomes.entrySet().stream().filter(e -> e.getValue() == Outcome.MIGRATED))
                .hasSize(10);
        assertThat(result.failed()).extracting(TenantResult::error).anyMatch(e -> e.contains("refused in t_05"));
        for (String schema : schemas) {
            // every tenant's first step found a new session's state, whatever ran on its connection before
            assertThat(query(
                            db,
                            "SELECT work_mem || ' ' || temp_left || ' ' || locks_left || ' ' || in_schema FROM "
                                    + schema + ".seen"))
                    .as(schema)
                    .containsExactly(defaultWorkMem(db) + " false 0 " + schema);
            boolean failed = schema.equals("t_03") || schema.equals("t_05");
            assertThat(query(db, "SELECT string_agg(version_num, ',') FROM " + schema + ".migrate_version"))
                    .as(schema)
                    .containsExactly(failed ? "k1" : "k2");
            assertThat(query(db, "SELECT count(*) FROM " + schema + ".migrate_history WHERE direction = 'upgrade'"))
                    .as(schema)
                    .containsExactly(failed ? "1" : "2");
        }
        // the lock's connection and the steps' for the one tenant at a time, the bulk read of the version tables,
        // and the connection t_03 broke, opened again: not two for each of the twelve tenants
        assertThat(counting.opened.get()).as("logins").isLessThanOrEqualTo(5);
        assertThat(openSessionsBesidesThisOne(db))
                .as("sessions left open after the run")
                .isZero();

        // a second run finds the two failed tenants and finishes neither (their steps still fail), on kept
        // connections again, and leaves nothing open
        counting.opened.set(0);
        FleetResult again = Fleet.builder(Migrator.builder()
                        .dataSource(counting)
                        .migrations(LookThenLeave.class, FailInTwo.class)
                        .log(new Fixtures.RecordingLog()))
                .tenants("t\\_%")
                .parallel(1)
                .build()
                .upgrade("head");
        assertThat(again.with(Outcome.UNCHANGED)).hasSize(10);
        assertThat(again.failed()).extracting(TenantResult::tenant).containsExactlyInAnyOrder("t_03", "t_05");
        assertThat(openSessionsBesidesThisOne(db))
                .as("sessions left open after the second run")
                .isZero();
    }

    /** The setting as a new session has it. */
    private static String defaultWorkMem(DataSource db) throws SQLException {
        return query(db, "SELECT current_setting('work_mem')").get(0);
    }

    /** The database's sessions other than the asking one, once closed sessions have had time to end. */
    private static long openSessionsBesidesThisOne(DataSource db) throws SQLException, InterruptedException {
        long open = 0;
        for (int i = 0; i < 50; i++) {
            open = Long.parseLong(query(
                            db,
                            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                    + " AND pid <> pg_backend_pid()")
                    .get(0));
            if (open == 0) {
                break;
            }
            Thread.sleep(100);
        }
        return open;
    }

    @Test
    void aPoolsConnectionsAreTakenFromItForEachTenantAndNeverReset() throws Exception {
        DataSource db = TestPostgres.freshDatabase("fleet_pool");
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (int i = 1; i <= 6; i++) {
                s.execute("CREATE SCHEMA p_0" + i);
            }
        }
        Fixtures.CountingDataSource pool = new Fixtures.CountingDataSource(db); // says nothing of its sessions

        FleetResult result = Fleet.builder(Migrator.builder()
                        .dataSource(pool)
                        .migrations(LookThenLeave.class)
                        .log(new Fixtures.RecordingLog()))
                .tenants("p\\_%")
                .parallel(1)
                .build()
                .upgrade("head");

        assertThat(result.with(Outcome.MIGRATED)).hasSize(6);
        assertThat(pool.opened.get()).as("connections taken from the pool").isGreaterThanOrEqualTo(12);
        assertThat(openSessionsBesidesThisOne(db)).isZero();
    }

    /** A DataSource that says each of its connections is a new session, as the faces' own does; it counts them. */
    private static final class NewSessions extends Fixtures.CountingDataSource implements DescribedDataSource {
        NewSessions(DataSource delegate) {
            super(delegate);
        }

        @Override
        public String description() {
            return "the tests' PostgreSQL";
        }

        @Override
        public boolean opensNewSessions() {
            return true;
        }
    }
}
