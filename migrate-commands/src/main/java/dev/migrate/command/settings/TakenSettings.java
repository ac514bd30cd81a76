package dev.migrate.command.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rows of the {@link SettingsTable} one command takes, declared by the command's class, as Liquibase's command
 * steps declare their arguments: those every goal takes, the database's when it connects, and its own.
 *
 * <pre>{@code
 * TakenSettings.database("stamp").and(SettingsTable.TARGET, SettingsTable.PURGE)
 * }</pre>
 *
 * <p>The table's {@link Setting#commands} column names the same commands; {@code CommandSettingsTest} in the
 * plugin holds the two, and each goal's parameters, equal.
 *
 * @param command the command, as the goal and the command line name it: {@code stamp}
 * @param rows the rows it takes, each once
 */
public record TakenSettings(String command, List<Setting<?>> rows) {
    public TakenSettings {
        Objects.requireNonNull(command, "command");
        rows = List.copyOf(rows);
        if (Set.copyOf(rows).size() != rows.size()) {
            List<String> names = rows.stream().map(Setting::name).toList();
            throw new IllegalArgumentException(
                    "The command " + command + " declares a setting twice among " + names + ": declare each row once.");
        }
    }

    /** The rows every goal takes ({@code packages}, {@code output}...), for a command that needs no database. */
    public static TakenSettings every(String command) {
        return new TakenSettings(command, takenBy(SettingsTable.ALL_GOALS));
    }

    /** The rows every goal takes and those of the database (its connection and the run's settings). */
    public static TakenSettings database(String command) {
        return every(command).and(takenBy(SettingsTable.DATABASE_GOALS));
    }

    /** These rows and {@code more}. */
    public TakenSettings and(Setting<?>... more) {
        return and(Arrays.asList(more));
    }

    /** These rows and {@code more}. */
    public TakenSettings and(List<? extends Setting<?>> more) {
        List<Setting<?>> all = new ArrayList<>(rows);
        all.addAll(more);
        return new TakenSettings(command, all);
    }

    /** Whether {@code setting} is one of the rows. */
    public boolean takes(Setting<?> setting) {
        return rows.contains(setting);
    }

    /** The rows that a group of commands takes together, as the table's column names them. */
    private static List<Setting<?>> takenBy(Set<String> commands) {
        return SettingsTable.ALL.stream()
                .filter(s -> s.commands().equals(commands))
                .toList();
    }
}
