package dev.migrate.command;

import dev.migrate.Migrator;
import java.util.function.Consumer;

/**
 * What a face gives every command: its migrations, its database, how it tells a user to run a command or
 * give a setting, and where its output goes. The plugin's goals and the command line each implement it once.
 */
public interface CommandFace {
    /**
     * The migrations with every run setting of the face, without a database.
     *
     * @param online whether they will run on databases (rather than be written as SQL or only read)
     */
    Migrator.Builder migrations(boolean online);

    /** Runs {@code work} with {@code migrations(true)} on the face's database: the configured one, or one it starts. */
    void onDatabase(Consumer<Migrator.Builder> work);

    /** How the face tells a user to run {@code command}: {@code mvn migrate:upgrade}, {@code migrate upgrade}. */
    String command(String command);

    /**
     * How the face tells a user to give a setting, named as the plugin's parameter ({@code failOn},
     * {@code drift.sqlFile}): {@code -Dmigrate.failOn=warning}, {@code --fail-on warning}.
     */
    String setting(String name, String value);

    /** A line of output. */
    void info(String line);

    /** A warning: something the user should read, which does not fail the command. */
    void warn(String line);

    /** An error the command reports before it fails. */
    void error(String line);
}
