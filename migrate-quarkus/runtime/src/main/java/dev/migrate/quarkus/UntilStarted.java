package dev.migrate.quarkus;

import dev.migrate.AppliedStep;
import dev.migrate.BackfillProgress;
import dev.migrate.DriftResult;
import dev.migrate.FinishedRun;
import dev.migrate.LockWait;
import dev.migrate.MigrateException;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationRun;
import dev.migrate.MigrationStep;
import dev.migrate.StepProgress;
import dev.migrate.TenantResult;
import dev.migrate.TenantRun;
import dev.migrate.TimedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A listener whose events wait until the application has started, then reach {@code target} in their order, and go
 * straight to it from then on: for a listener whose destination Quarkus finishes setting up after the migrations at
 * startup ran (the registries Micrometer attaches at the end of startup). Each event carries its own times, so a
 * late delivery records what happened when it happened.
 *
 * <pre>{@code UntilStarted meters = new UntilStarted(new MicrometerListener(registry)); ... meters.start();}</pre>
 */
final class UntilStarted implements MigrationListener {
    private final MigrationListener target;
    private final List<Consumer<MigrationListener>> waiting = new ArrayList<>();
    private volatile boolean started;

    UntilStarted(MigrationListener target) {
        this.target = target;
    }

    /** Delivers the events that waited, and every later one at once. */
    synchronized void start() {
        waiting.forEach(event -> event.accept(target));
        waiting.clear();
        started = true;
    }

    private void event(Consumer<MigrationListener> event) {
        if (!started) {
            synchronized (this) {
                if (!started) {
                    waiting.add(event);
                    return;
                }
            }
        }
        event.accept(target);
    }

    @Override
    public void beforeRun(MigrationRun run) {
        event(listener -> listener.beforeRun(run));
    }

    @Override
    public void beforeTenant(TenantRun tenantRun) {
        event(listener -> listener.beforeTenant(tenantRun));
    }

    @Override
    public void beforeStep(MigrationStep step) {
        event(listener -> listener.beforeStep(step));
    }

    @Override
    public void duringStep(StepProgress progress) {
        event(listener -> listener.duringStep(progress));
    }

    @Override
    public void afterStatement(TimedStatement statement) {
        event(listener -> listener.afterStatement(statement));
    }

    @Override
    public void onLockWait(LockWait lockWait) {
        event(listener -> listener.onLockWait(lockWait));
    }

    @Override
    public void onBackfill(BackfillProgress backfill) {
        event(listener -> listener.onBackfill(backfill));
    }

    @Override
    public void afterStep(AppliedStep step) {
        event(listener -> listener.afterStep(step));
    }

    @Override
    public void onFailure(MigrateException failure) {
        event(listener -> listener.onFailure(failure));
    }

    @Override
    public void afterTenant(TenantResult tenant) {
        event(listener -> listener.afterTenant(tenant));
    }

    @Override
    public void afterRun(FinishedRun finished) {
        event(listener -> listener.afterRun(finished));
    }

    @Override
    public void onDrift(DriftResult drift) {
        event(listener -> listener.onDrift(drift));
    }
}
