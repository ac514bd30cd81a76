package dev.migrate.autogen;

import dev.migrate.MigrateException;
import java.util.Locale;

/** Where the entity side of a comparison with a configured database is built. */
public enum ComparisonDatabase {
    /**
     * {@link #SERVER} when this connection may create a scratch schema there (not a standby, not read
     * only, CREATE and TEMP on the database); otherwise {@link #EMBEDDED}, so a role with read rights
     * alone compares too.
     */
    AUTO,
    /** In a scratch schema on the configured database, created and dropped by the comparison (needs CREATE on it). */
    SERVER,
    /** On a throwaway embedded PostgreSQL of the configured server's major version: the configured database is only read. */
    EMBEDDED;

    /** {@code auto}, {@code server} or {@code embedded}, in any case; {@code null} is {@link #AUTO}. */
    public static ComparisonDatabase of(String name) {
        String mode = name == null ? "auto" : name.trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "auto" -> AUTO;
            case "server" -> SERVER;
            case "embedded" -> EMBEDDED;
            default ->
                throw new MigrateException(
                        "The comparisonDatabase '" + name + "' is not known. Use auto (the default: server when the "
                                + "role may create a scratch schema there, else embedded), server "
                                + "(build the entity side in a scratch schema on the configured database) or embedded (on a throwaway "
                                + "embedded PostgreSQL).");
        };
    }
}
