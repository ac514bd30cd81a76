package dev.migrate.observability;

import dev.migrate.AppliedStep;
import dev.migrate.BackfillProgress;
import dev.migrate.DriftResult;
import dev.migrate.FinishedRun;
import dev.migrate.LockWait;
import dev.migrate.MigrateException;
import dev.migrate.MigrationListener;
import dev.migrate.StepDirection;
import dev.migrate.TenantResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records migration runs as Micrometer meters in the application's registry: how long each step and each
 * run took, failures by kind, waits for locks, rows backfilled, the tenants of fleet runs by outcome, and
 * the differences the last drift check found. The tags take few values (a revision, a direction, a kind, a
 * table): no tenant, no message, no statement.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder()
 *         .dataSource(dataSource)
 *         .listener(new MicrometerListener(meterRegistry))
 *         .build();
 * }</pre>
 */
public final class MicrometerListener implements MigrationListener {
    /** Timer of each applied step, tagged {@code revision} and {@code direction} ({@code upgrade}, {@code downgrade}). */
    public static final String STEP_DURATION = "migrate.step.duration";

    /**
     * Timer of each run, tagged {@code direction}, {@code fleet} ({@code true}, {@code false}) and {@code outcome}
     * ({@code success}, {@code failure}: for a fleet, any tenant failed or not run).
     */
    public static final String RUN_DURATION = "migrate.run.duration";

    /** Counter of failed runs and failed tenants, tagged {@code kind} ({@code lock_timeout}, {@code checksum_mismatch}, ...). */
    public static final String FAILURES = "migrate.failures";

    /**
     * Timer of waits for locks, tagged {@code kind} ({@code migration_lock}, {@code lock_timeout}, {@code brief_wait},
     * {@code backfill_rows}).
     */
    public static final String LOCK_WAIT = "migrate.lock.wait";

    /** Counter of the rows the backfills of online changes wrote, tagged {@code revision} and {@code table}. */
    public static final String BACKFILL_ROWS = "migrate.backfill.rows";

    /** Counter of the tenants of fleet runs, tagged {@code outcome} ({@code migrated}, {@code unchanged}, {@code failed}, {@code not_run}). */
    public static final String TENANTS = "migrate.fleet.tenants";

    /** Gauge of the differences the last drift check of a schema found, tagged {@code database} and {@code schema}. */
    public static final String DRIFT_DIFFERENCES = "migrate.drift.differences";

    private final MeterRegistry registry;

    /** The value of each drift gauge, by database and schema; the gauges read them. */
    private final Map<String, AtomicInteger> driftGauges = new ConcurrentHashMap<>();

    /**
     * Records into {@code registry}: {@code new MicrometerListener(new SimpleMeterRegistry())}.
     *
     * @param registry the application's registry, a composite one included
     */
    public MicrometerListener(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void afterStep(AppliedStep step) {
        Timer.builder(STEP_DURATION)
                .description("How long a migration's step took, its version-table update and commit included")
                .tag("revision", step.revision())
                .tag("direction", lower(step.direction()))
                .register(registry)
                .record(step.duration());
    }

    @Override
    public void afterRun(FinishedRun finished) {
        Timer.builder(RUN_DURATION)
                .description("How long an upgrade or a downgrade took, of one database or of a fleet")
                .tag("direction", lower(finished.run().direction()))
                .tag("fleet", String.valueOf(finished.run().fleet()))
                .tag("outcome", finished.succeeded() ? "success" : "failure")
                .register(registry)
                .record(finished.duration());
    }

    @Override
    public void onFailure(MigrateException failure) {
        Counter.builder(FAILURES)
                .description("Runs and tenants that failed, by why")
                .tag("kind", FailureKind.of(failure).tag())
                .register(registry)
                .increment();
    }

    @Override
    public void onLockWait(LockWait lockWait) {
        Timer.builder(LOCK_WAIT)
                .description("Waits for the migration lock, a table's lock or a backfill's rows")
                .tag("kind", lockWait.kind().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .record(lockWait.waited());
    }

    @Override
    public void onBackfill(BackfillProgress backfill) {
        Counter.builder(BACKFILL_ROWS)
                .description("Rows the backfills of online changes wrote")
                .baseUnit("rows")
                .tag("revision", backfill.revision())
                .tag("table", backfill.table())
                .register(registry)
                .increment((double) backfill.rows());
    }

    @Override
    public void afterTenant(TenantResult tenant) {
        Counter.builder(TENANTS)
                .description("Tenants of fleet runs, by what became of them")
                .tag("outcome", tenant.outcome().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    @Override
    public void onDrift(DriftResult drift) {
        AtomicInteger differences = driftGauges.computeIfAbsent(drift.database() + "\n" + drift.schema(), key -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder(DRIFT_DIFFERENCES, value, AtomicInteger::get)
                    .description("Differences the last drift check found between a schema and its migrations")
                    .tag("database", drift.database())
                    .tag("schema", drift.schema())
                    .register(registry);
            return value;
        });
        differences.set(drift.differences().size());
    }

    private static String lower(StepDirection direction) {
        return direction.name().toLowerCase(Locale.ROOT);
    }
}
