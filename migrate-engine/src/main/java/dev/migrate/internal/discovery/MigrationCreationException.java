package dev.migrate.internal.discovery;

import dev.migrate.MigrateException;

/**
 * A migration class could not be instantiated: its constructor takes arguments only the application
 * can supply, threw, or cannot be called. Its message names the class and the way out.
 */
public final class MigrationCreationException extends MigrateException {
    private static final long serialVersionUID = 1L;

    MigrationCreationException(String message) {
        super(message);
    }

    MigrationCreationException(String message, Throwable cause) {
        super(message, cause);
    }
}
