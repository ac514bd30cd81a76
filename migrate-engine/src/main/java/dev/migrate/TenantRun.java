package dev.migrate;

/**
 * One tenant of a fleet run that starts, as {@link MigrationListener#beforeTenant} hears it, on the
 * thread that runs the tenant: the events of its steps follow on the same thread, until
 * {@link MigrationListener#afterTenant} hears its {@link TenantResult}.
 *
 * <pre>{@code listener.beforeTenant(new TenantRun(new MigrationRun(StepDirection.UPGRADE, "head", true), "tenant_a")); }</pre>
 *
 * @param run the fleet's run, the instance {@link MigrationListener#beforeRun} heard
 * @param tenant the tenant's name, as {@link TenantResult#tenant()} has it
 */
public record TenantRun(MigrationRun run, String tenant) {}
