package dev.migrate.internal.online;

import dev.migrate.MigrateException;

/**
 * An online phase refused before any of its statements ran: the message says why and what to do, and
 * the failure of the step repeats it whole.
 */
public final class OnlineRefusal extends MigrateException {
    private static final long serialVersionUID = 1L;

    OnlineRefusal(String message) {
        super(message);
    }
}
