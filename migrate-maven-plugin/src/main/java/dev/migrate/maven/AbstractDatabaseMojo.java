package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.TransactionMode;
import dev.migrate.autogen.ComparisonDatabases;
import dev.migrate.command.FleetSettings;
import dev.migrate.command.SchemaFace;
import dev.migrate.internal.Durations;
import dev.migrate.internal.cluster.ThrowawayPlace;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/**
 * A goal that talks to a database: the configured one (SPEC 5), or an embedded PostgreSQL whose
 * data stays in {@code target/migrate/pgdata} between runs.
 */
abstract class AbstractDatabaseMojo extends AbstractMigrateMojo {

    /**
     * The database, as {@code jdbc:postgresql://host:port/database} or
     * {@code postgresql://user:password@host:port/database} ({@code postgres://} too). Highest first:
     * {@code -Dmigrate.url}, the environment variables {@code MIGRATE_DATABASE_URL} and
     * {@code DATABASE_URL}, then this setting in the pom; a source that is set but empty is an error.
     * With no URL anywhere, an embedded PostgreSQL is started for the goal. Never printed, not even
     * by {@code mvn -X}.
     */
    @Parameter(property = "migrate.url")
    protected Secret url;

    /** The database user, when the URL does not name one. */
    @Parameter(property = "migrate.user")
    protected String user;

    /**
     * The database password, when the URL does not carry one. Prefer {@link #serverId} with an
     * encrypted password in settings.xml. Never printed or logged.
     */
    @Parameter(property = "migrate.password")
    protected Secret password;

    /**
     * The id of a server entry in settings.xml (the id element of a server under servers). Its
     * username and password are used when neither the URL nor the user and password parameters
     * give them. A password encrypted with {@code mvn --encrypt-password} works too.
     */
    @Parameter(property = "migrate.serverId")
    protected String serverId;

    /** The schema that holds the version and history tables. */
    @Parameter(property = "migrate.schema", defaultValue = "public")
    protected String schema;

    /** The table holding one row per current head revision. */
    @Parameter(property = "migrate.versionTable", defaultValue = "migrate_version")
    protected String versionTable;

    /** The table holding one row per applied or reverted step. */
    @Parameter(property = "migrate.historyTable", defaultValue = "migrate_history")
    protected String historyTable;

    /**
     * {@code per_migration} (one transaction per migration, with its version-table update inside it)
     * or {@code all} (every migration of the run in one transaction).
     */
    @Parameter(property = "migrate.transactionMode", defaultValue = "per_migration")
    protected String transactionMode;

    /**
     * PostgreSQL's {@code lock_timeout} for the migrations' statements, e.g. {@code 5s}, {@code 500ms},
     * {@code 2min} or {@code PT5S}. Default 10s: a statement stuck behind a long transaction fails and
     * is retried (see lockRetries) instead of making every query on its table wait. {@code 0} waits as
     * long as it takes.
     */
    @Parameter(property = "migrate.lockTimeout")
    protected String lockTimeout;

    /**
     * How many times a migration that failed on the lock timeout is tried again, waiting 1s, then
     * 2s, 4s and so on: a migration in a transaction of its own is rolled back and run again from
     * its start, a statement of a transactional = false migration alone. Default 3; 0 never retries.
     */
    @Parameter(property = "migrate.lockRetries")
    protected Integer lockRetries;

    /**
     * Keep the checksums of the migrations in target/migrate/checksum-cache, keyed by the bytes of
     * the compiled classes, so that a run verifies applied migrations without loading each one while
     * the code is unchanged. false computes every checksum on every run.
     */
    @Parameter(property = "migrate.checksumCache", defaultValue = "true")
    protected boolean checksumCache;

    /** PostgreSQL's {@code statement_timeout} for the run, written like {@link #lockTimeout}. Unset: the server's setting. */
    @Parameter(property = "migrate.statementTimeout")
    protected String statementTimeout;

    /**
     * How long to wait for the migration lock that another run against the same version table
     * holds, written like {@link #lockTimeout}. Default 10 minutes.
     */
    @Parameter(property = "migrate.lockWaitTimeout")
    protected String lockWaitTimeout;

    /**
     * How often a migration that is still running logs how long it has run and the statement it is
     * at, written like {@link #lockTimeout}. Default 10s; {@code 0} never.
     */
    @Parameter(property = "migrate.progressInterval")
    protected String progressInterval;

    /**
     * Accepts applied migrations whose checksum has changed since they ran, recording the new
     * checksums, instead of stopping before anything runs.
     */
    @Parameter(property = "migrate.acceptChecksums", defaultValue = "false")
    protected boolean acceptChecksums;

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

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    @Inject
    protected RepositorySystem repositorySystem;

    @Inject
    protected SettingsDecrypter settingsDecrypter;

    /** The configured database with its first connection opening ahead, once the goal asked for it. */
    private ConnectingDataSource connecting;

    /**
     * Whether the goal will run {@link #withDatabase}: its connections to a configured database then
     * open from the moment it starts, while it checks the classes and finds the migrations.
     */
    protected boolean usesDatabase() {
        return false;
    }

    /**
     * Whether the goal verifies applied migrations against their code, the one use of the checksum
     * cache: those that only read or stamp the version table do not spend a thread hashing the classes.
     */
    protected boolean verifiesChecksums() {
        return true;
    }

    @Override
    protected final void starting() {
        checkSettings();
        if (usesDatabase()) {
            connectingDatabase();
        }
    }

    /**
     * Reads the settings a goal would otherwise read only once it is connected or has started a
     * server, so that a mistake in one fails first.
     */
    protected void checkSettings() {
        Durations.parse("lockTimeout", lockTimeout);
        Durations.parse("lockWaitTimeout", lockWaitTimeout);
        Durations.parse("statementTimeout", statementTimeout);
        PostgresBinaries.fullVersion(embeddedPostgresVersion);
    }

    @Override
    protected final void finished() {
        if (connecting != null) {
            connecting.discardUnused();
            connecting = null;
        }
    }

    /** The configured database, its first connection opening ahead; null when the embedded one is to be used. */
    private ConnectingDataSource connectingDatabase() {
        if (connecting == null) {
            connecting = configuredDatabase()
                    .map(database -> database.connectAhead())
                    .orElse(null);
        }
        return connecting;
    }

    /** Runs {@code action} against the configured database, or the embedded one when none is configured. */
    protected final void withDatabase(ClassLoader projectClasses, Consumer<Migrator> action) {
        withDatabaseBuilder(projectClasses, builder -> action.accept(builder.build()));
    }

    /**
     * Runs {@code action} with a configured builder on the configured database, or the embedded one
     * when none is configured: for a fleet, which takes the builder rather than a migrator.
     */
    protected final void withDatabaseBuilder(ClassLoader projectClasses, Consumer<Migrator.Builder> action) {
        withDataSource(
                (name, database) -> action.accept(configured(projectClasses).dataSource(database)));
    }

    /** This goal as a face of the commands: the project's migrations with the goal's run settings, its database. */
    protected class MojoFace extends BuildFace {
        protected MojoFace(ClassLoader projectClasses) {
            super(projectClasses);
        }

        @Override
        public Migrator.Builder migrations(boolean online) {
            return online ? configured(projectClasses) : offlineBuilder(projectClasses);
        }

        @Override
        public void onDatabase(Consumer<Migrator.Builder> work) {
            withDatabaseBuilder(projectClasses, work);
        }
    }

    /**
     * This goal as a face of the commands that read schemas: the configured database, throwaway embedded servers,
     * and {@code target/migrate/replay-cache} when {@link #keepsReplayCache()}.
     */
    protected class SchemaMojoFace extends MojoFace implements SchemaFace {
        protected SchemaMojoFace(ClassLoader projectClasses) {
            super(projectClasses);
        }

        @Override
        public Optional<? extends DataSource> configuredDatabase() {
            return AbstractDatabaseMojo.this.configuredDatabase();
        }

        @Override
        public ComparisonDatabases databases(DataSource configured) {
            return new PluginDatabases(configured);
        }

        @Override
        public Optional<Path> replayCache() {
            return keepsReplayCache()
                    ? Optional.of(Path.of(project.getBuild().getDirectory(), "migrate", "replay-cache"))
                    : Optional.empty();
        }
    }

    /**
     * The revisions whose lint findings count: those added since {@code lintSince} (a revision or a git ref), or
     * since a pull request's base branch when it is unset; null for every one.
     */
    protected final Set<String> judgedSince(String lintSince, ClassLoader projectClasses) {
        return LintSince.of(lintSince, System.getenv())
                .judged(
                        offline(projectClasses),
                        migrationSources(),
                        project.getBasedir().toPath(),
                        getLog()::info)
                .orElse(null);
    }

    /** Whether the goal keeps the schemas the migrations build in {@code target/migrate/replay-cache}: its replayCache. */
    protected boolean keepsReplayCache() {
        return false;
    }

    /** The fleet of {@code tenants} and {@code databases}, or null when neither is set: for the goals that take one. */
    protected final FleetSettings fleet(
            String tenants, Secret databases, Integer parallel, boolean failFast, int canary) {
        return FleetGoal.isFleet(tenants, databases)
                ? FleetGoal.settings(
                        tenants,
                        databases,
                        this::credentials,
                        project.getBasedir().toPath(),
                        parallel,
                        failFast,
                        canary)
                : null;
    }

    /**
     * Runs {@code action} with the configured database, or the embedded one when none is configured, and
     * how the log names it ({@code host:port/database}, never with a password): for a goal that reads the
     * database itself besides running the chain on it.
     */
    protected final void withDataSource(BiConsumer<String, DataSource> action) {
        ConnectingDataSource configuredDatabase = connectingDatabase();
        if (configuredDatabase != null) {
            action.accept(configuredDatabase.name(), configuredDatabase);
            return;
        }
        checkEmbeddedMayChange();
        PostgresBinaries binaries = PostgresBinaries.forThisMachine(embeddedPostgresVersion);
        Path jar = binariesJar(binaries);
        Path data = embeddedDataDirectory.toPath().toAbsolutePath();
        getLog().info("No database URL is configured, so this goal uses an embedded PostgreSQL " + binaries.version()
                + " with its data in " + data
                + " (set <url>, -Dmigrate.url or MIGRATE_DATABASE_URL to use your own server).");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, jar, data.resolveSibling("postgres.log"))) {
            action.accept("the embedded database in " + displayed(data), database.dataSource());
        }
    }

    /**
     * Called before a goal uses the embedded database because no URL is configured; goals that
     * change the database refuse or warn here.
     */
    protected void checkEmbeddedMayChange() {}

    /** Starts a throwaway embedded PostgreSQL of {@code version} (a major or full version), deleted when closed. */
    protected final EmbeddedDatabase startThrowaway(String version) {
        PostgresBinaries binaries = PostgresBinaries.forThisMachine(version);
        Path jar = binariesJar(binaries);
        Path parent = embeddedDataDirectory.toPath().toAbsolutePath().getParent();
        Path data;
        try {
            data = (throwawayInMemory ? ThrowawayPlace.ofThisMachine() : ThrowawayPlace.onDisk())
                    .newDataDirectory(parent);
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not create a directory for the throwaway PostgreSQL in " + parent + ": " + e.getMessage()
                            + ". Check that the build directory is writable.",
                    e);
        }
        getLog().info("Starting a throwaway embedded PostgreSQL " + binaries.version() + " with its data in "
                + (data.startsWith(parent) ? displayed(data) : data + ", in memory")
                + " (deleted when the goal ends).");
        return EmbeddedDatabase.startThrowaway(data, jar, parent.resolve("throwaway.log"));
    }

    /** Whether the goal uses a database the user configured, rather than an embedded one. */
    protected final boolean isDatabaseConfigured() {
        return connection().isPresent();
    }

    /** The configured database, announced in the log; empty when the goal is to use an embedded one. */
    protected final Optional<ConnectingDataSource> configuredDatabase() {
        return connection().map(resolved -> {
            getLog().info("Using PostgreSQL at " + resolved.describe() + " (from " + resolved.origin() + ").");
            return new ConnectingDataSource(resolved);
        });
    }

    private Path binariesJar(PostgresBinaries binaries) {
        return binaries.resolve(
                repositorySystem, session.getRepositorySession(), project.getRemoteProjectRepositories());
    }

    /** How messages name the configured database ({@code host:port, database app, user app}); empty when none is. */
    protected final String configuredDatabaseName() {
        return connection().map(ConnectionSettings::describe).orElse("");
    }

    /** Whether a database is configured, or the embedded one already holds data; goals that only mark current revisions skip the server otherwise. */
    protected final boolean hasDatabase() {
        return connection().isPresent()
                || Files.exists(embeddedDataDirectory.toPath().resolve("PG_VERSION"));
    }

    /** A migrator with every run setting but no database, for offline SQL. */
    protected final Migrator offline(ClassLoader projectClasses) {
        return offlineBuilder(projectClasses).build();
    }

    /** A builder with every run setting but no database, for a fleet's offline SQL. */
    protected final Migrator.Builder offlineBuilder(ClassLoader projectClasses) {
        return configured(projectClasses, false);
    }

    /**
     * The user and password for database URLs that carry none: the user and password settings, or
     * those of the serverId's server in settings.xml.
     */
    protected final ConnectionResolver.Credentials credentials() {
        return new ConnectionResolver(System.getenv(), session.getUserProperties(), settings, settingsDecrypter)
                .credentials(new ConnectionResolver.Parameters(
                        Secret.valueOf(url), user, Secret.valueOf(password), serverId));
    }

    private Optional<ConnectionSettings> connection() {
        return new ConnectionResolver(System.getenv(), session.getUserProperties(), settings, settingsDecrypter)
                .resolve(new ConnectionResolver.Parameters(
                        Secret.valueOf(url), user, Secret.valueOf(password), serverId));
    }

    /**
     * Whether a version row no class defines counts as a newer build's, for the goals that leave such
     * a database alone (current, history, upgrade); no other goal has the parameter.
     */
    protected boolean acceptsFutureRevisions() {
        return false;
    }

    protected final Migrator.Builder configured(ClassLoader projectClasses) {
        return configured(projectClasses, true);
    }

    /** @param online whether the migrator will run against a database, the only use of the checksum cache */
    private Migrator.Builder configured(ClassLoader projectClasses, boolean online) {
        Migrator.Builder builder = migrator(projectClasses)
                .schema(schema)
                .versionTable(versionTable)
                .historyTable(historyTable)
                .transactionMode(transactionMode())
                .acceptChecksums(acceptChecksums)
                .acceptFutureRevisions(acceptsFutureRevisions());
        var lock = Durations.parse("lockTimeout", lockTimeout);
        if (lock != null) {
            builder.lockTimeout(lock);
        }
        if (lockRetries != null) {
            builder.lockRetries(lockRetries);
        }
        if (checksumCache && online && verifiesChecksums()) {
            builder.checksumCache(new ChecksumCacheFile(
                    Path.of(project.getBuild().getDirectory(), "migrate", "checksum-cache"),
                    classpathElements,
                    mojoExecution.getVersion()));
        }
        var lockWait = Durations.parse("lockWaitTimeout", lockWaitTimeout);
        if (lockWait != null) {
            builder.lockWaitTimeout(lockWait);
        }
        var progress = Durations.parse("progressInterval", progressInterval);
        if (progress != null) {
            builder.progressInterval(progress);
        }
        var statement = Durations.parse("statementTimeout", statementTimeout);
        if (statement != null) {
            builder.statementTimeout(statement);
        }
        goalSettings(builder);
        return builder;
    }

    /** Sets on {@code builder} the run settings that only this goal has. */
    protected void goalSettings(Migrator.Builder builder) {}

    private TransactionMode transactionMode() {
        String mode = transactionMode == null
                ? "per_migration"
                : transactionMode.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (mode) {
            case "PER_MIGRATION" -> TransactionMode.PER_MIGRATION;
            case "ALL" -> TransactionMode.ALL;
            default ->
                throw new MigrateException(
                        "The transactionMode '" + transactionMode + "' is not known. Use per_migration or all.");
        };
    }

    /** The configured database, or none, and throwaway embedded servers of the binaries this machine runs. */
    protected final class PluginDatabases implements ComparisonDatabases {
        private final DataSource configured;

        PluginDatabases(DataSource configured) {
            this.configured = configured;
        }

        @Override
        public Optional<DataSource> configured() {
            return Optional.ofNullable(configured);
        }

        @Override
        public ThrowawayVersion defaultVersion() {
            return version(PostgresBinaries.forThisMachine(embeddedPostgresVersion));
        }

        @Override
        public ThrowawayVersion version(int major) {
            return version(PostgresBinaries.forThisMachine(Integer.toString(major)));
        }

        private static ThrowawayVersion version(PostgresBinaries binaries) {
            return new ThrowawayVersion(binaries.version(), binaries.serverVersionNum(), binaries.coordinates());
        }

        @Override
        public ThrowawayServer start(ThrowawayVersion version) {
            return startThrowaway(version.version());
        }
    }
}
