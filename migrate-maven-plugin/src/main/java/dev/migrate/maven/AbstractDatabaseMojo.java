package dev.migrate.maven;

import dev.migrate.Migrator;
import dev.migrate.command.run.ChecksumCacheFile;
import dev.migrate.command.run.RunSettings;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/** A goal that runs the project's migrations on a database, with the run settings (SPEC 5) every such goal takes. */
abstract class AbstractDatabaseMojo extends AbstractServerMojo {

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
    protected @Nullable String lockTimeout;

    /**
     * How many times a migration that failed on the lock timeout is tried again, waiting 1s, then
     * 2s, 4s and so on: a migration in a transaction of its own is rolled back and run again from
     * its start, a statement of a transactional = false migration alone. Default 3; 0 never retries.
     */
    @Parameter(property = "migrate.lockRetries")
    protected @Nullable Integer lockRetries;

    /**
     * Keep the checksums of the migrations in target/migrate/checksum-cache, keyed by the bytes of
     * the compiled classes, so that a run verifies applied migrations without loading each one while
     * the code is unchanged. false computes every checksum on every run.
     */
    @Parameter(property = "migrate.checksumCache", defaultValue = "true")
    protected boolean checksumCache;

    /** PostgreSQL's {@code statement_timeout} for the run, written like {@link #lockTimeout}. Unset: the server's setting. */
    @Parameter(property = "migrate.statementTimeout")
    protected @Nullable String statementTimeout;

    /**
     * How long to wait for the migration lock that another run against the same version table
     * holds, written like {@link #lockTimeout}. Default 10 minutes.
     */
    @Parameter(property = "migrate.lockWaitTimeout")
    protected @Nullable String lockWaitTimeout;

    /**
     * How often a migration that is still running logs how long it has run and the statement it is
     * at, written like {@link #lockTimeout}. Default 10s; {@code 0} never.
     */
    @Parameter(property = "migrate.progressInterval")
    protected @Nullable String progressInterval;

    /**
     * Accepts applied migrations whose checksum has changed since they ran, recording the new
     * checksums, instead of stopping before anything runs.
     */
    @Parameter(property = "migrate.acceptChecksums", defaultValue = "false")
    protected boolean acceptChecksums;

    /**
     * Whether the goal verifies applied migrations against their code, the one use of the checksum
     * cache: those that only read or stamp the version table do not spend a thread hashing the classes.
     */
    protected boolean verifiesChecksums() {
        return true;
    }

    /**
     * Sets on {@code builder} the run settings that only this goal has, such as acceptFutureRevisions for the
     * goals that leave a database a newer build migrated alone (current, history, upgrade).
     */
    protected void goalSettings(Migrator.Builder builder) {}

    /** Whether the goal keeps the schemas the migrations build in {@code target/migrate/replay-cache}: its replayCache. */
    protected boolean keepsReplayCache() {
        return false;
    }

    @Override
    protected void checkSettings() {
        runSettings().check();
        super.checkSettings();
    }

    private RunSettings runSettings() {
        return new RunSettings(
                schema,
                versionTable,
                historyTable,
                transactionMode,
                acceptChecksums,
                lockTimeout,
                lockRetries,
                lockWaitTimeout,
                statementTimeout,
                progressInterval);
    }

    /** A builder with every run setting and the configured or embedded database to come: for the goals that run on one. */
    protected final Migrator.Builder configured(ClassLoader projectClasses) {
        return configured(projectClasses, true);
    }

    /** A builder with every run setting but no database, for offline SQL. */
    protected final Migrator.Builder offlineBuilder(ClassLoader projectClasses) {
        return configured(projectClasses, false);
    }

    /** @param online whether the migrator will run against a database, the only use of the checksum cache */
    private Migrator.Builder configured(ClassLoader projectClasses, boolean online) {
        Migrator.Builder builder = runSettings().applyTo(migrator(projectClasses));
        if (checksumCache && online && verifiesChecksums()) {
            builder.checksumCache(new ChecksumCacheFile(
                    Path.of(project.getBuild().getDirectory(), "migrate", "checksum-cache"),
                    classpathElements,
                    mojoExecution.getVersion()));
        }
        goalSettings(builder);
        return builder;
    }

    /** Runs {@code action} with a configured builder on the configured database, or the embedded one when none is. */
    protected final void withDatabaseBuilder(ClassLoader projectClasses, Consumer<Migrator.Builder> action) {
        withDataSource(
                (name, database) -> action.accept(configured(projectClasses).dataSource(database)));
    }
}
