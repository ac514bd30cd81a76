package dev.migrate.internal.text;

import org.jspecify.annotations.Nullable;

/** A statement as a line of a report: progress, lock waits. */
public final class OneLine {
    /** How much of a statement a line shows: enough to recognise it, on one line. */
    public static final int STATEMENT_CHARS = 120;

    private OneLine() {}

    /** {@code sql} on one line, its white space runs made single spaces, cut to {@link #STATEMENT_CHARS}. */
    public static @Nullable String of(@Nullable String sql) {
        if (sql == null) {
            return null;
        }
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() <= STATEMENT_CHARS ? line : line.substring(0, STATEMENT_CHARS) + " ...";
    }
}
