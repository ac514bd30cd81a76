package dev.migrate.cli;

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
import static dev.migrate.cli.CliOption.IMPORT_SETTING;
import static dev.migrate.cli.CliOption.JSON;
import static dev.migrate.cli.CliOption.LARGE_TABLE_ROWS;
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
import static dev.migrate.cli.CliOption.SCRATCH_URL;
import static dev.migrate.cli.CliOption.SOURCES;
import static dev.migrate.cli.CliOption.SQL;
import static dev.migrate.cli.CliOption.SQL_FILE;
import static dev.migrate.cli.CliOption.TARGET;
import static dev.migrate.cli.CliOption.TENANTS;
import static dev.migrate.cli.CliOption.TOOL_PATH;
import static dev.migrate.cli.CliOption.URL;
import static dev.migrate.cli.CliOption.USER;
import static dev.migrate.cli.CliOption.VERBOSE;
import static dev.migrate.cli.CliOption.WRITE;

import dev.migrate.command.settings.Setting;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
            union(database(), fleet(), scripted(), Set.of(TARGET, ACCEPT_FUTURE_REVISIONS, REBUILD_INVALID_INDEXES))),
    DOWNGRADE(
            "Revert migrations down to --target (default -1, one step). Offline it needs a range, such as head:-1.",
            "-1",
            TARGET,
            union(database(), fleet(), scripted(), Set.of(TARGET))),
    CURRENT(
            "Show the database's revision(s), each marked (head) when it is a head and (expand) while an online"
                    + " revision waits for complete.",
            null,
            null,
            union(database(), Set.of(TENANTS, DATABASES, ACCEPT_FUTURE_REVISIONS, CHECK_HEADS))),
    HISTORY(
            "Show the revision graph, newest first, the database's revisions marked (current) when a database is given.",
            null,
            null,
            union(database(), Set.of(RANGE, ACCEPT_FUTURE_REVISIONS))),
    HEADS("Show the heads of the revision graph. Needs no database.", null, null, common()),
    BRANCHES("Show each branch point of the revision graph. Needs no database.", null, null, common()),
    SHOW(
            "Show one revision: id, parents, children, labels, message and class. Needs no database.",
            "head",
            REVISION,
            union(common(), Set.of(REVISION))),
    STAMP(
            "Set the version table to --target (default head) without running any migration.",
            "head",
            TARGET,
            union(database(), fleet(), scripted(), Set.of(TARGET, PURGE))),
    COMPLETE(
            "Run the contract phase of the online revision in its expand phase: the old columns, triggers and"
                    + " temporary names go. Offline, the script of the online revision --target (default head).",
            "head",
            TARGET,
            union(database(), fleet(), scripted(), Set.of(TARGET))),
    DRIFT(
            "Compare the database (or each tenant) with the schema its migrations build up to its revision, replayed"
                    + " on a throwaway embedded server or --scratch-url; fail on any difference. The database is only read.",
            null,
            null,
            union(
                    database(),
                    compared(),
                    Set.of(TENANTS, DATABASES, PARALLEL, REPLAY_CACHE, SQL_FILE, ACCEPT_FUTURE_REVISIONS))),
    LINT(
            "Run migrations on a throwaway database (embedded, or of --scratch-url), watching the locks, rewrites and scans each"
                    + " statement takes, and judge them; with --url, those it has not applied, weighed by its tables'"
                    + " sizes (it is only read).",
            null,
            null,
            union(
                    database(),
                    Set.of(
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
            union(common(), compared(), Set.of(USER, PASSWORD, FAIL_ON))),
    WATCH(
            "Stay running: after each change of --classes or --objects, print what check says of the entities and"
                    + " the schema at head (the migrations replayed on throwaway embedded servers, or on --scratch-url); with"
                    + " --write, or Enter pressed, write the migration as autogenerate does.",
            null,
            null,
            union(
                    Set.of(CLASSPATH, PACKAGES, VERBOSE, HELP),
                    Set.of(URL, USER, PASSWORD),
                    Set.of(SCRATCH_URL, EMBEDDED_POSTGRES_VERSION),
                    Set.of(MANAGED_SCHEMA, EXCLUDE, REPLAY_CACHE),
                    Set.of(CLASSES, ENTITY_PACKAGES, OBJECTS, SOURCES, MESSAGE, WRITE, CYCLES, DEBOUNCE))),
    IMPORT(
            "Move a project in from Flyway or Liquibase (--from): one revision per old migration, written below --sources"
                    + " into the first of --packages, after the old tool and migrate have replayed both chains on"
                    + " throwaway databases (embedded, or of --scratch-url) to the same schema.",
            null,
            null,
            union(
                    common(),
                    Set.of(USER, PASSWORD, SCRATCH_URL, EMBEDDED_POSTGRES_VERSION),
                    Set.of(FROM, PROJECT, SOURCES, TOOL_PATH, PROVE, IMPORT_SETTING),
                    // --retire: the database whose old history table goes
                    Set.of(RETIRE, URL, CREDENTIALS_PROVIDER)));

    private final String summary;
    private final @Nullable String defaultValue;

    @SuppressWarnings("ImmutableEnumChecker") // an option's fields are final, and their types immutable
    private final @Nullable CliOption positional;
    // unmodifiable (Collections.unmodifiableSet below): the checker knows no immutable Set of the JDK's
    @SuppressWarnings("ImmutableEnumChecker")
    private final Set<CliOption> options;

    CliCommand(String summary, @Nullable String defaultValue, @Nullable CliOption positional, Set<CliOption> options) {
        this.summary = summary;
        this.defaultValue = defaultValue;
        this.positional = positional;
        // the table's settings that name this command, and all in the order help lists them
        String name = name().toLowerCase(Locale.ROOT);
        Set<CliOption> taken = new LinkedHashSet<>();
        for (CliOption option : CliOption.ALL) {
            Setting<?> setting = option.setting();
            if (options.contains(option)
                    || (setting != null && setting.commands().contains(name))) {
                taken.add(option);
            }
        }
        this.options = Collections.unmodifiableSet(taken);
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

    private static Set<CliOption> common() {
        return Set.of(CLASSPATH, PACKAGES, VERBOSE, JSON, OUTPUT, HELP);
    }

    private static Set<CliOption> database() {
        return union(common(), Set.of(URL, USER, PASSWORD, CREDENTIALS_PROVIDER));
    }

    /** The options of the commands that compare schemas. */
    private static Set<CliOption> compared() {
        return Set.of(SCRATCH_URL, EMBEDDED_POSTGRES_VERSION, MANAGED_SCHEMA, EXCLUDE, REPORT);
    }

    /** The fleet options of the commands that change the database. */
    private static Set<CliOption> fleet() {
        return Set.of(TENANTS, DATABASES, PARALLEL, FAIL_FAST, CANARY);
    }

    private static Set<CliOption> scripted() {
        return Set.of(SQL, SQL_FILE);
    }

    @SafeVarargs
    private static Set<CliOption> union(Set<CliOption>... sets) {
        Set<CliOption> all = new HashSet<>();
        for (Set<CliOption> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
