package dev.migrate;

/**
 * The database could not be reached or refused the login; nothing was run.
 *
 * <pre>{@code try { migrator.upgrade("head"); } catch (ConnectionFailedException e) { retryLater(); } }</pre>
 */
public final class ConnectionFailedException extends MigrateException {
    private static final long serialVersionUID = 1L;

    /** Example: {@code throw new ConnectionFailedException("Could not connect to ...", sqlException)} */
    public ConnectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
