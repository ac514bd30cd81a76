package dev.migrate.mcp;

import dev.migrate.text.Fixes;

/**
 * The face's fixes, but a consent token and the rehearsal are named as the tool arguments that carry them: under the
 * MCP server the user gives the token to the agent, which passes it in the call.
 */
record McpFixes(Fixes face) implements Fixes {
    @Override
    public String command(String command) {
        return face.command(command);
    }

    @Override
    public String named(String command) {
        return face.named(command);
    }

    @Override
    public String setting(String name, String value) {
        return switch (name) {
            case "consent" ->
                "the argument \"consent\": \"" + value + "\" of this tool's call (the token your user typed to you)";
            case "rehearse" -> "the argument \"rehearse\": " + value + " of this tool's call";
            default -> face.setting(name, value);
        };
    }

    @Override
    public String runGiven(String name, String value) {
        return face.runGiven(name, value);
    }

    @Override
    public boolean offers(String name) {
        return face.offers(name);
    }

    @Override
    public String setting(String name) {
        return face.setting(name);
    }

    @Override
    public String parameter(String name) {
        return face.parameter(name);
    }

    @Override
    public String api(String text) {
        return face.api(text);
    }

    @Override
    public String noMigrations() {
        return face.noMigrations();
    }

    @Override
    public String settingWhere(String name, String where) {
        return face.settingWhere(name, where);
    }

    @Override
    public String emptyPackages() {
        return face.emptyPackages();
    }

    @Override
    public String fleetDatabase() {
        return face.fleetDatabase();
    }

    @Override
    public String upgradeToHeads() {
        return face.upgradeToHeads();
    }
}
