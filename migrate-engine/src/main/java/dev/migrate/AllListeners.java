package dev.migrate;

import java.util.List;

/**
 * Several listeners as one, each event passed to each in order; {@link MigrationListener#allOf} makes it.
 * It overrides every method of {@link MigrationListener}, so that no event stops here.
 */
record AllListeners(List<MigrationListener> listeners) implements MigrationListener {
    AllListeners {
        listeners = List.copyOf(listeners);
    }

    @Override
    public void beforeRun(MigrationRun run) {
        listeners.forEach(l -> l.beforeRun(run));
    }

    @Override
    public void beforeTenant(TenantRun tenantRun) {
        listeners.forEach(l -> l.beforeTenant(tenantRun));
    }

    @Override
    public void beforeStep(MigrationStep step) {
        listeners.forEach(l -> l.beforeStep(step));
    }

    @Override
    public void duringStep(StepProgress progress) {
        listeners.forEach(l -> l.duringStep(progress));
    }

    @Override
    public void afterStatement(TimedStatement statement) {
        listeners.forEach(l -> l.afterStatement(statement));
    }

    @Override
    public void onLockWait(LockWait lockWait) {
        listeners.forEach(l -> l.onLockWait(lockWait));
    }

    @Override
    public void onBackfill(BackfillProgress backfill) {
        listeners.forEach(l -> l.onBackfill(backfill));
    }

    @Override
    public void afterStep(AppliedStep step) {
        listeners.forEach(l -> l.afterStep(step));
    }

    @Override
    public void onFailure(MigrateException failure) {
        listeners.forEach(l -> l.onFailure(failure));
    }

    @Override
    public void afterTenant(TenantResult tenant) {
        listeners.forEach(l -> l.afterTenant(tenant));
    }

    @Override
    public void afterRun(FinishedRun finished) {
        listeners.forEach(l -> l.afterRun(finished));
    }

    @Override
    public void onDrift(DriftResult drift) {
        listeners.forEach(l -> l.onDrift(drift));
    }
}
