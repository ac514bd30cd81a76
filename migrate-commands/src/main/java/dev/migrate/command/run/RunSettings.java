package dev.migrate.command.run;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.TransactionMode;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the migrations run on a database, as the face's settings give it: where the version and history tables
 * are, the transactions, the timeouts and retries. A duration is written {@code 5s}, {@code 500ms},
 * {@code 2min} or {@code PT5S}; an unset one keeps the engine's default.
 */
public record RunSettings(
        String schema,
        String versionTable,
        String historyTable,
        @Nullable String transactionMode,
        boolean acceptChecksums,
        @Nullable String lockTimeout,
        @Nullable Integer lockRetries,
        @Nullable String lockWaitTimeout,
        @Nullable String statementTimeout,
        @Nullable String progressInterval) {

    /** Reads every duration and the transaction mode, so that a mistake fails before anything connects. */
    public void check() {
        Durations.parse("lockTimeout", lockTimeout);
        Durations.parse("lockWaitTimeout", lockWaitTimeout);
        Durations.parse("statementTimeout", statementTimeout);
    }

    /** Sets these settings on {@code builder}, and returns it. */
    public Migrator.Builder applyTo(Migrator.Builder builder) {
        builder.schema(schema)
                .versionTable(versionTable)
                .historyTable(historyTable)
                .transactionMode(mode())
                .acceptChecksums(acceptChecksums);
        Duration lock = Durations.parse("lockTimeout", lockTimeout);
        if (lock != null) {
            builder.lockTimeout(lock);
        }
        if (lockRetries != null) {
            builder.lockRetries(lockRetries);
        }
        Duration lockWait = Durations.parse("lockWaitTimeout", lockWaitTimeout);
        if (lockWait != null) {
            builder.lockWaitTimeout(lockWait);
        }
        Duration progress = Durations.parse("progressInterval", progressInterval);
        if (progress != null) {
            builder.progressInterval(progress);
        }
        Duration statement = Durations.parse("statementTimeout", statementTimeout);
        if (statement != null) {
            builder.statementTimeout(statement);
        }
        return builder;
    }

    private TransactionMode mode() {
        String mode = transactionMode == null
                ? "per_migration"
                : transactionMode.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (mode) {
            case "PER_MIGRATION" -> TransactionMode.PER_MIGRATION;
            case "ALL" -> TransactionMode.ALL;
            default ->
                throw new MigrateException(
                        "The transactionMode '" + transactionMode + "' is not known. Use per_migration or all.");
        };
    }
}
