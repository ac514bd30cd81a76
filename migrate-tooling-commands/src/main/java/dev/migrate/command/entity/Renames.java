package dev.migrate.command.entity;

import dev.migrate.MigrateException;
import dev.migrate.catalog.diff.RenameDecider;
import java.io.Console;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How a face tells the comparison what was renamed: the renames the user gave, and the console to ask at. */
public final class Renames {
    private Renames() {}

    /**
     * The renames given as {@code old_table=new_table} or {@code table.old_column=new_column}, old name to new.
     *
     * @throws MigrateException for an entry of neither form
     */
    public static Map<String, String> hints(List<String> renames) {
        Map<String, String> hints = new LinkedHashMap<>();
        for (String entry : renames) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new MigrateException("The rename '" + entry + "' is not of the form old_table=new_table or "
                        + "table.old_column=new_column.");
            }
            hints.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return hints;
    }

    /**
     * Asks at the console when the build is interactive. In batch mode nobody can be asked: what looks renamed
     * is reported, unless it is named as not renamed, and written as drop plus add.
     */
    // JDK 22 and later return a console without a terminal too; Console.isTerminal() that tells them
    // apart is not in the Java 17 API this is built for, and batch mode is checked first
    @SuppressWarnings("SystemConsoleNull")
    public static Optional<RenameDecider> askingAtConsole(boolean interactive) {
        Console console = System.console();
        if (!interactive || console == null) {
            return Optional.empty();
        }
        return Optional.of((kind, owner, from, to) -> {
            String question =
                    "Was " + kind + " " + (owner == null ? "" : owner + ".") + from + " renamed to " + to + "? [y/N] ";
            String answer = console.readLine("%s", question);
            return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
        });
    }
}
