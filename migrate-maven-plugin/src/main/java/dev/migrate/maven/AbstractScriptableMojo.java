package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/** A goal that changes the database, or in offline mode prints the SQL it would run. */
abstract class AbstractScriptableMojo extends AbstractDatabaseMojo {

    /**
     * Offline mode: print the SQL script to standard output instead of running it. Needs no
     * database, and never starts the embedded one.
     */
    @Parameter(property = "migrate.sql", defaultValue = "false")
    protected boolean sql;

    /** Offline mode writing the SQL script to this file (implies {@link #sql}). */
    @Parameter(property = "migrate.sqlFile")
    protected @Nullable File sqlFile;

    /**
     * Allows this goal to change the embedded database when no URL is configured. Without it the
     * goal warns, and fails when the environment says it runs in CI ({@code CI=true}), so that a
     * deployment whose database URL is missing can never succeed against the wrong database.
     */
    @Parameter(property = "migrate.embedded", defaultValue = "false")
    protected boolean embedded;

    @Override
    protected boolean usesDatabase() {
        return !offline();
    }

    private boolean offline() {
        return sql || sqlFile != null;
    }

    @Override
    protected void checkEmbeddedMayChange() {
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
                            + goal()
                            + " refuses to change the embedded database: a deployment must never succeed against the wrong "
                            + "database. To deploy, " + setIt);
        }
        getLog().warn("*** No database URL is configured: migrate:" + goal() + " changes the EMBEDDED database in "
                + embeddedDataDirectory + ", not your server. To use your server, " + setIt + " ***");
    }
}
