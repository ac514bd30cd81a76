package dev.migrate.command.settings;

import org.jspecify.annotations.Nullable;

/** The sections of the reference page that describe settings, in its order. */
public enum Section {
    CONNECTION("Connection"),
    MIGRATIONS("Migrations and the version tables"),
    RUNNING("Running migrations"),
    OFFLINE_SQL("Offline SQL"),
    GRAPH("Reading the graph"),
    WRITING("Writing migrations"),
    AUTOGENERATE("Autogenerate and check"),
    WATCH(
            "Watch",
            "The goal `watch` ([Watch: the dev loop](../howto/watch.md)) also takes every setting of `autogenerate`."),
    IMPORT(
            "Import",
            "The goal `import` and the command `import` move a project in from Flyway or Liquibase ([Coming from"
                    + " Flyway](../howto/coming-from-flyway.md)): one revision per old migration, written into the first"
                    + " of `packages` below `sourceDirectory`, after proving that both chains build the same schema. The"
                    + " goal also takes the connection settings and `managedSchema`; the command line's takes"
                    + " `--classpath`, `--packages`, `--sources`, the throwaway servers' `--scratch-url` and"
                    + " `--embedded-postgres-version`, and `--json`, and the database options only with `--retire`."),
    LINT("Lint"),
    DRIFT("Drift"),
    TENANTS("Many tenants"),
    SERVERS("Embedded and throwaway servers"),
    PICTURES("Pictures"),
    GOAL("The goal itself"),
    STARTUP(
            "At startup: Spring Boot and Quarkus",
            "What the starter and the Quarkus extension do when the application starts. A Quarkus application's named"
                    + " datasource takes each of its settings as `quarkus.migrate.\"<name>\".<setting>`"
                    + " ([Quarkus](../howto/quarkus.md)).");

    private final String title;
    private final @Nullable String intro;

    Section(String title) {
        this(title, null);
    }

    Section(String title, @Nullable String intro) {
        this.title = title;
        this.intro = intro;
    }

    /** The section's heading. */
    public String title() {
        return title;
    }

    /** What the page says of the section's settings as a whole, before them (Markdown); null when nothing. */
    public @Nullable String intro() {
        return intro;
    }
}
