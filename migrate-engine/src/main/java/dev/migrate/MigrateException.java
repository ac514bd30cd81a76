package dev.migrate;

/**
 * A failure a user can act on. The message names the object at fault and the fix; it never
 * contains a password.
 *
 * <pre>{@code
 * try {
 *     migrator.assertUpToDate();
 * } catch (MigrateException e) {
 *     System.err.println(e.getMessage());   // names the current revision and the heads
 * }
 * }</pre>
 */
public class MigrateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure with its message: {@code throw new MigrateException("The table agents has no column status. Add it first.")}.
     *
     * @param message a full sentence naming the object and the fix
     */
    public MigrateException(String message) {
        super(message);
    }

    /**
     * A failure caused by another: {@code throw new MigrateException("Could not read the version table.", sqlException)}.
     *
     * @param message a full sentence naming the object and the fix
     * @param cause the underlying failure
     */
    public MigrateException(String message, Throwable cause) {
        super(message, cause);
    }
}
