package dev.migrate;

import java.time.Duration;

/**
 * A run that ended, as {@link MigrationListener#afterRun} hears it: when it failed, after
 * {@link MigrationListener#onFailure} heard why.
 *
 * <pre>{@code if (!new FinishedRun(new MigrationRun(StepDirection.UPGRADE, "head", false), Duration.ofSeconds(3), true).succeeded()) alert("upgrade");}</pre>
 *
 * @param run the run, the instance {@link MigrationListener#beforeRun} heard
 * @param duration how long it took, from before its migration lock was taken to its end
 * @param succeeded whether it reached its target: for a fleet, whether every tenant did (none failed
 *     nor was left out, as {@link FleetResult#succeeded()} says)
 */
public record FinishedRun(MigrationRun run, Duration duration, boolean succeeded) {}
