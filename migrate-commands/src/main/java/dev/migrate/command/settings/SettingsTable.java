package dev.migrate.command.settings;

import dev.migrate.Migrator;
import dev.migrate.TransactionMode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every setting of the run, one row each: what the plugin's parameters, the command line's options, the starter's
 * properties and the reference page take from. A new one is a row here and the code that uses it: the faces read
 * it from this table, and {@code SettingsParityTest} proves each face takes each row it should.
 */
public final class SettingsTable {
    /** The goals that take the connection and run settings, as the reference page lists them. */
    public static final Set<String> DATABASE_GOALS = Set.of(
            "autogenerate",
            "baseline",
            "check",
            "complete",
            "current",
            "diagram",
            "downgrade",
            "drift",
            "history",
            "lint",
            "rebase",
            "snapshot",
            "squash",
            "stamp",
            "upgrade",
            "verify",
            "watch");

    public static final Setting<String> SCHEMA = Setting.named("schema", SettingType.TEXT)
            .in(Section.MIGRATIONS)
            .byDefault("public")
            .takenBy(DATABASE_GOALS)
            .runs(Migrator.Builder::schema, "builder.schema(String)")
            .documented("Schema of the version and history tables.");

    public static final Setting<String> VERSION_TABLE = Setting.named("versionTable", SettingType.TEXT)
            .in(Section.MIGRATIONS)
            .byDefault("migrate_version")
            .takenBy(DATABASE_GOALS)
            .runs(Migrator.Builder::versionTable, "builder.versionTable(String)")
            .documented("The table holding one row per current head revision.");

    public static final Setting<String> HISTORY_TABLE = Setting.named("historyTable", SettingType.TEXT)
            .in(Section.MIGRATIONS)
            .byDefault("migrate_history")
            .takenBy(DATABASE_GOALS)
            .runs(Migrator.Builder::historyTable, "builder.historyTable(String)")
            .documented("The table holding one row per applied or reverted step.");

    public static final Setting<TransactionMode> TRANSACTION_MODE = Setting.named(
                    "transactionMode", SettingType.choice(TransactionMode.class))
            .byDefault("per_migration")
            .takenBy(DATABASE_GOALS)
            .runs(Migrator.Builder::transactionMode, "builder.transactionMode(TransactionMode)")
            .documented("One transaction per migration, with its version-table update inside it; or `all`: one"
                    + " transaction for the whole run.");

    public static final Setting<Duration> LOCK_TIMEOUT = Setting.named("lockTimeout", SettingType.DURATION)
            .byDefault("10s")
            .takenBy(DATABASE_GOALS)
            .runs(Migrator.Builder::lockTimeout, "builder.lockTimeout(Duration)")
            .documented("PostgreSQL `lock_timeout` of migration statements, e.g. `5s`, `500ms`; `0` waits as long as"
                    + " it takes (see [What is in the database](../concepts/database.md#what-is-in-the-database))."
                    + " Every duration needs its unit (below).");

    public static final Setting<Integer> LOCK_RETRIES = Setting.named("lockRetries", SettingType.COUNT)
            .byDefault("3")
            .takenBy(DATABASE_GOALS)
            .runs(Migrator.Builder::lockRetries, "builder.lockRetries(int)", "builder.lockRetries(int, Duration)")
            .documented("What failed on the lock timeout is tried again this many times, after 1 s, 2 s, 4 s...;"
                    + " `0` never.");

    public static final Setting<Duration> STATEMENT_TIMEOUT = Setting.named("statementTimeout", SettingType.DURATION)
            .takenBy(DATABASE_GOALS)
            .runs(Migrator.Builder::statementTimeout, "builder.statementTimeout(Duration)")
            .documented("PostgreSQL `statement_timeout`, e.g. `5min`. Unset: the server's.");

    public static final Setting<Duration> LOCK_WAIT_TIMEOUT = Setting.named("lockWaitTimeout", SettingType.DURATION)
            .byDefault("10min")
            .takenBy(DATABASE_GOALS)
            .runs(Migrator.Builder::lockWaitTimeout, "builder.lockWaitTimeout(Duration)")
            .documented("How long to wait for another run's migration lock.");

    public static final Setting<Duration> PROGRESS_INTERVAL = Setting.named("progressInterval", SettingType.DURATION)
            .byDefault("10s")
            .takenBy(DATABASE_GOALS)
            .runs(Migrator.Builder::progressInterval, "builder.progressInterval(Duration)")
            .documented("How often a migration still running logs how long it has run and the statement it is at;"
                    + " `0` never.");

    public static final Setting<Boolean> ACCEPT_CHECKSUMS = Setting.named("acceptChecksums", SettingType.FLAG)
            .byDefault("false")
            .takenBy(DATABASE_GOALS)
            .runs(Migrator.Builder::acceptChecksums, "builder.acceptChecksums(boolean)")
            .documented("Accept applied migrations that changed, recording the new checksum.");

    /** Every row, in the reference page's order within each section. */
    public static final List<Setting<?>> ALL = List.of(
            SCHEMA,
            VERSION_TABLE,
            HISTORY_TABLE,
            TRANSACTION_MODE,
            LOCK_TIMEOUT,
            LOCK_RETRIES,
            STATEMENT_TIMEOUT,
            LOCK_WAIT_TIMEOUT,
            PROGRESS_INTERVAL,
            ACCEPT_CHECKSUMS);

    private SettingsTable() {}

    /** The row of {@code name}, as the plugin's parameter names it; null when there is none. */
    public static @Nullable Setting<?> named(String name) {
        for (Setting<?> setting : ALL) {
            if (setting.name().equals(name)) {
                return setting;
            }
        }
        return null;
    }

    /** The rows of the settings of the run itself, which {@link ResolvedSettings#applyTo} sets on the engine. */
    public static List<Setting<?>> run() {
        return ALL.stream().filter(s -> s.run() != null).toList();
    }
}
