package dev.migrate.maven;

import dev.migrate.autogen.data.DeclaredRows;
import dev.migrate.command.settings.GivenSettings;
import dev.migrate.command.tooling.DriftCommand;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Fails the build when the database no longer has the schema its migrations say it has: the schema the
 * chain builds up to the revision the database is at (replayed on a throwaway embedded PostgreSQL of the
 * database's major version, or taken from the replay cache) is compared with the database, tables,
 * columns, indexes, constraints, sequences, enum types, comments, views, functions, triggers, policies,
 * grants and the other objects beside tables alike, each difference listed. The database is only read,
 * so a standby serves. With {@code tenants} or {@code databases}, every tenant is compared with the
 * schema of its own revision. The result is in {@code target/migrate/drift.json}.
 */
@Mojo(
        name = "drift",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DriftMojo extends DatabaseMojo {

    /** The schema the migrations build and the database is compared in. */
    @Parameter(property = "migrate.managedSchema", defaultValue = "public")
    protected String managedSchema;

    /**
     * Name patterns left out of the comparison, as {@code check} leaves them out ({@code *} and {@code ?}
     * globs; with a dot, matched against {@code schema.name}): a table another application writes is no
     * drift. The version tables and the objects of extensions are always left out.
     */
    @Parameter(property = "migrate.exclude")
    protected @Nullable List<String> exclude;

    /**
     * Keep the schema of each revision the migrations build in {@code target/migrate/replay-cache}, so that
     * a run with the same migrations does not replay them.
     */
    @Parameter(property = "migrate.replayCache", defaultValue = "true")
    protected boolean replayCache;

    /** Tenant schemas, as for {@code upgrade}: each is compared with the schema of the revision it is at. */
    @Parameter(property = "migrate.tenants")
    protected @Nullable String tenants;

    /** A database per tenant, as for {@code upgrade}: comma-separated URLs, or {@code @} and a file. Never printed. */
    @Parameter(property = "migrate.databases")
    protected @Nullable Secret databases;

    /** How many tenants are read at once. Default: as for {@code upgrade}. */
    @Parameter(property = "migrate.parallel")
    protected @Nullable Integer parallel;

    /**
     * Writes the SQL that brings the database back to the chain's schema to this file, for review; nothing
     * is run. For a fleet, one file per drifted tenant beside it ({@code drift-tenant_a.sql}).
     */
    @Parameter(property = "migrate.drift.sqlFile")
    protected @Nullable File driftSqlFile;

    /**
     * Accepts the drift instead: writes the next migration (with {@code message}), whose upgrade makes the
     * schema at head into the database's and whose downgrade undoes that. The database has the changes
     * already: mark it with {@code migrate:stamp}, the new revision as {@code target}; every other database
     * gets them by {@code upgrade}. One database, at head.
     */
    @Parameter(property = "migrate.drift.accept", defaultValue = "false")
    protected boolean driftAccept;

    /** The message of the migration that accepts the drift ({@link #driftAccept}). */
    @Parameter(property = "migrate.message")
    protected @Nullable String message;

    /** The source root the accepting migration is written to, below the first of {@code packages}. */
    @Parameter(property = "migrate.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    protected File sourceDirectory;

    /**
     * The project's declared rows: the rows of each table with a file there are compared too, by key, in the
     * columns the file names.
     */
    @Parameter(property = "migrate.dataDirectory", defaultValue = "${project.basedir}/src/main/resources/db/data")
    protected File dataDirectory;

    /** The most rows a declared table may hold, in its file or in the database. */
    @Parameter(property = "migrate.dataRowLimit", defaultValue = "10000")
    protected int dataRowLimit;

    @Override
    protected DatabaseUse use(Goal goal) {
        return super.use(goal)
                .connectingAhead(database -> true)
                // it reads the version table; running nothing, it has no checksum to hold against it
                .withoutChecksums()
                .keepingReplayCache(replayCache);
    }

    @Override
    protected GivenSettings settings(GivenSettings given) {
        return given.with("tenants", tenants)
                .with("databases", Secret.valueOf(databases))
                .with("parallel", parallel);
    }

    @Override
    protected void checkSettings(DatabaseGoal database) {
        super.checkSettings(database);
        database.goal().staleClassCheck().verify(packages, "migrate:drift");
        drift(database.goal()).checkSettings(Goal.FIXES);
    }

    @Override
    protected void run(DatabaseGoal database, ClassLoader projectClasses) {
        drift(database.goal()).run(database.fleet(), database.context(projectClasses));
    }

    private DriftCommand drift(Goal goal) {
        return new DriftCommand(
                managedSchema,
                exclude == null ? List.of() : exclude,
                driftSqlFile == null ? null : driftSqlFile.toPath(),
                driftAccept
                        ? new DriftCommand.Accept(message == null ? "" : message, goal.sourceRoot(sourceDirectory))
                        : null,
                goal.inTarget("migrate", "drift.json"),
                DeclaredRows.in(dataDirectory.toPath(), goal.displayed(dataDirectory.toPath()), managedSchema),
                dataRowLimit);
    }
}
