package dev.migrate.text;

/**
 * How the engine's messages tell a user what to run or set: the plugin's goals and parameters, with the Java
 * API beside them where a message names it ({@link #GOALS}, what the plugin, the starter and an application
 * read), or another face's commands and options, such as the command line's {@code migrate upgrade --target -1}.
 * A face gives its own to the migrator's builder with {@code MigratorTools.spellFixes}.
 */
public interface Fixes {
    /** The plugin's goals and parameters, and the Java API beside them. */
    Fixes GOALS = new Fixes() {};

    /**
     * The plugin's goals as a command names them after a fix the user makes to the code: {@code mvn compile
     * migrate:upgrade}, since a goal runs on the compiled classes, which the fix may just have changed.
     */
    Fixes COMPILING_GOALS = new Fixes() {
        @Override
        public String command(String command) {
            return "mvn compile migrate:" + command;
        }
    };

    /** Running {@code command}: {@code mvn migrate:complete}, {@code migrate complete}. */
    default String command(String command) {
        return "mvn migrate:" + command;
    }

    /** {@code command} named in passing: {@code the history goal}, {@code migrate history}. */
    default String named(String command) {
        return "the " + command + " goal";
    }

    /**
     * A setting, named as the plugin's parameter ({@code target}, {@code lockTimeout}), with its value:
     * {@code -Dmigrate.target=-1}, {@code --target -1}.
     */
    default String setting(String name, String value) {
        return "-Dmigrate." + name + "=" + value;
    }

    /**
     * A setting of the run itself, as a message asks for a run given it: the face's own runs take it where the
     * face has a place for it ({@code migrate.contexts=test} in a Spring Boot application, {@code
     * quarkus.migrate.contexts=test} in a Quarkus one), and a goal's setting ({@link #setting(String, String)})
     * elsewhere.
     */
    default String runGiven(String name, String value) {
        return setting(name, value);
    }

    /**
     * Whether the face takes the setting {@code name} (the plugin's parameter name) at all: a message offers a way
     * out through a setting only where its reader can give it. All of them by default.
     */
    default boolean offers(String name) {
        return true;
    }

    /** A setting without its value: {@code -Dmigrate.lockTimeout}, {@code --lock-timeout}. */
    default String setting(String name) {
        return "-Dmigrate." + name;
    }

    /** A setting as a sentence names it: the plugin's parameter {@code lockWaitTimeout}, {@code --lock-wait-timeout}. */
    default String parameter(String name) {
        return name;
    }

    /**
     * What a message adds for the Java API or Spring Boot ({@code " (or Migrator.upgrade(\"heads\"))"}): as it is
     * where an application may read it, nothing on a face that has neither.
     */
    default String api(String text) {
        return text;
    }

    /** The fix when no migration was found where the face looked. */
    default String noMigrations() {
        return "Check the packages setting (-Dmigrate.packages=... or <packages> in Maven, migrate.packages in Spring"
                + " Boot) against the package of the migration classes, and that they are compiled (mvn compile);"
                + " write the first one with mvn migrate:revision.";
    }

    /**
     * A setting as a sentence names it, with where the faces take it: the plugin's {@code the tenants setting
     * (-Dmigrate.tenants or <tenants> in Maven)}, where {@code where} is what the parenthesis says; the command
     * line's {@code --tenants}. An empty {@code where}: the plugin's {@code the databases setting} alone.
     */
    default String settingWhere(String name, String where) {
        return "the " + name + " setting" + (where.isEmpty() ? "" : " (" + where + ")");
    }

    /** The fix when the packages setting names no package. */
    default String emptyPackages() {
        return "Set packages to the Java package of the migration classes, for example db.migrations "
                + "(-Dmigrate.packages=db.migrations or <packages> in Maven, migrate.packages=db.migrations in "
                + "Spring Boot), or leave the setting out for the default db.migrations.";
    }

    /** The fix when a fleet has no database to run on. */
    default String fleetDatabase() {
        return "give the migrator builder a DataSource or URL for a schema per tenant, or name the databases "
                + "(Fleet.builder(...).databases(...), -Dmigrate.databases in Maven)";
    }

    /** The run that brings a database to every head: {@code mvn migrate:upgrade (or Migrator.upgrade("heads"))}. */
    default String upgradeToHeads() {
        return "mvn migrate:upgrade (or Migrator.upgrade(\"heads\"))";
    }
}
