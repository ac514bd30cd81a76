package dev.migrate.command.run;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.TransactionMode;
import dev.migrate.text.Fixes;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the migrations run on a database, as the face's settings give it: where the version and history tables
 * are, the transactions, the timeouts and retries. A duration is written {@code 5s}, {@code 500ms},
 * {@code 2min} or {@code PT5S}; a setting that is null keeps the engine's default (the plugin's parameters default
 * to the same: schema {@code public}, tables {@code migrate_version} and {@code migrate_history},
 * {@code per_migration}). The plugin and the command line both read theirs here; a mistake is named as the face
 * spells the setting ({@code lockTimeout}, {@code --lock-timeout}).
 */
public record RunSettings(
        @Nullable String schema,
        @Nullable String versionTable,
        @Nullable String historyTable,
        @Nullable String transactionMode,
        boolean acceptChecksums,
        @Nullable String lockTimeout,
        @Nullable Integer lockRetries,
        @Nullable String lockWaitTimeout,
        @Nullable String statementTimeout,
        @Nullable String progressInterval) {

    /** Reads every duration and the transaction mode, so that a mistake fails before anything connects. */
    public void check() {
        check(Fixes.GOALS);
    }

    /**
     * Reads every duration and the transaction mode, so that a mistake fails before anything connects.
     *
     * @param fixes how the message names a setting that is wrong
     * @throws MigrateException naming the setting and the forms it takes
     */
    public void check(Fixes fixes) {
        mode(fixes);
        duration(fixes, "lockTimeout", lockTimeout);
        duration(fixes, "lockWaitTimeout", lockWaitTimeout);
        duration(fixes, "statementTimeout", statementTimeout);
        duration(fixes, "progressInterval", progressInterval);
    }

    /** Sets these settings on {@code builder}, and returns it. */
    public Migrator.Builder applyTo(Migrator.Builder builder) {
        return applyTo(builder, Fixes.GOALS);
    }

    /**
     * Sets these settings on {@code builder}, and returns it.
     *
     * @param fixes how the message names a setting that is wrong
     */
    public Migrator.Builder applyTo(Migrator.Builder builder, Fixes fixes) {
        if (schema != null) {
            builder.schema(schema);
        }
        if (versionTable != null) {
            builder.versionTable(versionTable);
        }
        if (historyTable != null) {
            builder.historyTable(historyTable);
        }
        TransactionMode mode = mode(fixes);
        if (mode != null) {
            builder.transactionMode(mode);
        }
        builder.acceptChecksums(acceptChecksums);
        Duration lock = duration(fixes, "lockTimeout", lockTimeout);
        if (lock != null) {
            builder.lockTimeout(lock);
        }
        if (lockRetries != null) {
            builder.lockRetries(lockRetries);
        }
        Duration lockWait = duration(fixes, "lockWaitTimeout", lockWaitTimeout);
        if (lockWait != null) {
            builder.lockWaitTimeout(lockWait);
        }
        Duration progress = duration(fixes, "progressInterval", progressInterval);
        if (progress != null) {
            builder.progressInterval(progress);
        }
        Duration statement = duration(fixes, "statementTimeout", statementTimeout);
        if (statement != null) {
            builder.statementTimeout(statement);
        }
        return builder;
    }

    private static @Nullable Duration duration(Fixes fixes, String name, @Nullable String text) {
        return Durations.parse(fixes.parameter(name), text);
    }

    private @Nullable TransactionMode mode(Fixes fixes) {
        if (transactionMode == null) {
            return null;
        }
        return switch (transactionMode.trim().toUpperCase(Locale.ROOT).replace('-', '_')) {
            case "PER_MIGRATION" -> TransactionMode.PER_MIGRATION;
            case "ALL" -> TransactionMode.ALL;
            default ->
                throw new MigrateException("The " + fixes.parameter("transactionMode") + " '" + transactionMode
                        + "' is not known. Use per_migration or all.");
        };
    }
}
