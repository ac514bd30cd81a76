package dev.migrate;

import java.util.List;

/**
 * Hears about each run, tenant and step against a database, for applications, metrics and traces. Offline
 * SQL scripts fire no events. Every method has an empty default, so implement only what you need.
 *
 * <pre>{@code Migrator.builder().dataSource(ds).listener(new MigrationListener() {
 *     public void afterStep(AppliedStep step) { timer.record(step.duration()); }
 * }).build();}</pre>
 *
 * A run ({@code upgrade} or {@code downgrade}) is heard in this order: {@link #beforeRun}, then for each
 * step {@link #beforeStep}, {@link #afterStatement} for each of its statements, {@link #afterStep}; then
 * {@link #afterRun}. A run that fails is heard at {@link #onFailure} before {@link #afterRun}. A fleet's
 * run hears each tenant between {@link #beforeTenant} and {@link #afterTenant}, and the tenants run side
 * by side, each on a thread of its own: the events of a tenant's steps come on its thread, between those
 * two. {@link #onLockWait} and {@link #onBackfill} come between the events of the step that waited or
 * backfilled, or, for the migration lock, before the first step.
 *
 * <p>A listener runs on the migrating thread, and an exception it throws fails the run like a failing
 * migration; {@link #duringStep} alone runs on a timer thread of its own while the migration goes on.
 */
public interface MigrationListener {
    /** A listener that does nothing, the default. Example: {@code builder.listener(MigrationListener.NONE)} */
    MigrationListener NONE = new MigrationListener() {};

    /**
     * One listener that passes each event to each of {@code listeners}, in their order:
     * {@code builder.listener(MigrationListener.allOf(List.of(new MetricsListener(registry), MigrationListener.NONE)))}.
     *
     * @param listeners the listeners; an exception one of them throws reaches the run, and the listeners
     *     after it do not hear that event
     * @return {@link #NONE} for none, the listener itself for one, else one that calls them all
     */
    static MigrationListener allOf(List<MigrationListener> listeners) {
        return switch (listeners.size()) {
            case 0 -> NONE;
            case 1 -> listeners.get(0);
            default -> new AllListeners(listeners);
        };
    }

    /**
     * Called when an {@code upgrade} or {@code downgrade} starts, of one database or of a fleet, before it
     * takes any lock. Example: {@code log.info(run.direction() + " to " + run.target())}
     */
    default void beforeRun(MigrationRun run) {}

    /**
     * Called when a fleet's run starts a tenant, on the thread that runs the tenant. Example:
     * {@code log.info("migrating " + tenantRun.tenant())}
     */
    default void beforeTenant(TenantRun tenantRun) {}

    /** Called before a migration's statements run. Example: {@code log.info("starting " + step.revision())} */
    default void beforeStep(MigrationStep step) {}

    /**
     * Called every progress interval (10 seconds unless {@link Migrator.Builder#progressInterval} says
     * otherwise) while a step runs, with how long it has run and the statement it is at, so that a
     * long migration can be told from a stuck one. It runs on a timer thread, not the migrating one;
     * what it throws is logged as a warning and the migration goes on.
     * Example: {@code if (progress.elapsed().toMinutes() > 5) alert(progress.step().revision() + " at " + progress.statement())}
     */
    default void duringStep(StepProgress progress) {}

    /**
     * Called after each statement of a migration ran, with how long it took: the JDBC code of a migration
     * counts as one statement, and so does the backfill of an online change. A statement that fails is
     * heard at {@link #onFailure} instead; a migration tried again after a lock timeout runs its statements
     * again, and each is heard again.
     * Example: {@code if (statement.duration().toSeconds() > 1) log.info("slow: " + statement.sql())}
     */
    default void afterStatement(TimedStatement statement) {}

    /**
     * Called after a wait for a lock: the migration lock once the run has it, however short the wait; a
     * table's or a row's lock each time a statement or a backfill batch gave up waiting and is tried again.
     * Example: {@code if (lockWait.waited().toSeconds() > 1) log.warn("waited " + lockWait.waited() + " at " + lockWait.subject())}
     */
    default void onLockWait(LockWait lockWait) {}

    /**
     * Called after each batch of the backfill of an online change committed, with the rows it wrote.
     * Example: {@code log.info(backfill.table() + ": " + backfill.total() + " rows")}
     */
    default void onBackfill(BackfillProgress backfill) {}

    /**
     * Called once a step is applied and recorded. Example:
     * {@code builder.listener(new MigrationListener() { public void afterStep(AppliedStep s) { log.info(s.revision()); } })}
     */
    default void afterStep(AppliedStep step) {}

    /**
     * Called when an {@code upgrade} or {@code downgrade} fails, before the exception reaches the
     * caller (for a tenant of a fleet, before {@link #afterTenant}); a {@link MigrationFailedException}
     * names the failing revision.
     * Example: {@code if (failure instanceof MigrationFailedException f) alert(f.revision())}
     */
    default void onFailure(MigrateException failure) {}

    /**
     * Called when a tenant of a fleet's run is done, on the thread that ran it, with what became of it,
     * {@link TenantResult.Outcome#FAILED} included; a tenant the fleet did not run ({@code failFast}, a
     * failed canary) is heard here alone, with no {@link #beforeTenant}, on the thread that called the fleet.
     * Example: {@code if (tenant.outcome() == TenantResult.Outcome.FAILED) alert(tenant.tenant())}
     */
    default void afterTenant(TenantResult tenant) {}

    /**
     * Called when a run is done, whether it succeeded or failed. Example:
     * {@code if (!finished.succeeded()) alert(finished.run().direction() + " to " + finished.run().target())}
     */
    default void afterRun(FinishedRun finished) {}

    /**
     * Called when {@link Migrator#assertUpToDate()} compared the database with the schema of its head, under
     * {@link Migrator.Builder#validateDrift(boolean)}, before a difference fails the check.
     * Example: {@code if (!drift.differences().isEmpty()) alert(drift.differences().size() + " differences")}
     */
    default void onDrift(DriftResult drift) {}
}
