package dev.migrate.cli;

import static dev.migrate.cli.CliOption.REVISION;
import static dev.migrate.cli.CliOption.TARGET;

import dev.migrate.command.BranchesCommand;
import dev.migrate.command.CompleteCommand;
import dev.migrate.command.CurrentCommand;
import dev.migrate.command.DowngradeCommand;
import dev.migrate.command.HeadsCommand;
import dev.migrate.command.HistoryCommand;
import dev.migrate.command.ShowCommand;
import dev.migrate.command.StampCommand;
import dev.migrate.command.UpgradeCommand;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.TakenSettings;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A command, named as the plugin's goal it runs, with the options it takes: those of the settings table's rows its
 * command's class declares for the command line ({@link #settings}), {@code --json} with {@code --output}, and
 * {@code --help}. An option another command takes is refused here, as the plugin refuses another goal's parameter: it
 * would be ignored.
 */
enum CliCommand {
    UPGRADE("Apply migrations up to --target (default head).", TARGET),
    DOWNGRADE(
            "Revert migrations down to --target (default -1, one step). Offline it needs a range, such as head:-1.",
            TARGET),
    CURRENT(
            "Show the database's revision(s), each marked (head) when it is a head and (expand) while an online"
                    + " revision waits for complete.",
            null),
    HISTORY(
            "Show the revision graph, newest first, the database's revisions marked (current) when a database is given.",
            null),
    HEADS("Show the heads of the revision graph. Needs no database.", null),
    BRANCHES("Show each branch point of the revision graph. Needs no database.", null),
    SHOW("Show one revision: id, parents, children, labels, message and class. Needs no database.", REVISION),
    STAMP("Set the version table to --target (default head) without running any migration.", TARGET),
    COMPLETE(
            "Run the contract phase of the online revision in its expand phase: the old columns, triggers and"
                    + " temporary names go. Offline, the script of the online revision --target (default head).",
            TARGET),
    DRIFT(
            "Compare the database (or each tenant) with the schema its migrations build up to its revision, replayed"
                    + " on a throwaway embedded server or --scratch-url; fail on any difference. The database is only read.",
            null),
    LINT(
            "Run migrations on a throwaway database (embedded, or of --scratch-url), watching the locks, rewrites and scans each"
                    + " statement takes, and judge them; with --url, those it has not applied, weighed by its tables'"
                    + " sizes (it is only read).",
            null),
    VERIFY(
            "Test the chain on a throwaway database (embedded, or of --scratch-url): every migration upgraded, downgraded and"
                    + " upgraded again to the same schema, down to base and back, and the lint of every migration.",
            null),
    WATCH(
            "Stay running: after each change of --classes or --objects, print what check says of the entities and"
                    + " the schema at head (the migrations replayed on throwaway embedded servers, or on --scratch-url); with"
                    + " --write, or Enter pressed, write the migration as autogenerate does.",
            null),
    IMPORT(
            "Move a project in from Flyway or Liquibase (--from): one revision per old migration, written below --sources"
                    + " into the first of --packages, after the old tool and migrate have replayed both chains on"
                    + " throwaway databases (embedded, or of --scratch-url) to the same schema.",
            null),
    MCP(
            "Serve the commands as the tools of an MCP server on standard input and output, for a coding agent:"
                    + " current, history, heads, explain, check, drift, lint, plan and autogenerate (a dry run) only"
                    + " read; --allow-write adds upgrade, downgrade and stamp, whose destructive plans still need the"
                    + " user's consent token. --http <port> serves Streamable HTTP on 127.0.0.1 instead.",
            null);

    private final String summary;

    @SuppressWarnings("ImmutableEnumChecker") // an option's fields are final, and their types immutable
    private final @Nullable CliOption positional;

    CliCommand(String summary, @Nullable CliOption positional) {
        this.summary = summary;
        this.positional = positional;
    }

    /**
     * The rows its command's class declares. Those of the build-time commands are read through
     * {@link ToolingCommands}, so that a runtime command loads none of their classes.
     */
    TakenSettings settings() {
        return switch (this) {
            case UPGRADE -> UpgradeCommand.SETTINGS;
            case DOWNGRADE -> DowngradeCommand.SETTINGS;
            case CURRENT -> CurrentCommand.SETTINGS;
            case HISTORY -> HistoryCommand.SETTINGS;
            case HEADS -> HeadsCommand.SETTINGS;
            case BRANCHES -> BranchesCommand.SETTINGS;
            case SHOW -> ShowCommand.SETTINGS;
            case STAMP -> StampCommand.SETTINGS;
            case COMPLETE -> CompleteCommand.SETTINGS;
            case DRIFT, LINT, VERIFY, WATCH, IMPORT, MCP -> ToolingCommands.settings(this);
        };
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
        // the row's default for this command: head for upgrade, -1 for downgrade
        Setting<?> setting = positional == null ? null : positional.setting();
        return setting == null ? null : setting.defaultIn(commandName());
    }

    /** The options this command takes, in the order help lists them. */
    Set<CliOption> options() {
        TakenSettings settings = settings();
        Set<CliOption> taken = new LinkedHashSet<>();
        for (CliOption option : CliOption.ALL) {
            if (option.takenBy(settings)) {
                taken.add(option);
            }
        }
        return Collections.unmodifiableSet(taken);
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
}
