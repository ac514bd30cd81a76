package dev.migrate.maven;

import dev.migrate.command.database.RunDatabase;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.GivenSettings;
import java.io.File;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;
import org.jspecify.annotations.Nullable;

/**
 * The base of the goals that talk to a database: the parameters every goal has, as {@link MigrateMojo} declares them,
 * and the database's (URL, credentials, embedded default, run settings), which its {@link DatabaseGoal} works with.
 */
abstract class DatabaseMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /** Skips the goal, for example in a profile that must not touch the database. */
    @Parameter(property = "migrate.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The Java packages holding the migration classes, searched on the project's runtime
     * classpath ({@code target/classes} and dependency jars). Comma-separated on the command line.
     */
    @Parameter(property = "migrate.packages", defaultValue = "db.migrations")
    protected List<String> packages;

    /**
     * Let the JVM's optimizing compiler (C2) compile while the goal runs. Off by default: a goal lasts seconds,
     * and C2 spends more processor time on it than its code saves, on the cores PostgreSQL, the JPA provider and
     * a throwaway server need (a cold {@code check} of 2,000 entities took 6.6 to 7.0 s without it, 7.9 to 9.3 s
     * with it; an upgrade of 1,000 migrations on a stock PostgreSQL 15, 4.1 s and 2.0 s of processor time without
     * it, 4.7 s and 4.0 s with it). What runs in the build after the goal compiles as usual.
     */
    @Parameter(property = "migrate.optimizingCompiler", defaultValue = "false")
    protected boolean optimizingCompiler;

    /**
     * How the goal reports what it did: {@code text}, the build log alone, or {@code json}, also one JSON document
     * of schema {@code migrate-output/1} (docs/reference/output-json.md) on standard output, or in
     * {@code output.file}. Written also when the goal fails, before the build fails.
     */
    @Parameter(property = "migrate.output", defaultValue = "text")
    protected String output = "text";

    /**
     * Where the JSON document goes instead of standard output, where Maven's own log lines would surround it, such
     * as {@code target/migrate/result.json}. Setting it writes the document even with {@code output} {@code text}.
     */
    @Parameter(property = "migrate.output.file")
    protected @Nullable File outputFile;

    /**
     * The database, as {@code jdbc:postgresql://host:port/database} or
     * {@code postgresql://user:password@host:port/database} ({@code postgres://} too). Highest first:
     * {@code -Dmigrate.url}, the environment variables {@code MIGRATE_DATABASE_URL} and
     * {@code DATABASE_URL}, then this setting in the pom; a source that is set but empty is an error.
     * With no URL anywhere, an embedded PostgreSQL is started for the goal. Never printed, not even
     * by {@code mvn -X}.
     */
    @Parameter(property = "migrate.url")
    protected @Nullable Secret url;

    /** The database user, when the URL does not name one. */
    @Parameter(property = "migrate.user")
    protected @Nullable String user;

    /**
     * The database password, when the URL does not carry one. Prefer {@link #serverId} with an
     * encrypted password in settings.xml. Never printed or logged.
     */
    @Parameter(property = "migrate.password")
    protected @Nullable Secret password;

    /**
     * The id of a server entry in settings.xml (the id element of a server under servers). Its
     * username and password are used when neither the URL nor the user and password parameters
     * give them. A password encrypted with {@code mvn --encrypt-password} works too.
     */
    @Parameter(property = "migrate.serverId")
    protected @Nullable String serverId;

    /**
     * The fully qualified class name of a credentials provider (an implementation of the CredentialsProvider
     * interface of migrate-engine), asked for the user and password of each new connection in place of a fixed
     * password, for credentials that expire (an IAM token, a lease of a secrets store): the engine's own
     * RdsIamCredentials, or a class of the project, of a dependency of the project or of the plugin, with a public
     * constructor without arguments. Applies to the URL and to the databases of a fleet. What it gives is never
     * printed.
     */
    @Parameter(property = "migrate.credentialsProvider")
    protected @Nullable String credentialsProvider;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected @Nullable Settings settings;

    @Inject
    protected SettingsDecrypter settingsDecrypter;

    /**
     * The PostgreSQL version of the embedded database used when no URL is configured: a major
     * version from 13 to 18 (the latest binaries of that major) or a full binaries version such as
     * {@code 18.6.0}. The binaries are fetched from Maven repositories on first use.
     */
    @Parameter(property = "migrate.embeddedPostgresVersion", defaultValue = "18")
    protected String embeddedPostgresVersion;

    /** Where the embedded database keeps its data between runs. Delete it (or {@code mvn clean}) to start empty. */
    @Parameter(property = "migrate.embeddedDataDirectory", defaultValue = "${project.build.directory}/migrate/pgdata")
    protected File embeddedDataDirectory;

    /**
     * Whether a throwaway embedded PostgreSQL (the one check, autogenerate, verify, lint and squash
     * start) keeps its data in memory, in {@code /dev/shm} when that is a tmpfs with 2 GB free, rather
     * than in target/migrate. false keeps it on disk, for a model too large for the memory there.
     */
    @Parameter(property = "migrate.throwawayInMemory", defaultValue = "true")
    protected boolean throwawayInMemory;

    /**
     * A PostgreSQL installation (its prefix or bin directory, such as {@code /usr/lib/postgresql/15}) that throwaway
     * servers start from instead of the embedded binaries: for extensions they lack (pgvector, PostGIS).
     */
    @Parameter(property = "migrate.postgres.home")
    protected @Nullable File postgresHome;

    @Inject
    protected RepositorySystem repositorySystem;

    /**
     * Keep the checksums of the migrations in target/migrate/checksum-cache, keyed by the bytes of
     * the compiled classes, so that a run verifies applied migrations without loading each one while
     * the code is unchanged. false computes every checksum on every run.
     */
    @Parameter(property = "migrate.checksumCache", defaultValue = "true")
    protected boolean checksumCache;

    // The run settings, generated from SettingsTable by RunParametersSourceTest (-Dmigrate.regenerate=true).

    /** Schema of the version and history tables. */
    @Parameter(property = "migrate.schema", defaultValue = "public")
    protected @Nullable String schema;

    /** The table holding one row per current head revision. */
    @Parameter(property = "migrate.versionTable", defaultValue = "migrate_version")
    protected @Nullable String versionTable;

    /** The table holding one row per applied or reverted step. */
    @Parameter(property = "migrate.historyTable", defaultValue = "migrate_history")
    protected @Nullable String historyTable;

    /** One transaction per migration, with its version-table update inside it; or {@code all}: one transaction for the whole run. */
    @Parameter(property = "migrate.transactionMode", defaultValue = "per_migration")
    protected @Nullable String transactionMode;

    /** PostgreSQL {@code lock_timeout} of migration statements, e.g. {@code 5s}, {@code 500ms}; {@code 0} waits as long as it takes (see What is in the database). Every duration needs its unit (below). */
    @Parameter(property = "migrate.lockTimeout", defaultValue = "10s")
    protected @Nullable String lockTimeout;

    /** What failed on the lock timeout is tried again this many times, after 1 s, 2 s, 4 s...; {@code 0} never. */
    @Parameter(property = "migrate.lockRetries", defaultValue = "3")
    protected @Nullable Integer lockRetries;

    /** PostgreSQL {@code statement_timeout}, e.g. {@code 5min}. Unset: the server's. */
    @Parameter(property = "migrate.statementTimeout")
    protected @Nullable String statementTimeout;

    /** How long to wait for another run's migration lock. */
    @Parameter(property = "migrate.lockWaitTimeout", defaultValue = "10min")
    protected @Nullable String lockWaitTimeout;

    /** How often a migration still running logs how long it has run and the statement it is at; {@code 0} never. */
    @Parameter(property = "migrate.progressInterval", defaultValue = "10s")
    protected @Nullable String progressInterval;

    /** How often a run that waits says who it waits for: the run holding the migration lock, or a session holding a lock a migration statement needs, with its query; a Job stuck behind another deploy says so in its log. */
    @Parameter(property = "migrate.waitReportInterval", defaultValue = "5s")
    protected @Nullable String waitReportInterval;

    /** Accept applied migrations that changed, recording the new checksum. */
    @Parameter(property = "migrate.acceptChecksums", defaultValue = "false")
    protected boolean acceptChecksums;

    /** The contexts of the run, comma-separated ({@code test}, {@code dev,test}): a revision limited to contexts ({@code @Revision(contexts = "test")}) runs only in a run given one of them; every other run leaves it out and records it in the history as skipped, and a later run in one of its contexts applies it. None (the default) runs only the revisions that run in every context. See Reference data and contexts. */
    @Parameter(property = "migrate.contexts")
    protected @Nullable String contexts;

    /** The run settings as they were given, for the command layer to read. */
    protected final GivenSettings runSettings() {
        return GivenSettings.on(Face.MAVEN)
                .with("schema", schema)
                .with("versionTable", versionTable)
                .with("historyTable", historyTable)
                .with("transactionMode", transactionMode)
                .with("lockTimeout", lockTimeout)
                .with("lockRetries", lockRetries)
                .with("statementTimeout", statementTimeout)
                .with("lockWaitTimeout", lockWaitTimeout)
                .with("progressInterval", progressInterval)
                .with("waitReportInterval", waitReportInterval)
                .with("acceptChecksums", acceptChecksums)
                .with("contexts", contexts);
    }
    // End of the run settings generated from SettingsTable.

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        Goal goal = new Goal(project, session, mojoExecution, getLog(), packages);
        DatabaseGoal database = new DatabaseGoal(
                goal,
                new ConnectionOptions(url, user, password, serverId, credentialsProvider, settings, settingsDecrypter),
                new RunDatabase.Embedded(
                        embeddedPostgresVersion,
                        embeddedDataDirectory.toPath(),
                        throwawayInMemory,
                        postgresHome == null ? null : postgresHome.toPath()),
                repositorySystem,
                settings(runSettings()),
                use(goal));
        new GoalRun(goal, optimizingCompiler, output, outputFile).execute(skip, new DatabaseSteps(this, database));
    }

    /** Does the goal's work with the project's classes loaded. A {@link dev.migrate.MigrateException} fails the build. */
    protected abstract void run(DatabaseGoal database, ClassLoader projectClasses);

    /** The run settings as given, with those of this goal alone added: {@code given} unless the goal has some. */
    protected GivenSettings settings(GivenSettings given) {
        return given;
    }

    /** Reads the goal's own settings before anything connects or starts, so that a mistake fails first. */
    protected void checkSettings(DatabaseGoal database) {}

    /** How the goal uses its database beyond these parameters: by default it verifies the applied migrations. */
    protected DatabaseUse use(Goal goal) {
        return DatabaseUse.verifying(checksumCache);
    }
}
