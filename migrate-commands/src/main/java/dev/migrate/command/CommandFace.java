package dev.migrate.command;

import dev.migrate.Migrator;
import dev.migrate.command.output.CommandResult;
import dev.migrate.text.Fixes;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a face gives every command: its migrations, its database, how it tells a user to run a command or
 * give a setting ({@link Fixes}), and where its output goes. The plugin's goals and the command line each implement it once.
 */
public interface CommandFace {
    /** How the face names a command and a setting in the messages it shows: its goals, its options. */
    Fixes fixes();

    /**
     * The migrations with every run setting of the face, without a database.
     *
     * @param online whether they will run on databases (rather than be written as SQL or only read)
     */
    Migrator.Builder migrations(boolean online);

    /** Runs {@code work} with {@code migrations(true)} on the face's database: the configured one, or one it starts. */
    void onDatabase(Consumer<Migrator.Builder> work);

    /** {@code path} as the face shows it: relative to the project in the plugin; as it is by default. */
    default String shown(Path path) {
        return path.toString();
    }

    /** Where a migration class's source is, as the user finds it; its class name by default. */
    default String source(String className) {
        return className;
    }

    /** A line of output. */
    void info(String line);

    /** A warning: something the user should read, which does not fail the command. */
    void warn(String line);

    /** An error the command reports before it fails. */
    void error(String line);

    /**
     * What the command did, as data for the face's JSON document: handed over before the command returns, and
     * before it fails where it knows it. A later result replaces an earlier one. Ignored by default.
     */
    default void result(CommandResult result) {}
}
