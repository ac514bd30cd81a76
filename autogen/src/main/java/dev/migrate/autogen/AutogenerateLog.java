package dev.migrate.autogen;

import java.nio.file.Path;

/**
 * Where {@link Autogenerate} and {@link dev.migrate.autogen.drift.Drift} say what they do (which caches answered, what they started and
 * replayed), and how their messages spell the command and the setting that fix a problem for the user who
 * reads them: the plugin's goals by default, {@code migrate <command> --<option>} on the command line.
 */
public interface AutogenerateLog {
    void info(String line);

    /** {@code path} as the log shows it, e.g. relative to the project; as it is by default. */
    default String shown(Path path) {
        return path.toString();
    }

    /** How the user runs {@code command}: {@code mvn migrate:upgrade} by default. */
    default String command(String command) {
        return "mvn migrate:" + command;
    }

    /**
     * How the user gives a setting, named as the plugin's parameter ({@code replayCache}, {@code drift.sqlFile}):
     * {@code -Dmigrate.replayCache=false} by default.
     */
    default String setting(String name, String value) {
        return "-Dmigrate." + name + "=" + value;
    }
}
