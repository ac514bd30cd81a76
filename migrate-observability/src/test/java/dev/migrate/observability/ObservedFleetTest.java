package dev.migrate.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Fleet;
import dev.migrate.FleetResult;
import dev.migrate.Migration;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.TenantResult;
import dev.migrate.op.OnlineChange;
import dev.migrate.testing.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The meters and spans of real runs: a fleet of three tenant schemas upgraded side by side, one of which
 * fails, read back from a {@code SimpleMeterRegistry} and from the OpenTelemetry SDK's in-memory exporter;
 * and one database upgraded inside a span of the application.
 */
class ObservedFleetTest {

    @Revision(id = "o1", message = "accounts")
    public static class Accounts implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL)");
            op.execute("INSERT INTO accounts SELECT g, 'account ' || g FROM generate_series(1, 1500) g");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE accounts");
        }
    }

    /** A table, then a statement slow enough to get a span of its own. */
    @Revision(id = "o2", revises = "o1", message = "audit")
    public static class Audit implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE audit (id bigint PRIMARY KEY)");
            op.execute("SELECT pg_sleep(0.2)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE audit");
        }
    }

    /** An online change: its expand backfills every row, in two batches. */
    @Revision(id = "o3", revises = "o2", message = "shorter names")
    public static class ShorterNames implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(OnlineChange.alterColumn("accounts", "name").type("varchar(200)"));
        }

        @Override
        public void downgrade(Operations op) {
            op.alterColumnType("accounts", "name", "text");
        }
    }

    private static final MigrationLog QUIET = new MigrationLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    /** The listener's threshold: a statement that takes longer gets a span of its own. */
    private static final Duration SLOW = Duration.ofMillis(150);

    private static final AttributeKey<String> TENANT = AttributeKey.stringKey("migrate.tenant");
    private static final AttributeKey<String> REVISION = AttributeKey.stringKey("migrate.revision");
    private static final AttributeKey<String> LOCK = AttributeKey.stringKey("migrate.lock");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();

    @AfterEach
    void closeSdk() {
        openTelemetry.close();
    }

    private Migrator.Builder migrator(DataSource db) {
        return Migrator.builder()
                .dataSource(db)
                .migrations(Accounts.class, Audit.class, ShorterNames.class)
                .log(QUIET)
                .listener(MigrationListener.allOf(
                        List.of(new MicrometerListener(registry), new OpenTelemetryListener(openTelemetry, SLOW))));
    }

    private static void execute(DataSource db, String... sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private List<SpanData> named(String name) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .toList();
    }

    @Test
    void aFleetUpgradeIsMeasuredAndTracedTenantByTenant() throws Exception {
        DataSource db = TestPostgres.freshDatabase("observed_fleet");
        execute(db, "CREATE SCHEMA t_a", "CREATE SCHEMA t_b", "CREATE SCHEMA t_c", "CREATE TABLE t_c.audit (id int)");

        FleetResult result = Fleet.builder(migrator(db))
                .tenants("t_a,t_b,t_c")
                .parallel(2)
                .build()
                .upgrade("head");

        assertThat(result.tenants())
                .extracting(TenantResult::outcome)
                .containsExactly(
                        TenantResult.Outcome.MIGRATED, TenantResult.Outcome.MIGRATED, TenantResult.Outcome.FAILED);

        // the meters
        assertThat(registry.get(MicrometerListener.STEP_DURATION)
                        .tags("revision", "o1", "direction", "upgrade")
                        .timer()
                        .count())
                .isEqualTo(3);
        assertThat(registry.get(MicrometerListener.STEP_DURATION)
                        .tags("revision", "o2", "direction", "upgrade")
                        .timer()
                        .totalTime(TimeUnit.MILLISECONDS))
                .as("two tenants applied o2, each waiting 200 ms in it")
                .isGreaterThanOrEqualTo(400);
        assertThat(registry.get(MicrometerListener.STEP_DURATION)
                        .tags("revision", "o3")
                        .timer()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get(MicrometerListener.RUN_DURATION)
                        .tags("direction", "upgrade", "fleet", "true", "outcome", "failure")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(MicrometerListener.FAILURES)
                        .tags("kind", "migration_failed")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(MicrometerListener.LOCK_WAIT)
                        .tags("kind", "migration_lock")
                        .timer()
                        .count())
                .as("each tenant took its own migration lock")
                .isEqualTo(3);
        assertThat(registry.get(MicrometerListener.BACKFILL_ROWS)
                        .tags("revision", "o3", "table", "accounts")
                        .counter()
                        .count())
                .as("1,500 rows backfilled in each of the two tenants that reached o3")
                .isEqualTo(3000);
        assertThat(registry.get(MicrometerListener.TENANTS)
                        .tags("outcome", "migrated")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get(MicrometerListener.TENANTS)
                        .tags("outcome", "failed")
                        .counter()
                        .count())
                .isEqualTo(1);

        // the spans: the run, a tenant inside it, a step inside its tenant, a slow statement inside its step
        SpanData run = named("migrate upgrade").get(0);
        assertThat(named("migrate upgrade")).hasSize(1);
        assertThat(run.getParentSpanId()).isEqualTo(SpanId.getInvalid());
        assertThat(run.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(run.getAttributes().get(AttributeKey.booleanKey("migrate.fleet")))
                .isTrue();
        assertThat(run.getAttributes().get(AttributeKey.stringKey("migrate.target")))
                .isEqualTo("head");

        List<SpanData> tenants = named("migrate tenant");
        assertThat(tenants)
                .extracting(s -> s.getAttributes().get(TENANT))
                .containsExactlyInAnyOrder("t_a", "t_b", "t_c");
        for (SpanData tenant : tenants) {
            String name = tenant.getAttributes().get(TENANT);
            assertThat(tenant.getTraceId()).isEqualTo(run.getTraceId());
            assertThat(tenant.getParentSpanId()).as(name).isEqualTo(run.getSpanId());
            assertThat(tenant.getAttributes().get(LOCK)).as(name).isEqualTo(name + ".migrate_version");
            assertThat(tenant.getAttributes().get(AttributeKey.longKey("migrate.lock.wait_ms")))
                    .as(name)
                    .isNotNull();
            List<SpanData> steps = named("migrate step").stream()
                    .filter(s -> s.getParentSpanId().equals(tenant.getSpanId()))
                    .toList();
            assertThat(steps).as(name).allSatisfy(step -> {
                assertThat(step.getAttributes().get(TENANT)).isEqualTo(name);
                assertThat(step.getAttributes().get(LOCK)).isEqualTo(name + ".migrate_version");
            });
            if (name.equals("t_c")) {
                assertThat(tenant.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
                assertThat(tenant.getAttributes().get(AttributeKey.stringKey("migrate.tenant.outcome")))
                        .isEqualTo("failed");
                assertThat(steps)
                        .extracting(s -> s.getAttributes().get(REVISION))
                        .containsExactly("o1", "o2");
                SpanData failed = steps.get(1);
                assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
                assertThat(failed.getAttributes().get(AttributeKey.stringKey("migrate.failure.kind")))
                        .isEqualTo("migration_failed");
                assertThat(failed.getEvents()).anyMatch(e -> e.getName().equals("exception"));
            } else {
                assertThat(tenant.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
                assertThat(tenant.getAttributes().get(AttributeKey.longKey("migrate.steps")))
                        .isEqualTo(3);
                assertThat(steps)
                        .extracting(s -> s.getAttributes().get(REVISION))
                        .containsExactly("o1", "o2", "o3");
                assertThat(steps.get(2).getAttributes().get(AttributeKey.longKey("migrate.backfill.rows")))
                        .isEqualTo(1500);
                // on a loaded machine another statement of the step may pass the threshold too: only the sleep
                // is sure to, and every statement with a span is checked to have passed it below
                List<SpanData> slow = named("migrate statement").stream()
                        .filter(s -> s.getParentSpanId().equals(steps.get(1).getSpanId()))
                        .filter(s -> "SELECT pg_sleep(0.2)"
                                .equals(s.getAttributes().get(AttributeKey.stringKey("db.query.text"))))
                        .toList();
                assertThat(slow).as(name).singleElement().satisfies(statement -> {
                    assertThat(statement.getAttributes().get(AttributeKey.stringKey("db.query.text")))
                            .isEqualTo("SELECT pg_sleep(0.2)");
                    assertThat(statement.getAttributes().get(TENANT)).isEqualTo(name);
                    assertThat(statement.getAttributes().get(REVISION)).isEqualTo("o2");
                    assertThat(statement.getEndEpochNanos() - statement.getStartEpochNanos())
                            .isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
                });
            }
        }
        assertThat(named("migrate statement"))
                .as("no statement but the slow ones")
                .allSatisfy(statement -> assertThat(statement.getEndEpochNanos() - statement.getStartEpochNanos())
                        .isGreaterThanOrEqualTo(SLOW.toNanos()))
                .filteredOn(statement -> "SELECT pg_sleep(0.2)"
                        .equals(statement.getAttributes().get(AttributeKey.stringKey("db.query.text"))))
                .hasSize(2);
    }

    @Test
    @SuppressWarnings("try") // the scope makes the application's span current during the run, and is never read
    void aRunOfOneDatabaseNestsInTheApplicationsSpan() {
        DataSource db = TestPostgres.freshDatabase("observed_one");
        Span deploy = openTelemetry.getTracer("app").spanBuilder("deploy").startSpan();
        try (Scope scope = deploy.makeCurrent()) {
            migrator(db).build().upgrade("o1");
        } finally {
            deploy.end();
        }

        SpanData run = named("migrate upgrade").get(0);
        assertThat(run.getParentSpanId()).isEqualTo(deploy.getSpanContext().getSpanId());
        assertThat(run.getAttributes().get(LOCK)).isEqualTo("public.migrate_version");
        assertThat(run.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(named("migrate step")).singleElement().satisfies(step -> {
            assertThat(step.getParentSpanId()).isEqualTo(run.getSpanId());
            assertThat(step.getAttributes().get(REVISION)).isEqualTo("o1");
            assertThat(step.getAttributes().get(AttributeKey.stringKey("migrate.message")))
                    .isEqualTo("accounts");
            assertThat(step.getAttributes().get(LOCK)).isEqualTo("public.migrate_version");
            assertThat(step.getAttributes().get(TENANT)).isNull();
        });
        assertThat(registry.get(MicrometerListener.RUN_DURATION)
                        .tags("direction", "upgrade", "fleet", "false", "outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(Span.current().getSpanContext().isValid())
                .as("no span is left current on the thread")
                .isFalse();
    }
}
