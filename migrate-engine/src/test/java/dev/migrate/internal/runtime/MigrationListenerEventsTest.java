package dev.migrate.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.AppliedStep;
import dev.migrate.FinishedRun;
import dev.migrate.Fleet;
import dev.migrate.FleetResult;
import dev.migrate.LockWait;
import dev.migrate.MigrateException;
import dev.migrate.MigrationFailedException;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationRun;
import dev.migrate.MigrationStep;
import dev.migrate.Migrator;
import dev.migrate.TenantResult;
import dev.migrate.TenantRun;
import dev.migrate.TimedStatement;
import dev.migrate.testing.TestPostgres;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What a listener hears of a run, a fleet's tenants, statements and the migration lock, in which order and
 * on which thread: the events metrics and traces are built from.
 */
class MigrationListenerEventsTest {

    /** One event as heard: its thread, and a line that names it. */
    record Heard(String thread, String line) {}

    /** Writes each event as a line, with the thread it came on. */
    static final class Recorder implements MigrationListener {
        final List<Heard> heard = new CopyOnWriteArrayList<>();
        final List<MigrationRun> runs = new CopyOnWriteArrayList<>();
        final List<TenantRun> tenants = new CopyOnWriteArrayList<>();

        private void add(String line) {
            heard.add(new Heard(Thread.currentThread().getName(), line));
        }

        List<String> lines() {
            return heard.stream().map(Heard::line).toList();
        }

        @Override
        public void beforeRun(MigrationRun run) {
            runs.add(run);
            add("beforeRun " + run.direction() + " " + run.target() + (run.fleet() ? " fleet" : ""));
        }

        @Override
        public void beforeTenant(TenantRun tenantRun) {
            tenants.add(tenantRun);
            add("beforeTenant " + tenantRun.tenant());
        }

        @Override
        public void beforeStep(MigrationStep step) {
            add("beforeStep " + step.revision());
        }

        @Override
        public void afterStatement(TimedStatement statement) {
            add("afterStatement " + statement.step().revision() + " " + statement.sql());
        }

        @Override
        public void onLockWait(LockWait lockWait) {
            add("onLockWait " + lockWait.kind() + " " + lockWait.subject() + " "
                    + lockWait.waited().isZero());
        }

        @Override
        public void afterStep(AppliedStep step) {
            add("afterStep " + step.revision());
        }

        @Override
        public void onFailure(MigrateException failure) {
            add("onFailure " + (failure instanceof MigrationFailedException f ? f.revision() : failure.getMessage()));
        }

        @Override
        public void afterTenant(TenantResult tenant) {
            add("afterTenant " + tenant.tenant() + " " + tenant.outcome());
        }

        @Override
        public void afterRun(FinishedRun finished) {
            add("afterRun " + finished.succeeded());
        }
    }

    private static void execute(DataSource db, String... sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    @Test
    void aRunIsHeardFromItsStartThroughTheLockAndEachStatementToItsEnd() {
        DataSource db = TestPostgres.freshDatabase("events_run");
        Recorder recorder = new Recorder();

        Migrator.builder()
                .dataSource(db)
                .migrations(Fixtures.CHAIN)
                .log(new Fixtures.RecordingLog())
                .listener(recorder)
                .build()
                .upgrade("head");

        assertThat(recorder.lines())
                .startsWith(
                        "beforeRun UPGRADE head",
                        "onLockWait MIGRATION_LOCK public.migrate_version true",
                        "beforeStep r1")
                .endsWith("afterStep r3", "afterRun true");
        assertThat(recorder.lines().stream().filter(l -> !l.startsWith("afterStatement")))
                .containsExactly(
                        "beforeRun UPGRADE head",
                        "onLockWait MIGRATION_LOCK public.migrate_version true",
                        "beforeStep r1",
                        "afterStep r1",
                        "beforeStep r2",
                        "afterStep r2",
                        "beforeStep r3",
                        "afterStep r3",
                        "afterRun true");
        assertThat(recorder.lines().stream().map(l -> l.lines().findFirst().orElse("")))
                .as("each statement between the start and the end of its step, as it was sent")
                .containsSubsequence(
                        "beforeStep r2",
                        "afterStatement r2 CREATE TABLE tasks (",
                        "afterStatement r2 ALTER TABLE tasks ADD CONSTRAINT fk_tasks_agent FOREIGN KEY (agent_id)"
                                + " REFERENCES agents (id)",
                        "afterStep r2",
                        "beforeStep r3",
                        "afterStatement r3 ALTER TABLE agents ADD COLUMN status varchar(50) DEFAULT 'active' NOT NULL",
                        "afterStatement r3 CREATE INDEX ix_agents_status ON agents (status)",
                        "afterStep r3");
        assertThat(recorder.heard)
                .extracting(Heard::thread)
                .containsOnly(Thread.currentThread().getName());
    }

    @Test
    void aFailingRunIsHeardAtItsFailureThenAtItsEnd() {
        DataSource db = TestPostgres.freshDatabase("events_failure");
        Recorder recorder = new Recorder();
        List<Class<?>> classes = new ArrayList<>(List.of(Fixtures.CHAIN));
        classes.add(Fixtures.R4Bad.class);
        Migrator migrator = Migrator.builder()
                .dataSource(db)
                .migrations(classes.toArray(Class<?>[]::new))
                .log(new Fixtures.RecordingLog())
                .listener(recorder)
                .build();

        assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationFailedException.class);

        List<String> lines = recorder.lines();
        assertThat(lines).endsWith("onFailure r4_bad", "afterRun false");
        assertThat(lines.subList(lines.indexOf("beforeStep r4_bad") + 1, lines.size() - 2))
                .as("the statement that ran is heard, the one that failed is not")
                .singleElement()
                .asString()
                .startsWith("afterStatement r4_bad CREATE TABLE half_done");
    }

    @Test
    void aFleetHearsEachTenantOnItsOwnThreadBetweenTheStartAndTheEndOfTheRun() throws Exception {
        DataSource db = TestPostgres.freshDatabase("events_fleet");
        execute(db, "CREATE SCHEMA t_a", "CREATE SCHEMA t_b", "CREATE SCHEMA t_c", "CREATE TABLE t_b.tasks (id int)");
        Recorder recorder = new Recorder();

        FleetResult result = Fleet.builder(Migrator.builder()
                        .dataSource(db)
                        .migrations(Fixtures.CHAIN)
                        .log(new Fixtures.RecordingLog())
                        .listener(recorder))
                .tenants("t_a,t_b,t_c")
                .parallel(2)
                .build()
                .upgrade("head");

        assertThat(result.failed()).extracting(TenantResult::tenant).containsExactly("t_b");
        String caller = Thread.currentThread().getName();
        assertThat(recorder.heard.get(0)).isEqualTo(new Heard(caller, "beforeRun UPGRADE head fleet"));
        assertThat(recorder.heard.get(recorder.heard.size() - 1)).isEqualTo(new Heard(caller, "afterRun false"));
        assertThat(recorder.tenants)
                .extracting(TenantRun::run)
                .allSatisfy(run -> assertThat(run).isSameAs(recorder.runs.get(0)));

        Map<String, List<String>> byTenant = new LinkedHashMap<>();
        for (String tenant : List.of("t_a", "t_b", "t_c")) {
            List<Heard> heard = recorder.heard;
            int start = recorder.lines().indexOf("beforeTenant " + tenant);
            String thread = heard.get(start).thread();
            List<String> own = new ArrayList<>();
            for (Heard h : heard.subList(start, heard.size())) {
                if (h.thread().equals(thread)) {
                    own.add(h.line());
                    if (h.line().startsWith("afterTenant " + tenant)) {
                        break;
                    }
                }
            }
            assertThat(thread).as(tenant).startsWith("migrate-fleet-");
            byTenant.put(
                    tenant,
                    own.stream().filter(l -> !l.startsWith("afterStatement")).toList());
        }
        assertThat(byTenant.get("t_a"))
                .containsExactly(
                        "beforeTenant t_a",
                        "onLockWait MIGRATION_LOCK t_a.migrate_version true",
                        "beforeStep r1",
                        "afterStep r1",
                        "beforeStep r2",
                        "afterStep r2",
                        "beforeStep r3",
                        "afterStep r3",
                        "afterTenant t_a MIGRATED");
        assertThat(byTenant.get("t_b"))
                .containsExactly(
                        "beforeTenant t_b",
                        "onLockWait MIGRATION_LOCK t_b.migrate_version true",
                        "beforeStep r1",
                        "afterStep r1",
                        "beforeStep r2",
                        "onFailure r2",
                        "afterTenant t_b FAILED");
        assertThat(result.failed().get(0).steps())
                .as("the steps a failing tenant applied are still its result's")
                .extracting(AppliedStep::revision)
                .containsExactly("r1");
    }

    @Test
    void aTenantTheFleetDidNotRunIsHeardOnlyAtItsEnd() throws Exception {
        DataSource db = TestPostgres.freshDatabase("events_not_run");
        execute(db, "CREATE SCHEMA t_a", "CREATE SCHEMA t_b", "CREATE TABLE t_a.tasks (id int)");
        Recorder recorder = new Recorder();

        Fleet.builder(Migrator.builder()
                        .dataSource(db)
                        .migrations(Fixtures.CHAIN)
                        .log(new Fixtures.RecordingLog())
                        .listener(recorder))
                .tenants("t_a,t_b")
                .parallel(1)
                .failFast(true)
                .build()
                .upgrade("head");

        assertThat(recorder.lines())
                .noneMatch(l -> l.equals("beforeTenant t_b"))
                .containsSubsequence("afterTenant t_a FAILED", "afterTenant t_b NOT_RUN", "afterRun false");
        assertThat(recorder.heard)
                .filteredOn(h -> h.line().equals("afterTenant t_b NOT_RUN"))
                .extracting(Heard::thread)
                .containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aFleetWhoseTargetNamesNothingIsHeardFailing() {
        DataSource db = TestPostgres.freshDatabase("events_bad_target");
        Recorder recorder = new Recorder();
        Fleet fleet = Fleet.builder(Migrator.builder()
                        .dataSource(db)
                        .migrations(Fixtures.CHAIN)
                        .log(new Fixtures.RecordingLog())
                        .listener(recorder))
                .tenants("t_a")
                .build();

        assertThatThrownBy(() -> fleet.upgrade("nosuch")).isInstanceOf(MigrateException.class);

        assertThat(recorder.lines())
                .hasSize(3)
                .startsWith("beforeRun UPGRADE nosuch fleet")
                .endsWith("afterRun false");
        assertThat(recorder.lines().get(1)).startsWith("onFailure ");
    }

    @Test
    void allOfPassesEveryEventToEachListenerInOrder() throws Exception {
        List<String> heard = new ArrayList<>();
        MigrationListener first = (MigrationListener) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {MigrationListener.class},
                (proxy, method, args) -> heard.add("first " + method.getName()));
        MigrationListener second = (MigrationListener) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {MigrationListener.class},
                (proxy, method, args) -> heard.add("second " + method.getName()));
        MigrationListener both = MigrationListener.allOf(List.of(first, second));

        List<Method> events = Stream.of(MigrationListener.class.getMethods())
                .filter(m -> !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
                .toList();
        assertThat(events).extracting(Method::getName).contains("afterStatement", "onDrift", "duringStep");
        for (Method event : events) {
            heard.clear();
            event.invoke(both, new Object[] {null});
            assertThat(heard)
                    .as(event.getName())
                    .containsExactly("first " + event.getName(), "second " + event.getName());
        }
        assertThat(MigrationListener.allOf(List.of())).isSameAs(MigrationListener.NONE);
        assertThat(MigrationListener.allOf(List.of(first))).isSameAs(first);
    }
}
