package dev.migrate.command.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rows of the {@link SettingsTable} one command takes, declared by the command's class, as Liquibase's command
 * steps declare their arguments: those every goal takes, the database's when it connects, and its own. This is the one
 * place that says which commands take a row: the plugin's goals, the command line's options and the settings reference
 * read it here.
 *
 * <pre>{@code
 * TakenSettings.database("stamp").and(SettingsTable.TARGET, SettingsTable.PURGE)
 * }</pre>
 *
 * @param command the command, as the goal and the command line name it: {@code stamp}
 * @param rows the rows the goal takes, each once
 * @param commandLine the rows the command of the command line of the same name takes: {@code rows}, but where the
 *     command line differs ({@link #notOnCommandLine}, {@link #andOnCommandLine})
 */
public record TakenSettings(String command, List<Setting<?>> rows, List<Setting<?>> commandLine) {
    public TakenSettings {
        Objects.requireNonNull(command, "command");
        rows = List.copyOf(rows);
        commandLine = List.copyOf(commandLine);
        if (Set.copyOf(rows).size() != rows.size()) {
            List<String> names = rows.stream().map(Setting::name).toList();
            throw new IllegalArgumentException(
                    "The command " + command + " declares a setting twice among " + names + ": declare each row once.");
        }
    }

    /**
     * The rows every goal takes ({@code packages}, {@code output}...), for a command that needs no database; on the
     * command line {@code --verbose} too, which every command takes.
     */
    public static TakenSettings every(String command) {
        return new TakenSettings(command, SettingsTable.EVERY_GOAL, SettingsTable.EVERY_GOAL)
                .andOnCommandLine(SettingsTable.VERBOSE);
    }

    /**
     * The rows every goal takes and those of the database (its connection and the run's settings). The command line
     * starts no embedded database to migrate: it takes the embedded server's version only where a command starts
     * throwaway servers ({@link #withThrowawayServers}).
     */
    public static TakenSettings database(String command) {
        return every(command).and(SettingsTable.DATABASE).notOnCommandLine(SettingsTable.EMBEDDED_POSTGRES_VERSION);
    }

    /** These rows and {@code more}. */
    public TakenSettings and(Setting<?>... more) {
        return and(Arrays.asList(more));
    }

    /** These rows and {@code more}, on the command line too. */
    public TakenSettings and(List<? extends Setting<?>> more) {
        List<Setting<?>> all = new ArrayList<>(rows);
        all.addAll(more);
        return new TakenSettings(command, all, added(commandLine, more));
    }

    /**
     * The rows of a command that starts throwaway servers (the chain replayed, the old tool's run): the command line's
     * {@code --scratch-url}, and the version of its embedded ones.
     */
    public TakenSettings withThrowawayServers() {
        return and(SettingsTable.SCRATCH_URL).andOnCommandLine(SettingsTable.EMBEDDED_POSTGRES_VERSION);
    }

    /** These rows, and {@code more} on the command line alone. */
    public TakenSettings andOnCommandLine(Setting<?>... more) {
        return new TakenSettings(command, rows, added(commandLine, Arrays.asList(more)));
    }

    /** These rows, but {@code left} on the command line, whose command does without them. */
    public TakenSettings notOnCommandLine(Setting<?>... left) {
        return notOnCommandLine(Arrays.asList(left));
    }

    /** These rows, but {@code left} on the command line, whose command does without them. */
    public TakenSettings notOnCommandLine(List<? extends Setting<?>> left) {
        List<Setting<?>> kept = new ArrayList<>(commandLine);
        kept.removeAll(left);
        return new TakenSettings(command, rows, kept);
    }

    /** Whether the goal takes {@code setting}. */
    public boolean takes(Setting<?> setting) {
        return rows.contains(setting);
    }

    /** Whether the command of the command line takes {@code setting}, where the command line takes it at all. */
    public boolean takesOnCommandLine(Setting<?> setting) {
        return setting.takenBy(Face.COMMAND_LINE) && commandLine.contains(setting);
    }

    /** {@code rows} and those of {@code more} it does not hold yet. */
    private static List<Setting<?>> added(List<Setting<?>> rows, List<? extends Setting<?>> more) {
        List<Setting<?>> all = new ArrayList<>(rows);
        more.stream().filter(row -> !all.contains(row)).forEach(all::add);
        return all;
    }
}
