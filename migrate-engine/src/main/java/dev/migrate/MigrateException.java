package dev.migrate;

/**
 * A failure a user can act on. The message names the object at fault and the fix; it never
 * contains a password.
 */
public class MigrateException extends RuntimeException {
    public MigrateException(String message) {
        super(message);
    }

    public MigrateException(String message, Throwable cause) {
        super(message, cause);
    }
}
