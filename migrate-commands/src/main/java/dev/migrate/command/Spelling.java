package dev.migrate.command;

/**
 * How a face tells a user to run a command or give a setting, in the messages the commands write: what a
 * command checks before anything else needs nothing more of its face.
 */
public interface Spelling {
    /** How the face tells a user to run {@code command}: {@code mvn migrate:upgrade}, {@code migrate upgrade}. */
    String command(String command);

    /**
     * How the face tells a user to give a setting, named as the plugin's parameter ({@code failOn},
     * {@code drift.sqlFile}): {@code -Dmigrate.failOn=warning}, {@code --fail-on warning}.
     */
    String setting(String name, String value);
}
