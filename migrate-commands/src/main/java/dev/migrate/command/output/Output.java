package dev.migrate.command.output;

import dev.migrate.MigrationLog;

/**
 * Where a command's output goes: the Maven log, the console of the command line, the starter's logger. What a
 * command did goes here as data too, for the face's JSON document.
 */
public interface Output {
    /** A line of output. */
    void info(String line);

    /** A warning: something the user should read, which does not fail the command. */
    void warn(String line);

    /** An error the command reports before it fails. */
    void error(String line);

    /**
     * What the command did, as data for the JSON document: handed over before the command returns, and before it
     * fails where it knows it. A later result replaces an earlier one. Ignored by default.
     */
    default void result(CommandResult result) {}

    /** This output as the log the engine writes a run's progress to. */
    default MigrationLog asMigrationLog() {
        Output output = this;
        return new MigrationLog() {
            @Override
            public void info(String line) {
                output.info(line);
            }

            @Override
            public void warn(String line) {
                output.warn(line);
            }
        };
    }

    /** A script written to standard output, where a redirection of the face's output can take it. */
    default void script(String text) {
        System.out.print(text);
        System.out.flush();
    }
}
