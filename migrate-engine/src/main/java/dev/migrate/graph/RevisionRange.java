package dev.migrate.graph;

import dev.migrate.BadTargetException;
import org.jspecify.annotations.Nullable;

/**
 * A range {@code <from>:<to>}, as offline SQL and {@code history} take it.
 *
 * @param from the lower end, or {@code null} when the text left it empty
 * @param to the upper end, or {@code null} when the text left it empty
 */
public record RevisionRange(@Nullable String from, @Nullable String to) {

    /**
     * Parses {@code from:to}; either side may be empty. Text without a colon is a range whose
     * {@code from} is empty ({@code "head"} means {@code ":head"}).
     */
    public static RevisionRange parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return new RevisionRange(null, null);
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return new RevisionRange(null, trimmed);
        }
        if (trimmed.indexOf(':', colon + 1) >= 0) {
            throw new BadTargetException("The range '" + text + "' has more than one ':'; write it as <from>:<to>, "
                    + "for example base:head or 20261120_093000:head.");
        }
        return new RevisionRange(emptyToNull(trimmed.substring(0, colon)), emptyToNull(trimmed.substring(colon + 1)));
    }

    /** Whether the text named a lower end. */
    public boolean hasFrom() {
        return from != null;
    }

    /** Whether the text named an upper end. */
    public boolean hasTo() {
        return to != null;
    }

    /** The upper end, or {@code fallback} when the text left it empty. */
    public String toOr(String fallback) {
        return to == null ? fallback : to;
    }

    private static @Nullable String emptyToNull(String s) {
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    @Override
    public String toString() {
        return (from == null ? "" : from) + ":" + (to == null ? "" : to);
    }
}
