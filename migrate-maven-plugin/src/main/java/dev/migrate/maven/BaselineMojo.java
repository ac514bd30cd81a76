package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.command.entity.SchemaSource;
import dev.migrate.command.tooling.BaselineCommand;
import dev.migrate.command.tooling.SchemaFilesBaseline;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Writes the schema of an existing database, as it is, as the first migration of an empty chain:
 * {@code mvn compile migrate:baseline -Dmigrate.url=... -Dmigrate.message="baseline"}. Every table
 * (tables no entity maps too), sequence, enum type, index, constraint and comment of the managed
 * schema, with the types, sequences and functions they use from other schemas (each schema created if
 * missing), written as autogenerate writes a migration, with a downgrade that drops it all; a managed
 * schema other than {@code public} is created too, and its names are written qualified. Then mark
 * that database as at this revision with {@code migrate:stamp}, and write the way to the entities
 * with {@code migrate:autogenerate}. The database is only read.
 */
@Mojo(
        name = "baseline",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class BaselineMojo extends SchemaWriteMojo {

    /**
     * The one-line description of the baseline. It also names the class: the message {@code baseline}
     * gives {@code V20261122_101500_Baseline}.
     */
    @Parameter(property = "migrate.message")
    protected @Nullable String message;

    /**
     * Tables whose rows the baseline carries too ({@code countries,roles}), written to {@code dataDirectory} as
     * declared rows where the table has no file yet.
     */
    @Parameter(property = "migrate.baseline.data")
    protected @Nullable List<String> baselineData;

    /** Where the project's declared rows are. */
    @Parameter(property = "migrate.dataDirectory", defaultValue = "${project.basedir}/src/main/resources/db/data")
    protected File dataDirectory;

    /** The most rows a table whose rows the baseline carries may hold. */
    @Parameter(property = "migrate.dataRowLimit", defaultValue = "10000")
    protected int dataRowLimit;

    /**
     * {@code sql}: write the schema as SQL schema files in {@code sourceSqlDir} (one per table, with
     * {@code types.sql} and {@code objects.sql}) instead of a migration, so that they become the desired schema of
     * {@code autogenerate} and {@code check}.
     */
    @Parameter(property = "migrate.source")
    protected @Nullable String source;

    /** Where the baseline with source {@code sql} writes the SQL schema files; it may hold no {@code .sql} file. */
    @Parameter(property = "migrate.source.sql.dir", defaultValue = "${project.basedir}/src/main/resources/db/schema")
    protected File sourceSqlDir;

    @Override
    protected void checkSettings(DatabaseGoal database) {
        super.checkSettings(database);
        if (!writesFiles()) {
            baseline(database.goal()).checkSettings(Goal.FIXES);
        }
        if (!database.database().isConfigured()) {
            throw new MigrateException("migrate:baseline reads the schema of the database you adopt, and no database "
                    + "URL is configured. Give it with -Dmigrate.url=postgresql://user@host:5432/database (or "
                    + "MIGRATE_DATABASE_URL, or <url> in the plugin's configuration). Nothing was written.");
        }
    }

    @Override
    protected void run(DatabaseGoal database, ClassLoader projectClasses) {
        if (writesFiles()) {
            new SchemaFilesBaseline(managedSchema, sourceSqlDir.toPath())
                    .run(database.database().configured().orElseThrow(), database.context(projectClasses));
            return;
        }
        baseline(database.goal()).run(database.database().configured().orElseThrow(), database.context(projectClasses));
    }

    /** Whether the baseline is written as SQL schema files: {@code source} is {@code sql}; an error if it names no source. */
    private boolean writesFiles() {
        return source != null && !source.isBlank() && SchemaSource.named(source) == SchemaSource.SQL;
    }

    private BaselineCommand baseline(Goal goal) {
        return new BaselineCommand(
                message == null ? "" : message,
                managedSchema,
                sourceRoot(goal),
                baselineData == null ? List.of() : baselineData,
                dataRowLimit,
                dataDirectory.toPath());
    }
}
