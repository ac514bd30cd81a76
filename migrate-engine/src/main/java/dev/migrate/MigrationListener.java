package dev.migrate;

/**
 * Hears about each step of a run against a database, for applications and metrics. Offline SQL
 * scripts fire no events. Every method has an empty default, so implement only what you need.
 *
 * <pre>{@code Migrator.builder().dataSource(ds).listener(new MigrationListener() {
 *     public void afterStep(AppliedStep step) { timer.record(step.duration()); }
 * }).build();}</pre>
 *
 * A listener runs on the migrating thread, inside the migration's transaction for
 * {@code beforeStep}; an exception it throws fails the run like a failing migration.
 */
public interface MigrationListener {
    /** A listener that does nothing, the default. Example: {@code builder.listener(MigrationListener.NONE)} */
    MigrationListener NONE = new MigrationListener() {};

    /** Called before a migration's statements run. Example: {@code log.info("starting " + step.revision())} */
    default void beforeStep(MigrationStep step) {}

    /**
     * Called once a step is applied and recorded. Example:
     * {@code builder.listener(new MigrationListener() { public void afterStep(AppliedStep s) { log.info(s.revision()); } })}
     */
    default void afterStep(AppliedStep step) {}

    /**
     * Called when an {@code upgrade} or {@code downgrade} fails, before the exception reaches the
     * caller; a {@link MigrationFailedException} names the failing revision.
     * Example: {@code if (failure instanceof MigrationFailedException f) alert(f.revision())}
     */
    default void onFailure(MigrateException failure) {}
}
