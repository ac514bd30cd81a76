package dev.migrate.maven;

import dev.migrate.Migrator;
import java.io.File;
import java.io.Writer;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.maven.plugins.annotations.Parameter;

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
    protected File sqlFile;

    /** Runs {@code online} against the database, or in offline mode hands a script writer to {@code offline}. */
    protected final void onlineOrOffline(ClassLoader projectClasses, Consumer<Migrator> online, BiConsumer<Migrator, Writer> offline) {
        if (sql || sqlFile != null) {
            Migrator migrator = offline(projectClasses);
            new SqlScriptOutput(sqlFile == null ? null : sqlFile.toPath(), System.out)
                    .write(out -> offline.accept(migrator, out), getLog());
        } else {
            withDatabase(projectClasses, online);
        }
    }
}
