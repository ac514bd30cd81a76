package dev.migrate.internal.connection;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** What the server said when a statement failed, for the message of a failure. */
public final class ServerMessage {
    private ServerMessage() {}

    /** The server's message; the next exception's when the driver wrapped it (a batch that failed). */
    public static @Nullable String of(SQLException e) {
        String message = e.getMessage();
        if (e.getNextException() != null && e.getNextException() != e) {
            message = e.getNextException().getMessage();
        }
        return message;
    }
}
