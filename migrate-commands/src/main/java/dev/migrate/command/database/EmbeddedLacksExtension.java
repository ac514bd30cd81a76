package dev.migrate.command.database;

import dev.migrate.MigrateException;
import dev.migrate.MigrationFailedException;
import dev.migrate.servers.PostgresInstallation;
import dev.migrate.text.Fixes;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run on the embedded database that failed because its server lacks an extension a migration creates ({@code
 * CREATE EXTENSION vector}): the embedded binaries carry PostgreSQL's contrib modules only, so no fix of the
 * migration helps. The failure keeps what it said (which migration, the statement, what stayed applied) and says
 * which extension, that the embedded database was used as no URL is configured, and the way out: a server that
 * has it, such as one of a PostgreSQL installation on this machine that has it.
 *
 * <pre>{@code
 * throw EmbeddedLacksExtension.named(failure).map(name -> EmbeddedLacksExtension.explain(failure, name, "18.6.0", fixes))
 *         .orElse(failure);
 * }</pre>
 */
final class EmbeddedLacksExtension {
    /** PostgreSQL 15 and later (SQLSTATE 0A000). */
    private static final Pattern NOT_AVAILABLE = Pattern.compile("extension \"([^\"]+)\" is not available");
    /** PostgreSQL 13 and 14 (SQLSTATE 58P01). */
    private static final Pattern NO_CONTROL_FILE =
            Pattern.compile("could not open extension control file \"[^\"]*/([^\"/]+)\\.control\"");

    private EmbeddedLacksExtension() {}

    /** The extension whose absence from the server made {@code failure}, found in its causes; empty: another. */
    static Optional<String> named(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                for (Pattern pattern : List.of(NOT_AVAILABLE, NO_CONTROL_FILE)) {
                    Matcher matcher = pattern.matcher(sql.getMessage());
                    if (matcher.find()) {
                        return Optional.of(matcher.group(1));
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * {@code failure} with what it means on the embedded PostgreSQL {@code version}: a failed migration stays one
     * ({@link MigrationFailedException}, its revision and direction kept).
     */
    static MigrateException explain(MigrateException failure, String extension, String version, Fixes fixes) {
        List<PostgresInstallation> having = PostgresInstallation.find(null).stream()
                .filter(installation -> installation.has(extension))
                .toList();
        String where = having.isEmpty()
                ? "Install " + extension + " into a PostgreSQL server (on Debian and Ubuntu, its package for the"
                        + " server's major version)"
                : "The PostgreSQL " + having.get(0).version() + " installed in "
                        + having.get(0).home() + " has it: " + "start a server of it";
        String message = failure.getMessage()
                + "\nThe server lacks the extension " + extension + ": no database URL is configured, so this goal"
                + " ran on the embedded PostgreSQL " + version + ", whose binaries carry PostgreSQL's contrib modules"
                + " only, and no change to the migration makes it have " + extension + ". " + where + ", and give its"
                + " URL: " + fixes.setting("url", "jdbc:postgresql://host:5432/app") + " or MIGRATE_DATABASE_URL.";
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        return failure instanceof MigrationFailedException failed
                ? new MigrationFailedException(message, cause, failed.revision(), failed.direction())
                : new MigrateException(message, cause);
    }
}
