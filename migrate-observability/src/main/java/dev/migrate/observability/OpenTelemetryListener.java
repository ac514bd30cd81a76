package dev.migrate.observability;

import dev.migrate.AppliedStep;
import dev.migrate.BackfillProgress;
import dev.migrate.DriftResult;
import dev.migrate.FinishedRun;
import dev.migrate.LockWait;
import dev.migrate.MigrateException;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationRun;
import dev.migrate.MigrationStep;
import dev.migrate.StepDirection;
import dev.migrate.TenantResult;
import dev.migrate.TenantRun;
import dev.migrate.TimedStatement;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Traces migration runs as OpenTelemetry spans: one per run ({@code migrate upgrade}, {@code migrate downgrade}),
 * one per tenant of a fleet ({@code migrate tenant}), one per step ({@code migrate step}), and one per statement
 * that took {@linkplain #DEFAULT_STATEMENT_THRESHOLD longer than a threshold} ({@code migrate statement}), each
 * inside the one before; with the revision, the tenant and the migration lock as attributes, waits for a
 * table's lock as events, and failures as errors. A run's span starts as a child of the span current on
 * the thread that calls the migrator, and each span is current while it is open.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder()
 *         .dataSource(dataSource)
 *         .listener(new OpenTelemetryListener(openTelemetry))
 *         .build();
 * }</pre>
 */
public final class OpenTelemetryListener implements MigrationListener {
    /** The instrumentation scope the spans are recorded under: {@code Tracer} {@code dev.migrate}. */
    public static final String INSTRUMENTATION_SCOPE = "dev.migrate";

    /** How long a statement runs before it gets a span of its own, unless the constructor says otherwise. */
    public static final Duration DEFAULT_STATEMENT_THRESHOLD = Duration.ofMillis(100);

    private static final AttributeKey<String> DIRECTION = AttributeKey.stringKey("migrate.direction");
    private static final AttributeKey<String> TARGET = AttributeKey.stringKey("migrate.target");
    private static final AttributeKey<Boolean> FLEET = AttributeKey.booleanKey("migrate.fleet");
    private static final AttributeKey<String> TENANT = AttributeKey.stringKey("migrate.tenant");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("migrate.tenant.outcome");
    private static final AttributeKey<Long> STEPS = AttributeKey.longKey("migrate.steps");
    private static final AttributeKey<String> REVISION = AttributeKey.stringKey("migrate.revision");
    private static final AttributeKey<String> MESSAGE = AttributeKey.stringKey("migrate.message");
    private static final AttributeKey<String> LOCK = AttributeKey.stringKey("migrate.lock");
    private static final AttributeKey<Long> LOCK_WAIT_MS = AttributeKey.longKey("migrate.lock.wait_ms");
    private static final AttributeKey<String> LOCK_KIND = AttributeKey.stringKey("migrate.lock.kind");
    private static final AttributeKey<String> FAILURE = AttributeKey.stringKey("migrate.failure.kind");
    private static final AttributeKey<String> BACKFILL_TABLE = AttributeKey.stringKey("migrate.backfill.table");
    private static final AttributeKey<Long> BACKFILL_ROWS = AttributeKey.longKey("migrate.backfill.rows");
    private static final AttributeKey<String> SCHEMA = AttributeKey.stringKey("migrate.schema");
    private static final AttributeKey<Long> DIFFERENCES = AttributeKey.longKey("migrate.drift.differences");
    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");
    private static final AttributeKey<String> DB_NAMESPACE = AttributeKey.stringKey("db.namespace");
    private static final AttributeKey<String> DB_QUERY = AttributeKey.stringKey("db.query.text");

    private final Tracer tracer;
    private final Duration statementThreshold;
    private final OpenSpans open = new OpenSpans();

    /** Each fleet's run span while it runs, for the spans of its tenants, which start on other threads. */
    private final Map<MigrationRun, Span> fleets = Collections.synchronizedMap(new IdentityHashMap<>());

    /**
     * Traces with the tracer of {@code openTelemetry}, and gives a statement a span of its own from
     * {@link #DEFAULT_STATEMENT_THRESHOLD}: {@code new OpenTelemetryListener(GlobalOpenTelemetry.get())}.
     *
     * @param openTelemetry the application's OpenTelemetry, its SDK or an agent's
     */
    public OpenTelemetryListener(OpenTelemetry openTelemetry) {
        this(openTelemetry, DEFAULT_STATEMENT_THRESHOLD);
    }

    /**
     * Traces with the tracer of {@code openTelemetry}, and gives a statement a span of its own from
     * {@code statementThreshold}: {@code new OpenTelemetryListener(openTelemetry, Duration.ofSeconds(1))}.
     *
     * @param openTelemetry the application's OpenTelemetry, its SDK or an agent's
     * @param statementThreshold how long a statement runs before it gets a span; zero for every statement
     */
    public OpenTelemetryListener(OpenTelemetry openTelemetry, Duration statementThreshold) {
        this(tracerOf(Objects.requireNonNull(openTelemetry, "openTelemetry")), statementThreshold);
    }

    /**
     * Traces with {@code tracer}, and gives a statement a span of its own from {@code statementThreshold}:
     * {@code new OpenTelemetryListener(openTelemetry.getTracer("db-migrations"), Duration.ZERO)}.
     *
     * @param tracer the tracer the spans are made with
     * @param statementThreshold how long a statement runs before it gets a span; zero for every statement
     */
    public OpenTelemetryListener(Tracer tracer, Duration statementThreshold) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
        this.statementThreshold = Objects.requireNonNull(statementThreshold, "statementThreshold");
        if (statementThreshold.isNegative()) {
            throw new IllegalArgumentException(
                    "The statement threshold of an OpenTelemetryListener must be zero or more, not "
                            + statementThreshold + ".");
        }
    }

    private static Tracer tracerOf(OpenTelemetry openTelemetry) {
        TracerBuilder builder = openTelemetry.tracerBuilder(INSTRUMENTATION_SCOPE);
        String version = OpenTelemetryListener.class.getPackage().getImplementationVersion();
        return (version == null ? builder : builder.setInstrumentationVersion(version)).build();
    }

    @Override
    public void beforeRun(MigrationRun run) {
        Span span = tracer.spanBuilder("migrate " + lower(run.direction()))
                .setAttribute(DIRECTION, lower(run.direction()))
                .setAttribute(TARGET, run.target())
                .setAttribute(FLEET, run.fleet())
                .setAttribute(DB_SYSTEM, "postgresql")
                .startSpan();
        if (run.fleet()) {
            fleets.put(run, span);
        }
        open.push(OpenSpans.Level.RUN, span, null, null);
    }

    @Override
    public void beforeTenant(TenantRun tenantRun) {
        Span fleet = fleets.get(tenantRun.run());
        Context parent = fleet == null ? Context.current() : Context.current().with(fleet);
        Span span = tracer.spanBuilder("migrate tenant")
                .setParent(parent)
                .setAttribute(TENANT, tenantRun.tenant())
                .setAttribute(DIRECTION, lower(tenantRun.run().direction()))
                .setAttribute(DB_SYSTEM, "postgresql")
                .startSpan();
        open.push(OpenSpans.Level.TENANT, span, tenantRun.tenant(), null);
    }

    @Override
    public void onLockWait(LockWait lockWait) {
        OpenSpans.Open at = open.innermost();
        if (at == null) {
            return;
        }
        long waitedMs = lockWait.waited().toMillis();
        if (lockWait.kind() == LockWait.Kind.MIGRATION_LOCK) {
            at.lock(lockWait.subject());
            at.span().setAttribute(LOCK, lockWait.subject()).setAttribute(LOCK_WAIT_MS, waitedMs);
            return;
        }
        at.span()
                .addEvent(
                        "migrate.lock.wait",
                        Attributes.of(
                                LOCK_KIND,
                                lockWait.kind().name().toLowerCase(Locale.ROOT),
                                LOCK,
                                lockWait.subject(),
                                LOCK_WAIT_MS,
                                waitedMs));
    }

    @Override
    public void beforeStep(MigrationStep step) {
        var builder = tracer.spanBuilder("migrate step")
                .setAttribute(REVISION, step.revision())
                .setAttribute(DIRECTION, lower(step.direction()))
                .setAttribute(DB_SYSTEM, "postgresql");
        if (!step.message().isEmpty()) {
            builder.setAttribute(MESSAGE, step.message());
        }
        OpenSpans.Open enclosing = open.enclosing(OpenSpans.Level.TENANT);
        String tenant = enclosing == null ? null : enclosing.tenant();
        String lock = enclosing == null ? null : enclosing.lock();
        if (tenant != null) {
            builder.setAttribute(TENANT, tenant);
        }
        if (lock != null) {
            builder.setAttribute(LOCK, lock);
        }
        open.push(OpenSpans.Level.STEP, builder.startSpan(), tenant, lock);
    }

    @Override
    public void afterStatement(TimedStatement statement) {
        if (statement.duration().compareTo(statementThreshold) < 0) {
            return;
        }
        Instant end = Instant.now();
        var builder = tracer.spanBuilder("migrate statement")
                .setStartTimestamp(end.minus(statement.duration()))
                .setAttribute(DB_SYSTEM, "postgresql")
                .setAttribute(DB_QUERY, statement.sql())
                .setAttribute(REVISION, statement.step().revision());
        OpenSpans.Open step = open.innermost(OpenSpans.Level.STEP);
        String tenant = step == null ? null : step.tenant();
        if (tenant != null) {
            builder.setAttribute(TENANT, tenant);
        }
        builder.startSpan().end(end);
    }

    @Override
    public void onBackfill(BackfillProgress backfill) {
        OpenSpans.Open step = open.innermost(OpenSpans.Level.STEP);
        if (step != null) {
            step.span().setAttribute(BACKFILL_TABLE, backfill.table()).setAttribute(BACKFILL_ROWS, backfill.total());
        }
    }

    @Override
    public void afterStep(AppliedStep step) {
        OpenSpans.Open at = open.innermost(OpenSpans.Level.STEP);
        if (at != null) {
            open.close(at);
            at.span().end();
        }
    }

    @Override
    public void onFailure(MigrateException failure) {
        OpenSpans.Open at = open.innermost();
        if (at == null) {
            return;
        }
        Span span = at.span();
        span.recordException(
                failure, Attributes.of(FAILURE, FailureKind.of(failure).tag()));
        span.setAttribute(FAILURE, FailureKind.of(failure).tag());
        span.setStatus(StatusCode.ERROR, firstLine(failure.getMessage()));
        if (at.level() == OpenSpans.Level.STEP) {
            // the failing step: the run or tenant around it says so at its end
            open.close(at);
            span.end();
        }
    }

    @Override
    public void afterTenant(TenantResult tenant) {
        OpenSpans.Open at = open.enclosing(OpenSpans.Level.TENANT);
        if (at == null
                || at.level() != OpenSpans.Level.TENANT
                || !tenant.tenant().equals(at.tenant())) {
            return; // a tenant the fleet did not run has no span
        }
        open.close(at);
        Span span = at.span();
        span.setAttribute(OUTCOME, tenant.outcome().name().toLowerCase(Locale.ROOT));
        span.setAttribute(STEPS, (long) tenant.steps().size());
        if (tenant.outcome() == TenantResult.Outcome.FAILED) {
            span.setStatus(StatusCode.ERROR, firstLine(tenant.error()));
        }
        span.end();
    }

    @Override
    public void afterRun(FinishedRun finished) {
        fleets.remove(finished.run());
        OpenSpans.Open at = open.enclosing(OpenSpans.Level.RUN);
        if (at == null) {
            return;
        }
        open.close(at);
        if (!finished.succeeded()) {
            at.span().setStatus(StatusCode.ERROR);
        }
        at.span().end();
    }

    @Override
    public void onDrift(DriftResult drift) {
        Span span = tracer.spanBuilder("migrate drift check")
                .setAttribute(DB_SYSTEM, "postgresql")
                .setAttribute(DB_NAMESPACE, drift.database())
                .setAttribute(SCHEMA, drift.schema())
                .setAttribute(REVISION, drift.revision())
                .setAttribute(DIFFERENCES, (long) drift.differences().size())
                .startSpan();
        if (!drift.differences().isEmpty()) {
            span.setStatus(StatusCode.ERROR, drift.differences().size() + " differences from the migrations' schema");
        }
        span.end();
    }

    private static String lower(StepDirection direction) {
        return direction.name().toLowerCase(Locale.ROOT);
    }

    /** The first line of a message, for a span's status: the rest names the statement and the fix. */
    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
