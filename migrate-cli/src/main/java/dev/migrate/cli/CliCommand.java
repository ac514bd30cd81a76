package dev.migrate.cli;

import static dev.migrate.cli.CliOption.ACCEPT_CHECKSUMS;
import static dev.migrate.cli.CliOption.ACCEPT_FUTURE_REVISIONS;
import static dev.migrate.cli.CliOption.CANARY;
import static dev.migrate.cli.CliOption.CHECK_HEADS;
import static dev.migrate.cli.CliOption.CLASSES;
import static dev.migrate.cli.CliOption.CLASSPATH;
import static dev.migrate.cli.CliOption.CREDENTIALS_PROVIDER;
import static dev.migrate.cli.CliOption.CYCLES;
import static dev.migrate.cli.CliOption.DATABASES;
import static dev.migrate.cli.CliOption.DEBOUNCE;
import static dev.migrate.cli.CliOption.EMBEDDED_POSTGRES_VERSION;
import static dev.migrate.cli.CliOption.ENTITY_PACKAGES;
import static dev.migrate.cli.CliOption.EXCLUDE;
import static dev.migrate.cli.CliOption.FAIL_FAST;
import static dev.migrate.cli.CliOption.FAIL_ON;
import static dev.migrate.cli.CliOption.FROM;
import static dev.migrate.cli.CliOption.HELP;
import static dev.migrate.cli.CliOption.HISTORY_TABLE;
import static dev.migrate.cli.CliOption.IMPORT_SETTING;
import static dev.migrate.cli.CliOption.JSON;
import static dev.migrate.cli.CliOption.LARGE_TABLE_ROWS;
import static dev.migrate.cli.CliOption.LOCK_RETRIES;
import static dev.migrate.cli.CliOption.LOCK_TIMEOUT;
import static dev.migrate.cli.CliOption.LOCK_WAIT_TIMEOUT;
import static dev.migrate.cli.CliOption.MANAGED_SCHEMA;
import static dev.migrate.cli.CliOption.MESSAGE;
import static dev.migrate.cli.CliOption.OBJECTS;
import static dev.migrate.cli.CliOption.OUTPUT;
import static dev.migrate.cli.CliOption.PACKAGES;
import static dev.migrate.cli.CliOption.PARALLEL;
import static dev.migrate.cli.CliOption.PASSWORD;
import static dev.migrate.cli.CliOption.PROJECT;
import static dev.migrate.cli.CliOption.PROVE;
import static dev.migrate.cli.CliOption.PURGE;
import static dev.migrate.cli.CliOption.RANGE;
import static dev.migrate.cli.CliOption.REBUILD_INVALID_INDEXES;
import static dev.migrate.cli.CliOption.REPLAY_CACHE;
import static dev.migrate.cli.CliOption.REPORT;
import static dev.migrate.cli.CliOption.RETIRE;
import static dev.migrate.cli.CliOption.REVISION;
import static dev.migrate.cli.CliOption.SCHEMA;
import static dev.migrate.cli.CliOption.SCRATCH_URL;
import static dev.migrate.cli.CliOption.SOURCES;
import static dev.migrate.cli.CliOption.SQL;
import static dev.migrate.cli.CliOption.SQL_FILE;
import static dev.migrate.cli.CliOption.STATEMENT_TIMEOUT;
import static dev.migrate.cli.CliOption.TARGET;
import static dev.migrate.cli.CliOption.TENANTS;
import static dev.migrate.cli.CliOption.TOOL_PATH;
import static dev.migrate.cli.CliOption.TRANSACTION_MODE;
import static dev.migrate.cli.CliOption.URL;
import static dev.migrate.cli.CliOption.USER;
import static dev.migrate.cli.CliOption.VERBOSE;
import static dev.migrate.cli.CliOption.VERSION_TABLE;
import static dev.migrate.cli.CliOption.WRITE;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A command, named as the plugin's goal it runs, with the options it takes. An option another
 * command takes is refused here, as the plugin refuses another goal's parameter: it would be ignored.
 */
enum CliCommand {
    UPGRADE(
            "Apply migrations up to --target (default head).",
            "head",
            TARGET,
            union(
                    database(),
                    fleet(),
                    scripted(),
                    EnumSet.of(TARGET, ACCEPT_FUTURE_REVISIONS, REBUILD_INVALID_INDEXES))),
    DOWNGRADE(
            "Revert migrations down to --target (default -1, one step). Offline it needs a range, such as head:-1.",
            "-1",
            TARGET,
            union(database(), fleet(), scripted(), EnumSet.of(TARGET))),
    CURRENT(
            "Show the database's revision(s), each marked (head) when it is a head and (expand) while an online"
                    + " revision waits for complete.",
            null,
            null,
            union(database(), EnumSet.of(TENANTS, DATABASES, ACCEPT_FUTURE_REVISIONS, CHECK_HEADS))),
    HISTORY(
            "Show the revision graph, newest first, the database's revisions marked (current) when a database is given.",
            null,
            null,
            union(database(), EnumSet.of(RANGE, ACCEPT_FUTURE_REVISIONS))),
    HEADS("Show the heads of the revision graph. Needs no database.", null, null, common()),
    BRANCHES("Show each branch point of the revision graph. Needs no database.", null, null, common()),
    SHOW(
            "Show one revision: id, parents, children, labels, message and class. Needs no database.",
            "head",
            REVISION,
            union(common(), EnumSet.of(REVISION))),
    STAMP(
            "Set the version table to --target (default head) without running any migration.",
            "head",
            TARGET,
            union(database(), fleet(), scripted(), EnumSet.of(TARGET, PURGE))),
    COMPLETE(
            "Run the contract phase of the online revision in its expand phase: the old columns, triggers and"
                    + " temporary names go. Offline, the script of the online revision --target (default head).",
            "head",
            TARGET,
            union(database(), fleet(), scripted(), EnumSet.of(TARGET))),
    DRIFT(
            "Compare the database (or each tenant) with the schema its migrations build up to its revision, replayed"
                    + " on a throwaway embedded server or --scratch-url; fail on any difference. The database is only read.",
            null,
            null,
            union(
                    database(),
                    compared(),
                    EnumSet.of(TENANTS, DATABASES, PARALLEL, REPLAY_CACHE, SQL_FILE, ACCEPT_FUTURE_REVISIONS))),
    LINT(
            "Run migrations on a throwaway database (embedded, or of --scratch-url), watching the locks, rewrites and scans each"
                    + " statement takes, and judge them; with --url, those it has not applied, weighed by its tables'"
                    + " sizes (it is only read).",
            null,
            null,
            union(
                    database(),
                    EnumSet.of(
                            SCRATCH_URL,
                            EMBEDDED_POSTGRES_VERSION,
                            REPORT,
                            RANGE,
                            FAIL_ON,
                            LARGE_TABLE_ROWS,
                            ACCEPT_FUTURE_REVISIONS))),
    VERIFY(
            "Test the chain on a throwaway database (embedded, or of --scratch-url): every migration upgraded, downgraded and"
                    + " upgraded again to the same schema, down to base and back, and the lint of every migration.",
            null,
            null,
            union(
                    common(),
                    compared(),
                    EnumSet.of(
                            USER,
                            PASSWORD,
                            SCHEMA,
                            VERSION_TABLE,
                            HISTORY_TABLE,
                            TRANSACTION_MODE,
                            LOCK_TIMEOUT,
                            STATEMENT_TIMEOUT,
                            FAIL_ON))),
    WATCH(
            "Stay running: after each change of --classes or --objects, print what check says of the entities and"
                    + " the schema at head (the migrations replayed on throwaway embedded servers, or on --scratch-url); with"
                    + " --write, or Enter pressed, write the migration as autogenerate does.",
            null,
            null,
            union(
                    EnumSet.of(CLASSPATH, PACKAGES, VERBOSE, HELP),
                    EnumSet.of(URL, USER, PASSWORD, SCHEMA, VERSION_TABLE, HISTORY_TABLE),
                    EnumSet.of(SCRATCH_URL, EMBEDDED_POSTGRES_VERSION),
                    EnumSet.of(MANAGED_SCHEMA, EXCLUDE, REPLAY_CACHE),
                    EnumSet.of(CLASSES, ENTITY_PACKAGES, OBJECTS, SOURCES, MESSAGE, WRITE, CYCLES, DEBOUNCE))),
    IMPORT(
            "Move a project in from Flyway or Liquibase (--from): one revision per old migration, written below --sources"
                    + " into the first of --packages, after the old tool and migrate have replayed both chains on"
                    + " throwaway databases (embedded, or of --scratch-url) to the same schema.",
            null,
            null,
            union(
                    common(),
                    EnumSet.of(USER, PASSWORD, SCRATCH_URL, EMBEDDED_POSTGRES_VERSION),
                    EnumSet.of(FROM, PROJECT, SOURCES, TOOL_PATH, PROVE, IMPORT_SETTING),
                    // --retire: the database whose old history table goes
                    EnumSet.of(RETIRE, URL, CREDENTIALS_PROVIDER, SCHEMA, VERSION_TABLE, HISTORY_TABLE)));

    private final String summary;
    private final @Nullable String defaultValue;
    private final @Nullable CliOption positional;
    // unmodifiable (Collections.unmodifiableSet below): the checker knows no immutable Set of the JDK's
    @SuppressWarnings("ImmutableEnumChecker")
    private final Set<CliOption> options;

    CliCommand(String summary, @Nullable String defaultValue, @Nullable CliOption positional, Set<CliOption> options) {
        this.summary = summary;
        this.defaultValue = defaultValue;
        this.positional = positional;
        this.options = Collections.unmodifiableSet(EnumSet.copyOf(options));
    }

    /** Whether the command moves the version table (and so may write its SQL instead). */
    boolean changes() {
        return this == UPGRADE || this == DOWNGRADE || this == STAMP || this == COMPLETE;
    }

    /** The name as typed, as {@code upgrade}. */
    String commandName() {
        return name().toLowerCase(Locale.ROOT);
    }

    String summary() {
        return summary;
    }

    /**
     * The option a bare argument sets ({@code migrate upgrade head}, {@code migrate downgrade -1},
     * {@code migrate show 20261120_093000}), as Alembic takes it; null when the command takes none.
     */
    @Nullable
    CliOption positional() {
        return positional;
    }

    /** The value of {@link #positional()} when neither it nor a bare argument is given. */
    @Nullable
    String defaultValue() {
        return defaultValue;
    }

    /** The options this command takes, in the order help lists them. */
    Set<CliOption> options() {
        return options;
    }

    /** The command of that name, or null. */
    static @Nullable CliCommand named(String name) {
        for (CliCommand command : values()) {
            if (command.commandName().equals(name)) {
                return command;
            }
        }
        return null;
    }

    private static EnumSet<CliOption> common() {
        return EnumSet.of(CLASSPATH, PACKAGES, VERBOSE, JSON, OUTPUT, HELP);
    }

    private static EnumSet<CliOption> database() {
        return union(
                common(),
                EnumSet.of(
                        URL,
                        USER,
                        PASSWORD,
                        CREDENTIALS_PROVIDER,
                        SCHEMA,
                        VERSION_TABLE,
                        HISTORY_TABLE,
                        TRANSACTION_MODE,
                        LOCK_TIMEOUT,
                        LOCK_RETRIES,
                        LOCK_WAIT_TIMEOUT,
                        STATEMENT_TIMEOUT,
                        ACCEPT_CHECKSUMS));
    }

    /** The options of the commands that compare schemas. */
    private static EnumSet<CliOption> compared() {
        return EnumSet.of(SCRATCH_URL, EMBEDDED_POSTGRES_VERSION, MANAGED_SCHEMA, EXCLUDE, REPORT);
    }

    /** The fleet options of the commands that change the database. */
    private static EnumSet<CliOption> fleet() {
        return EnumSet.of(TENANTS, DATABASES, PARALLEL, FAIL_FAST, CANARY);
    }

    private static EnumSet<CliOption> scripted() {
        return EnumSet.of(SQL, SQL_FILE);
    }

    @SafeVarargs
    private static EnumSet<CliOption> union(Set<CliOption>... sets) {
        EnumSet<CliOption> all = EnumSet.noneOf(CliOption.class);
        for (Set<CliOption> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
