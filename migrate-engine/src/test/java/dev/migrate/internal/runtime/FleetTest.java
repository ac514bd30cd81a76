package dev.migrate.internal.runtime;

import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.CurrentRevision;
import dev.migrate.Fleet;
import dev.migrate.FleetResult;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.TenantResult;
import dev.migrate.TenantResult.Outcome;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A fleet of tenant schemas, or of tenant databases, migrated in one call: each tenant with its own
 * version tables, lock and {@code search_path}, failures kept to the tenant, and every step applied
 * once per tenant however many runs go at once. Atlas's {@code for_each} deployments document the
 * same semantics (each target its own revision table, one target's failure reported with the others
 * carried on); the cases here follow them.
 */
@LongSuite
class FleetTest {

    private static void execute(DataSource db, String... sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static Fleet.Builder fleet(DataSource db, Fixtures.RecordingLog log) {
        return Fleet.builder(Migrator.builder()
                        .dataSource(db)
                        .migrations(Fixtures.CHAIN)
                        .log(log))
                .parallel(2);
    }

    private static Map<String, Outcome> outcomes(FleetResult result) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        result.tenants().forEach(t -> outcomes.put(t.tenant(), t.outcome()));
        return outcomes;
    }

    @Test
    void anInspectionReadsTheTenantSchemasOfADatabaseInGroupsOfAHundredAtLeastUpToOnePerThread() throws Exception {
        DataSource db = TestPostgres.freshDatabase("fleet_inspect");
        List<String> schemas = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            schemas.add(String.format("CREATE SCHEMA t_%03d", i));
        }
        execute(db, schemas.toArray(String[]::new));
        List<List<String>> groups = java.util.Collections.synchronizedList(new ArrayList<>());

        Map<String, Integer> read = fleet(db, new Fixtures.RecordingLog())
                .tenants("t\\_%")
                .parallel(3)
                .build()
                .inspect(groupsInto(groups));

        // 250 tenants on 3 threads: groups of 100 (84 would be too few for a bulk read), each tenant in one
        assertThat(read).hasSize(250);
        assertThat(groups).extracting(List::size).containsExactlyInAnyOrder(100, 100, 50);
        assertThat(groups.stream().flatMap(List::stream).distinct().count()).isEqualTo(250);
        assertThat(read.keySet()).first().isEqualTo("t_000");

        groups.clear();
        fleet(db, new Fixtures.RecordingLog())
                .tenants("t\\_00%")
                .parallel(3)
                .build()
                .inspect(groupsInto(groups));
        assertThat(groups).extracting(List::size).containsExactly(10);
    }

    /**
     * {@code current} of a fleet of tenant databases reads them side by side, as many at once as the fleet's threads,
     * and lists them in the fleet's order. The harness: every tenant's version table locked by a transaction of
     * another session, so that each read waits on the server where it can be counted; the reads waiting at once are
     * as many as the threads (one at a time before), never more; once the locks go, every tenant is read exactly.
     */
    @Test
    void currentReadsTheTenantDatabasesSideBySideAsManyAsTheFleetsThreads() throws Exception {
        List<String> urls = new ArrayList<>();
        List<DataSource> databases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = TestPostgres.createDatabase("fleet_current_" + i);
            urls.add(TestPostgres.jdbcUrl(name));
            databases.add(TestPostgres.dataSource(name));
        }
        Fleet fleet = Fleet.builder(
                        Migrator.builder().migrations(Fixtures.CHAIN).log(new Fixtures.RecordingLog()))
                .databases(urls, "postgres", null)
                .parallel(3)
                .build();
        assertThat(fleet.upgrade("r2").with(Outcome.MIGRATED)).hasSize(6);
        List<Connection> locks = new ArrayList<>();
        CompletableFuture<Map<String, List<CurrentRevision>>> current;
        int mostWaiting = 0;
        try {
            for (DataSource database : databases) {
                Connection lock = database.getConnection();
                locks.add(lock);
                lock.setAutoCommit(false);
                try (Statement s = lock.createStatement()) {
                    s.execute("LOCK TABLE public.migrate_version IN ACCESS EXCLUSIVE MODE");
                }
            }
            current = CompletableFuture.supplyAsync(fleet::current);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            // the reads waiting on the locks, counted until three have waited at once, then for a while longer
            long until = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, until)) {
                int waiting = Integer.parseInt(query(
                                databases.get(0),
                                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                        + " AND datname LIKE 'fleet\\_current\\_%'")
                        .get(0));
                mostWaiting = Math.max(mostWaiting, waiting);
                if (mostWaiting == 3 && until == Long.MAX_VALUE) {
                    until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
                }
                Thread.sleep(20);
            }
            assertThat(current).isNotDone();
        } finally {
            for (Connection lock : locks) {
                lock.rollback();
                lock.close();
            }
        }
        assertThat(mostWaiting).as("reads waiting at once, on 3 threads").isEqualTo(3);
        Map<String, List<CurrentRevision>> read = current.get(20, TimeUnit.SECONDS);
        assertThat(read.keySet())
                .as("the fleet's order")
                .extracting(name -> name.replaceAll(".*/fleet_current_(\\d+).*", "$1"))
                .containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(read.values())
                .allSatisfy(
                        rows -> assertThat(rows).extracting(CurrentRevision::id).containsExactly("r2"));
    }

    /** An inspection that adds each group's tenants to {@code groups} and gives each tenant its group's size. */
    private static Fleet.Inspection<Integer> groupsInto(List<List<String>> groups) {
        return (tenants, connection) -> {
            groups.add(tenants.stream().map(Fleet.InspectedTenant::name).toList());
            Map<String, Integer> sizes = new LinkedHashMap<>();
            tenants.forEach(t -> sizes.put(t.name(), tenants.size()));
            return sizes;
        };
    }

    @Test
    void eachTenantSchemaGetsItsOwnTablesAndVersionTablesAndANoOpRunTakesNoLock() throws Exception {
        DataSource db = TestPostgres.freshDatabase("fleet_schemas");
        execute(db, "CREATE SCHEMA t_a", "CREATE SCHEMA t_b", "CREATE SCHEMA t_c", "CREATE SCHEMA other");
        Fixtures.RecordingLog log = new Fixtures.RecordingLog();

        FleetResult first = fleet(db, log).tenants("t\\_%").build().upgrade("head");

        assertThat(outcomes(first))
                .containsExactly(
                        Map.entry("t_a", Outcome.MIGRATED),
                        Map.entry("t_b", Outcome.MIGRATED),
                        Map.entry("t_c", Outcome.MIGRATED));
        assertThat(first.tenants()).allSatisfy(t -> {
            assertThat(t.before()).isEmpty();
            assertThat(t.after()).containsExactly("r3");
            assertThat(t.steps()).extracting(s -> s.revision()).containsExactly("r1", "r2", "r3");
        });
        // unqualified names landed in each tenant's schema, none in public or in a schema not matched
        assertThat(query(
                        db,
                        "SELECT table_schema FROM information_schema.tables WHERE table_name = 'agents'"
                                + " ORDER BY 1"))
                .containsExactly("t_a", "t_b", "t_c");
        for (String schema : List.of("t_a", "t_b", "t_c")) {
            assertThat(query(db, "SELECT version_num FROM " + schema + ".migrate_version"))
                    .containsExactly("r3");
            assertThat(query(db, "SELECT count(*) FROM " + schema + ".migrate_history WHERE direction = 'upgrade'"))
                    .containsExactly("3");
        }
        assertThat(query(db, "SELECT to_regclass('public.migrate_version') IS NULL"))
                .containsExactly("t");
        assertThat(log.lines).anyMatch(l -> l.startsWith("[t_a] Running upgrade"));
        assertThat(log.lines)
                .anyMatch(l ->
                        l.matches("Fleet upgrade to head: 3 tenants in \\d+ ms: 3 migrated, 0 unchanged, 0 failed, "
                                + "0 not run\\."));

        log.lines.clear();
        FleetResult again = fleet(db, log).tenants("t\\_%").build().upgrade("head");

        assertThat(again.with(Outcome.UNCHANGED)).hasSize(3);
        assertThat(again.tenants()).allSatisfy(t -> assertThat(t.after()).containsExactly("r3"));
        // read in bulk: no tenant's engine ran, so none logged a line of its own
        assertThat(log.lines).noneMatch(l -> l.contains("[t_"));
        assertThat(log.lines).contains("Unchanged (3), by revision:", "  r3: 3");

        Map<String, List<CurrentRevision>> current =
                fleet(db, log).tenants("t_a, t_b, t_c").build().current();
        assertThat(current).containsOnlyKeys("t_a", "t_b", "t_c");
        assertThat(current.get("t_b")).extracting(CurrentRevision::toString).containsExactly("r3 (head)");
    }

    @Test
    void aFailingTenantIsNamedWithItsErrorWhileTheOthersReachHeadAndTheNextRunMigratesOnlyIt() throws Exception {
        DataSource db = TestPostgres.freshDatabase("fleet_failure");
        execute(
                db,
                "CREATE SCHEMA t_a",
                "CREATE SCHEMA t_b",
                "CREATE SCHEMA t_c",
                "CREATE TABLE t_b.tasks (id int)"); // r2 creates tasks: it is already there
        Fixtures.RecordingLog log = new Fixtures.RecordingLog();

        FleetResult result = fleet(db, log).tenants("t_a,t_b,t_c").build().upgrade("head");

        assertThat(result.succeeded()).isFalse();
        assertThat(outcomes(result))
                .containsExactly(
                        Map.entry("t_a", Outcome.MIGRATED),
                        Map.entry("t_b", Outcome.FAILED),
                        Map.entry("t_c", Outcome.MIGRATED));
        TenantResult failed = result.failed().get(0);
        assertThat(failed.error()).contains("r2").contains("\"tasks\" already exists");
        assertThat(failed.after()).containsExactly("r1");
        assertThat(failed.steps()).extracting(s -> s.revision()).containsExactly("r1");
        assertThat(query(db, "SELECT version_num FROM t_b.migrate_version")).containsExactly("r1");
        assertThat(log.lines).anyMatch(l -> l.startsWith("Failed (1):"));
        assertThat(log.lines).anyMatch(l -> l.startsWith("  t_b ") && l.contains("already exists"));

        execute(db, "DROP TABLE t_b.tasks");
        FleetResult next = fleet(db, log).tenants("t_a,t_b,t_c").build().upgrade("head");

        assertThat(outcomes(next))
                .containsExactly(
                        Map.entry("t_a", Outcome.UNCHANGED),
                        Map.entry("t_b", Outcome.MIGRATED),
                        Map.entry("t_c", Outcome.UNCHANGED));
        assertThat(next.tenants().get(1).before()).containsExactly("r1");
        assertThat(next.tenants().get(1).steps()).extracting(s -> s.revision()).containsExactly("r2", "r3");
        assertThat(query(db, "SELECT count(*) FROM t_b.migrate_history WHERE direction = 'upgrade'"))
                .containsExactly("3");
    }

    @Test
    void failFastAndCanaryLeaveTheRestUnrun() throws Exception {
        DataSource db = TestPostgres.freshDatabase("fleet_canary");
        execute(db, "CREATE SCHEMA t_a", "CREATE SCHEMA t_b", "CREATE SCHEMA t_c", "CREATE TABLE t_a.tasks (id int)");
        Fixtures.RecordingLog log = new Fixtures.RecordingLog();

        FleetResult canary =
                fleet(db, log).tenants("t_a,t_b,t_c").canary(1).build().upgrade("head");

        assertThat(outcomes(canary))
                .containsExactly(
                        Map.entry("t_a", Outcome.FAILED),
                        Map.entry("t_b", Outcome.NOT_RUN),
                        Map.entry("t_c", Outcome.NOT_RUN));
        assertThat(canary.tenants().get(1).error()).contains("canary");
        assertThat(query(db, "SELECT count(*) FROM information_schema.tables WHERE table_schema IN ('t_b', 't_c')"))
                .containsExactly("0");

        FleetResult failFast = fleet(db, log)
                .tenants("t_a,t_b,t_c")
                .parallel(1)
                .failFast(true)
                .build()
                .upgrade("head");
        assertThat(outcomes(failFast))
                .containsExactly(
                        Map.entry("t_a", Outcome.FAILED),
                        Map.entry("t_b", Outcome.NOT_RUN),
                        Map.entry("t_c", Outcome.NOT_RUN));
        assertThat(failFast.tenants().get(2).error()).contains("failFast");

        FleetResult goOn =
                fleet(db, log).tenants("t_a,t_b,t_c").parallel(1).build().upgrade("head");
        assertThat(outcomes(goOn))
                .containsExactly(
                        Map.entry("t_a", Outcome.FAILED),
                        Map.entry("t_b", Outcome.MIGRATED),
                        Map.entry("t_c", Outcome.MIGRATED));
    }

    @Test
    void aTenantNamedTwiceRunsOnceAndAnEmptyFleetIsAnErrorThatNamesTheSetting() throws Exception {
        DataSource db = TestPostgres.freshDatabase("fleet_members");
        execute(db, "CREATE SCHEMA t_a", "CREATE SCHEMA t_b", "CREATE TABLE public.tenants (name text)");
        execute(db, "INSERT INTO public.tenants VALUES ('t_b'), ('t_a')");
        Fixtures.RecordingLog log = new Fixtures.RecordingLog();

        Fleet fleet = fleet(db, log)
                .tenants("t_a, t_a, t\\_%, query:SELECT name FROM public.tenants WHERE name IN ('t_a', 't_b')")
                .build();
        assertThat(fleet.tenants()).containsExactly("t_a", "t_b");

        assertThatThrownBy(() -> fleet(db, log).tenants("nobody_%").build().upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The fleet is empty: the tenants 'nobody_%' match no schema on")
                .hasMessageContaining("-Dmigrate.tenants or <tenants> in Maven, migrate.tenants in Spring Boot");
        assertThatThrownBy(() -> fleet(db, log).tenants(" , ").build())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("name no schema");
        assertThatThrownBy(() -> fleet(db, log)
                        .tenants("query:SELECT nope FROM nowhere")
                        .build()
                        .upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The tenants query")
                .hasMessageContaining("nowhere");
    }

    @Test
    void twoFleetRunsAtOnceApplyEveryStepOncePerTenant() throws Exception {
        DataSource db = TestPostgres.freshDatabase("fleet_twice");
        List<String> schemas = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            schemas.add("t_" + i);
            execute(db, "CREATE SCHEMA t_" + i);
        }
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<FleetResult>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Fleet fleet = fleet(db, new Fixtures.RecordingLog())
                    .tenants(String.join(",", schemas))
                    .parallel(3)
                    .build();
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return fleet.upgrade("head");
            }));
        }
        for (CompletableFuture<FleetResult> run : runs) {
            assertThat(run.get(120, TimeUnit.SECONDS).succeeded()).isTrue();
        }
        for (String schema : schemas) {
            assertThat(query(
                            db,
                            "SELECT revision, count(*) FROM " + schema + ".migrate_history"
                                    + " WHERE direction = 'upgrade' GROUP BY revision ORDER BY revision"))
                    .as(schema)
                    .containsExactly("r1|1", "r2|1", "r3|1");
        }
    }

    @Test
    void aDatabasePerTenantKeepsItsTablesWhereTheSettingsPutThem() throws Exception {
        String one = TestPostgres.createDatabase("fleet_db_one");
        String two = TestPostgres.createDatabase("fleet_db_two");
        Fixtures.RecordingLog log = new Fixtures.RecordingLog();
        Fleet fleet = Fleet.builder(
                        Migrator.builder().migrations(Fixtures.CHAIN).log(log).progressInterval(Duration.ofMillis(1)))
                .databases(
                        List.of(TestPostgres.jdbcUrl(one), TestPostgres.jdbcUrl(two), TestPostgres.jdbcUrl(one)),
                        "postgres",
                        null)
                .build();

        FleetResult result = fleet.upgrade("head");

        assertThat(result.tenants()).hasSize(2);
        assertThat(result.tenants()).extracting(TenantResult::tenant).allMatch(name -> name.contains("/fleet_db_"));
        assertThat(result.with(Outcome.MIGRATED)).hasSize(2);
        for (String database : List.of(one, two)) {
            assertThat(query(TestPostgres.dataSource(database), "SELECT version_num FROM public.migrate_version"))
                    .containsExactly("r3");
        }
        assertThat(fleet.upgrade("head").with(Outcome.UNCHANGED)).hasSize(2);
        assertThat(fleet.downgrade("-1").with(Outcome.MIGRATED))
                .allSatisfy(t -> assertThat(t.after()).containsExactly("r2"));
        assertThat(fleet.current().values())
                .allSatisfy(
                        rows -> assertThat(rows).extracting(CurrentRevision::id).containsExactly("r2"));
    }

    /**
     * A database of the fleet that is down (its server stopped, or not reachable): that tenant fails
     * with a message that says it could not connect and names the host, port and database, the others
     * reach head, and once it is back the next run migrates it alone. Atlas's for_each deployments
     * report an unreachable target the same way, beside the others.
     */
    @Test
    void aDatabaseThatIsDownFailsAloneAndTheNextRunMigratesItOnceItIsBack() throws Exception {
        String up = TestPostgres.createDatabase("fleet_up");
        String back = TestPostgres.createDatabase("fleet_back");
        // port 1 on this machine: nothing listens there, as for a server that is down
        String down = "jdbc:postgresql://localhost:1/" + back + "?user=postgres&connectTimeout=2";
        Fixtures.RecordingLog log = new Fixtures.RecordingLog();
        FleetResult first = Fleet.builder(
                        Migrator.builder().migrations(Fixtures.CHAIN).log(log))
                .databases(List.of(TestPostgres.jdbcUrl(up), down), "postgres", null)
                .build()
                .upgrade("head");

        assertThat(first.with(Outcome.MIGRATED))
                .singleElement()
                .satisfies(t -> assertThat(t.tenant()).contains(up));
        assertThat(first.with(Outcome.FAILED))
                .singleElement()
                .satisfies(
                        t -> assertThat(t.error()).contains("localhost:1", back).containsIgnoringCase("connect"));

        FleetResult second = Fleet.builder(
                        Migrator.builder().migrations(Fixtures.CHAIN).log(log))
                .databases(List.of(TestPostgres.jdbcUrl(up), TestPostgres.jdbcUrl(back)), "postgres", null)
                .build()
                .upgrade("head");
        assertThat(outcomes(second).values()).containsExactlyInAnyOrder(Outcome.UNCHANGED, Outcome.MIGRATED);
        assertThat(query(TestPostgres.dataSource(back), "SELECT version_num FROM public.migrate_version"))
                .containsExactly("r3");
    }

    @Test
    void stampAndDowngradeTakeTheFleet() throws Exception {
        DataSource db = TestPostgres.freshDatabase("fleet_stamp");
        execute(db, "CREATE SCHEMA t_a", "CREATE SCHEMA t_b");
        Fixtures.RecordingLog log = new Fixtures.RecordingLog();
        Fleet fleet = fleet(db, log).tenants("t_a,t_b").build();

        assertThat(fleet.stamp("r1", false).with(Outcome.MIGRATED)).hasSize(2);
        assertThat(query(db, "SELECT version_num FROM t_a.migrate_version")).containsExactly("r1");
        execute(
                db,
                "CREATE TABLE t_a.agents (id bigint PRIMARY KEY)",
                "CREATE TABLE t_b.agents (id bigint PRIMARY KEY)");
        assertThat(fleet.upgrade("head").with(Outcome.MIGRATED)).hasSize(2);
        FleetResult down = fleet.downgrade("r1");
        assertThat(down.tenants()).allSatisfy(t -> {
            assertThat(t.outcome()).isEqualTo(Outcome.MIGRATED);
            assertThat(t.before()).containsExactly("r3");
            assertThat(t.after()).containsExactly("r1");
        });
        assertThat(query(db, "SELECT to_regclass('t_b.tasks') IS NULL")).containsExactly("t");
    }

    @Test
    void offlineSqlWritesOneScriptPerTenantThatSetsItsSearchPath() {
        Map<String, StringWriter> scripts = new LinkedHashMap<>();
        Fleet.builder(Migrator.builder().migrations(Fixtures.CHAIN))
                .databases(List.of("postgresql://db.example/app"))
                .tenants("t_a, t_b")
                .build()
                .upgradeSql("head", tenant -> scripts.computeIfAbsent(tenant, t -> new StringWriter()));

        assertThat(scripts).containsOnlyKeys("t_a", "t_b");
        String a = String.valueOf(scripts.get("t_a"));
        assertThat(a)
                .contains("SET search_path = t_a, public;")
                .contains("CREATE SCHEMA IF NOT EXISTS t_a;")
                .contains("CREATE TABLE IF NOT EXISTS t_a.migrate_version")
                .contains("CREATE TABLE agents")
                .doesNotContain("t_b");

        assertThatThrownBy(() -> Fleet.builder(Migrator.builder().migrations(Fixtures.CHAIN))
                        .databases(List.of("postgresql://db.example/app"))
                        .tenants("t_%")
                        .build()
                        .upgradeSql("head", tenant -> new StringWriter()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Offline SQL needs the tenants by name");
    }
}
