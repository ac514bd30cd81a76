package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.tooling.RevisionTarget;
import java.io.File;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What the parameters of a goal that changes the database say of its offline mode and of the embedded database.
 *
 * @param sql offline mode: the SQL script goes to standard output instead of running
 * @param sqlFile offline mode writing the SQL script to this file, or null
 * @param embedded whether the goal may change the embedded database when no URL is configured
 */
record ScriptOptions(boolean sql, @Nullable File sqlFile, boolean embedded) {

    /** Whether the goal writes SQL instead of running it: it then needs no database. */
    boolean offline() {
        return sql || sqlFile != null;
    }

    /** The script file, or null for standard output. */
    @Nullable
    Path scriptFile() {
        return sqlFile == null ? null : sqlFile.toPath();
    }

    /**
     * The goal's {@code target} as the user wrote it, its form checked before anything connects; in offline mode
     * also a {@code <from>:<to>} range.
     */
    RevisionTarget target(String text) {
        return offline() ? RevisionTarget.orRange(text) : RevisionTarget.of(text);
    }

    /**
     * Before the goal changes the embedded database because no URL is configured: unless {@code embedded} is set,
     * warns, and fails when the environment says the build runs in CI ({@code CI=true}), so that a deployment
     * whose database URL is missing can never succeed against the wrong database.
     */
    void checkEmbeddedMayChange(Goal goal, File dataDirectory) {
        if (embedded) {
            return;
        }
        String ci = System.getenv("CI");
        String setIt =
                "set the database URL (-Dmigrate.url, MIGRATE_DATABASE_URL, DATABASE_URL or <url>), or, if the embedded "
                        + "database is what you want, set <embedded>true</embedded> or -Dmigrate.embedded=true.";
        if (ci != null && (ci.equalsIgnoreCase("true") || ci.equals("1"))) {
            throw new MigrateException(
                    "No database URL is configured and this build runs in CI (CI=" + ci + "), so migrate:"
                            + goal.name()
                            + " refuses to change the embedded database: a deployment must never succeed against the wrong "
                            + "database. To deploy, " + setIt);
        }
        goal.log()
                .warn("*** No database URL is configured: migrate:" + goal.name() + " changes the EMBEDDED database in "
                        + dataDirectory + ", not your server. To use your server, " + setIt + " ***");
    }
}
