package dev.migrate.imports.tool;

import java.util.Locale;

/** A tool a project moves in from, with the history table it keeps by default. */
public enum OldTool {
    FLYWAY("Flyway", "flyway_schema_history"),
    LIQUIBASE("Liquibase", "databasechangelog");

    /** The Flyway the import replays with unless told otherwise. */
    public static final String FLYWAY_VERSION = "13.12.1";

    /** The Liquibase the import reads and replays with unless told otherwise: 4.33, the last open-source line. */
    public static final String LIQUIBASE_VERSION = "4.33.0";

    private final String displayName;
    private final String defaultTable;

    OldTool(String displayName, String defaultTable) {
        this.displayName = displayName;
        this.defaultTable = defaultTable;
    }

    /** The tool as users name it: {@code Flyway}, {@code Liquibase}. */
    public String displayName() {
        return displayName;
    }

    /** The history table the tool keeps unless configured otherwise. */
    public String defaultTable() {
        return defaultTable;
    }

    /** The spelling of settings and annotations: {@code flyway}, {@code liquibase}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
