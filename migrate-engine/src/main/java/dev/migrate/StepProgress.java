package dev.migrate;

import java.time.Duration;

/**
 * A step that is still running, as a {@link MigrationListener} hears it every progress interval:
 * which migration, for how long, and the statement it is at.
 *
 * <pre>{@code listener.duringStep(new StepProgress(new MigrationStep("20261122_101500", "add status", StepDirection.UPGRADE), Duration.ofSeconds(10), "UPDATE customers SET status = 'new'"));}</pre>
 *
 * @param step the migration that runs
 * @param elapsed how long it has been running
 * @param statement the statement running, on one line and cut to its first 120 characters; for
 *     JDBC code or the version-table update, a description in parentheses
 */
public record StepProgress(MigrationStep step, Duration elapsed, String statement) {}
