package dev.migrate.maven;

import dev.migrate.command.SqlScript;
import dev.migrate.graph.RevisionTarget;
import java.io.File;
import org.jspecify.annotations.Nullable;

/**
 * What the parameters of a goal that changes the database say of its offline mode.
 *
 * @param sql offline mode: the SQL script goes to standard output instead of running
 * @param sqlFile offline mode writing the SQL script to this file, or null
 */
record ScriptOptions(boolean sql, @Nullable File sqlFile) {

    /** Whether the goal writes SQL instead of running it: it then needs no database. */
    boolean offline() {
        return sql || sqlFile != null;
    }

    /** Where the script goes in offline mode; null when the goal runs on its database. */
    @Nullable
    SqlScript script() {
        return offline() ? new SqlScript(sqlFile == null ? null : sqlFile.toPath()) : null;
    }

    /**
     * The goal's {@code target} as the user wrote it, its form checked before anything connects; in offline mode
     * also a {@code <from>:<to>} range.
     */
    RevisionTarget target(String text) {
        return offline() ? RevisionTarget.orRange(text) : RevisionTarget.of(text);
    }
}
