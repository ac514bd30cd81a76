package dev.migrate.command.settings;

/** The sections of the reference page, in its order. */
public enum Section {
    CONNECTION("Connection"),
    MIGRATIONS("Migrations and the version tables"),
    RUNNING("Running migrations");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    /** The section's heading. */
    public String title() {
        return title;
    }
}
