package dev.migrate.command;

/**
 * How a face tells a user to run a command or give a setting, in the messages the commands write: what a
 * command checks before anything else needs nothing more of its face.
 */
public interface Spelling {
    /**
     * The plugin's goals and parameters: {@code mvn compile migrate:upgrade} (a goal runs on the compiled classes,
     * which a fix may just have changed), {@code -Dmigrate.target=head}. The plugin speaks so, and an application
     * names them for a fix made outside it.
     */
    Spelling GOALS = new Spelling() {
        @Override
        public String command(String command) {
            return "mvn compile migrate:" + command;
        }

        @Override
        public String setting(String name, String value) {
            return "-Dmigrate." + name + "=" + value;
        }
    };

    /** How the face tells a user to run {@code command}: {@code mvn migrate:upgrade}, {@code migrate upgrade}. */
    String command(String command);

    /**
     * How the face tells a user to give a setting, named as the plugin's parameter ({@code failOn},
     * {@code drift.sqlFile}): {@code -Dmigrate.failOn=warning}, {@code --fail-on warning}.
     */
    String setting(String name, String value);
}
