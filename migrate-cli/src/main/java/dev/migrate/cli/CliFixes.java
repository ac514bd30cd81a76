package dev.migrate.cli;

import dev.migrate.text.Fixes;

/**
 * The engine's fixes in the command line's words: its commands and options ({@code migrate upgrade --target -1});
 * a goal it has no command for ({@code revision}, {@code merge}) as the plugin's, where that fix is made; nothing of
 * the Java API or Spring Boot.
 */
final class CliFixes implements Fixes {
    static final CliFixes INSTANCE = new CliFixes();

    private CliFixes() {}

    @Override
    public String command(String command) {
        return CliCommand.named(command) == null ? Fixes.GOALS.command(command) : Arguments.PROGRAM + " " + command;
    }

    @Override
    public String named(String command) {
        return command(command);
    }

    @Override
    public String setting(String name, String value) {
        String spelled = CliOption.spelled(name, value);
        return spelled.isEmpty() ? Fixes.GOALS.setting(name, value) : spelled;
    }

    @Override
    public boolean offers(String name) {
        return !CliOption.spelled(name, "").isEmpty();
    }

    @Override
    public String setting(String name) {
        return parameter(name);
    }

    @Override
    public String parameter(String name) {
        String spelled = CliOption.spelled(name, "");
        return spelled.isEmpty() ? Fixes.GOALS.setting(name) : spelled.strip();
    }

    @Override
    public String api(String text) {
        return "";
    }

    @Override
    public String noMigrations() {
        return "Check " + CliOption.PACKAGES.written() + " (default db.migrations) against the package of the migration"
                + " classes, and that " + CliOption.CLASSPATH.written() + " names the application's jar or the"
                + " directory of its compiled classes; the plugin writes the first migration (mvn migrate:revision).";
    }

    @Override
    public String settingWhere(String name, String where) {
        String spelled = CliOption.spelled(name, "");
        return spelled.isEmpty() ? Fixes.GOALS.settingWhere(name, where) : spelled.strip();
    }

    @Override
    public String emptyPackages() {
        return "Give " + CliOption.PACKAGES.written() + " the Java package of the migration classes, for example "
                + CliOption.PACKAGES.written() + " db.migrations, or leave it out for the default db.migrations.";
    }

    @Override
    public String fleetDatabase() {
        return "give " + CliOption.URL.written() + " for a schema per tenant, or name the databases with "
                + CliOption.DATABASES.written();
    }

    @Override
    public String upgradeToHeads() {
        return command("upgrade") + " heads";
    }
}
