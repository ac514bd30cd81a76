package dev.migrate.catalog.diff;

import org.jspecify.annotations.Nullable;

/**
 * Answers whether a table or column that disappeared and one that appeared are the same object
 * renamed. Maven asks the user when it is interactive; in batch mode the answer is no.
 */
@FunctionalInterface
public interface RenameDecider {
    /**
     * Whether {@code from} was renamed to {@code to}, rather than dropped and another added.
     *
     * @param kind {@code "table"} or {@code "column"}
     * @param owner the table, for a column; {@code null} for a table
     */
    boolean isRename(String kind, @Nullable String owner, String from, String to);

    /** Never a rename: batch mode. */
    static RenameDecider never() {
        return (kind, owner, from, to) -> false;
    }
}
