package dev.migrate.observability;

import dev.migrate.BadTargetException;
import dev.migrate.ChecksumMismatchException;
import dev.migrate.ConnectionFailedException;
import dev.migrate.MigrateException;
import dev.migrate.MigrationFailedException;
import dev.migrate.NotAtHeadException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Why a run failed, as a meter's tag and a span's attribute name it: a few kinds an alert can tell apart,
 * not the message, which names objects and would make a tag of every failure.
 */
enum FailureKind {
    /** An applied migration's code changed. */
    CHECKSUM_MISMATCH,
    /** The target names nothing, or is no target of this command. */
    BAD_TARGET,
    /** The database could not be reached or refused the login. */
    CONNECTION_FAILED,
    /** The database is not at head where it must be. */
    NOT_AT_HEAD,
    /** A statement waited longer than its {@code lock_timeout} on each try (SQLSTATE 55P03). */
    LOCK_TIMEOUT,
    /** A statement was cancelled: its {@code statement_timeout}, or by hand (SQLSTATE 57014). */
    STATEMENT_CANCELLED,
    /** Another failure of a migration's statement or code. */
    MIGRATION_FAILED,
    /** Any other failure: the migration lock not had in time, a graph that does not validate, ... */
    OTHER;

    /** The kind of {@code failure}. */
    static FailureKind of(MigrateException failure) {
        if (failure instanceof ChecksumMismatchException) {
            return CHECKSUM_MISMATCH;
        }
        if (failure instanceof BadTargetException) {
            return BAD_TARGET;
        }
        if (failure instanceof ConnectionFailedException) {
            return CONNECTION_FAILED;
        }
        if (failure instanceof NotAtHeadException) {
            return NOT_AT_HEAD;
        }
        if (failure instanceof MigrationFailedException) {
            String state = failure.getCause() instanceof SQLException e ? e.getSQLState() : null;
            if ("55P03".equals(state)) {
                return LOCK_TIMEOUT;
            }
            if ("57014".equals(state)) {
                return STATEMENT_CANCELLED;
            }
            return MIGRATION_FAILED;
        }
        return OTHER;
    }

    /** The kind as a tag's value: {@code lock_timeout}. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
