package dev.migrate;

/**
 * A target or range names no revision, is ambiguous, or counts past the graph; nothing was run.
 *
 * <pre>{@code try { migrator.upgrade(userInput); } catch (BadTargetException e) { showUsage(e.getMessage()); } }</pre>
 */
public final class BadTargetException extends MigrateException {
    private static final long serialVersionUID = 1L;

    /** Example: {@code throw new BadTargetException("The target 'x' is not understood; ...")} */
    public BadTargetException(String message) {
        super(message);
    }
}
