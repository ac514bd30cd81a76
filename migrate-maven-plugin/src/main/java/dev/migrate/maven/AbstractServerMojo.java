package dev.migrate.maven;

import dev.migrate.command.database.GoalDatabase;
import java.io.File;
import java.util.function.BiConsumer;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.jspecify.annotations.Nullable;

/**
 * A goal that talks to a database: the configured one (SPEC 5), or an embedded PostgreSQL whose
 * data stays in {@code target/migrate/pgdata} between runs. Its connections open when it starts, and
 * close when it ends.
 */
abstract class AbstractServerMojo extends AbstractConnectionMojo {

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

    @Inject
    protected RepositorySystem repositorySystem;

    private @Nullable GoalDatabase database;

    /** The configured database or the embedded default, as this goal's parameters say. */
    protected final GoalDatabase database() {
        GoalDatabase made = database;
        if (made == null) {
            made = new GoalDatabase(
                    resolver(),
                    pomConnection(),
                    new GoalDatabase.Embedded(
                            embeddedPostgresVersion, embeddedDataDirectory.toPath(), throwawayInMemory),
                    new MavenEmbeddedServers(
                            repositorySystem, session.getRepositorySession(), project.getRemoteProjectRepositories()),
                    getLog()::info,
                    this::displayed);
            database = made;
        }
        return made;
    }

    /**
     * Whether the goal will run on the database: its connections to a configured database then
     * open from the moment it starts, while it checks the classes and finds the migrations.
     */
    protected boolean usesDatabase() {
        return false;
    }

    @Override
    protected final void starting() {
        checkSettings();
        if (usesDatabase()) {
            database().connectAhead();
        }
    }

    /**
     * Reads the settings a goal would otherwise read only once it is connected or has started a
     * server, so that a mistake in one fails first.
     */
    protected void checkSettings() {
        database().check();
    }

    @Override
    protected final void finished() {
        if (database != null) {
            database.discardUnused();
        }
    }

    /**
     * Runs {@code action} with the configured database, or the embedded one when none is configured, and
     * how the log names it ({@code host:port/database}, never with a password).
     */
    protected final void withDataSource(BiConsumer<String, DataSource> action) {
        database().withDataSource(this::checkEmbeddedMayChange, action);
    }

    /**
     * Called before a goal uses the embedded database because no URL is configured; goals that
     * change the database refuse or warn here.
     */
    protected void checkEmbeddedMayChange() {}
}
