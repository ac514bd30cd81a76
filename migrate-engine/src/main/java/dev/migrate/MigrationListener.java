package dev.migrate;

/**
 * Hears about each step of a run against a database, for applications and metrics. Offline SQL
 * scripts fire no events. Every method has an empty default, so implement only what you need.
 *
 * <pre>{@code Migrator.builder().dataSource(ds).listener(new MigrationListener() {
 *     public void afterStep(AppliedStep step) { timer.record(step.duration()); }
 * }).build();}</pre>
 *
 * A listener runs on the migrating thread, and an exception it throws fails the run like a failing
 * migration; {@link #duringStep} alone runs on a timer thread of its own while the migration goes on.
 */
public interface MigrationListener {
    /** A listener that does nothing, the default. Example: {@code builder.listener(MigrationListener.NONE)} */
    MigrationListener NONE = new MigrationListener() {};

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
