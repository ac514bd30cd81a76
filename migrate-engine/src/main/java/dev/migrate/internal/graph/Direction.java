package dev.migrate.internal.graph;

/** Which way a {@link Step} moves the schema. */
public enum Direction {
    /** Runs the migration's {@code upgrade}. */
    UPGRADE,
    /** Runs the migration's {@code downgrade}. */
    DOWNGRADE
}
