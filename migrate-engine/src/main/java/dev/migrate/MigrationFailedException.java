package dev.migrate;

import org.jspecify.annotations.Nullable;

/**
 * A migration failed while running; the message says what stayed applied and what was rolled back.
 * A lint that stops on one throws {@code dev.migrate.lint.LintStoppedException} (module
 * {@code migrate-lint}), which also holds what the lint saw before.
 *
 * <pre>{@code catch (MigrationFailedException e) { alert(e.revision() + " failed during " + e.direction()); } }</pre>
 */
public class MigrationFailedException extends MigrateException {
    private static final long serialVersionUID = 1L;

    private final @Nullable String revision;
    private final @Nullable StepDirection direction;

    /**
     * Example: {@code new MigrationFailedException(message, sqlException, "20261122_101500", StepDirection.UPGRADE)}
     *
     * @param revision the failing revision, or {@code null} when the run failed between steps
     * @param direction the failing step's direction, or {@code null} with a {@code null} revision
     */
    public MigrationFailedException(
            String message, Throwable cause, @Nullable String revision, @Nullable StepDirection direction) {
        super(message, cause);
        this.revision = revision;
        this.direction = direction;
    }

    /**
     * The failing revision, or {@code null} when the run failed between steps. Example:
     * {@code if (failure instanceof MigrationFailedException e) alert(e.revision());}
     */
    public @Nullable String revision() {
        return revision;
    }

    /**
     * The failing step's direction, or {@code null} with a {@code null} revision. Example:
     * {@code if (failure instanceof MigrationFailedException e) log.info("failed in " + e.direction());}
     */
    public @Nullable StepDirection direction() {
        return direction;
    }
}
