package dev.migrate;

/**
 * A step about to run: one migration in one direction, as a {@link MigrationListener} sees it.
 *
 * <pre>{@code listener.beforeStep(new MigrationStep("20261122_101500", "add status", StepDirection.UPGRADE)); }</pre>
 *
 * @param revision the revision id
 * @param message the revision's message, empty when it has none
 * @param direction whether its upgrade or its downgrade runs
 */
public record MigrationStep(String revision, String message, StepDirection direction) {}
