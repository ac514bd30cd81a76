package dev.migrate;

/**
 * An {@code upgrade} or {@code downgrade} that starts, of one database or of a fleet, as
 * {@link MigrationListener#beforeRun} hears it. The same instance reaches {@link FinishedRun#run()} and
 * each {@link TenantRun#run()} of the run, so a listener can tie them together even when several runs
 * go at once.
 *
 * <pre>{@code listener.beforeRun(new MigrationRun(StepDirection.UPGRADE, "head", false)); }</pre>
 *
 * @param direction whether the run upgrades or downgrades
 * @param target the target as the caller gave it: {@code head}, {@code -1}, an id
 * @param fleet whether the run migrates the tenants of a {@link Fleet}, each heard between
 *     {@link MigrationListener#beforeTenant} and {@link MigrationListener#afterTenant}
 */
public record MigrationRun(StepDirection direction, String target, boolean fleet) {}
