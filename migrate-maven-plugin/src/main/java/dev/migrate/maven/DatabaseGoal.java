package dev.migrate.maven;

import dev.migrate.CredentialsProvider;
import dev.migrate.command.CommandContext;
import dev.migrate.command.FleetSettings;
import dev.migrate.command.Migrations;
import dev.migrate.command.database.ConnectionResolver;
import dev.migrate.command.database.RunDatabase;
import dev.migrate.command.settings.GivenSettings;
import dev.migrate.command.settings.ResolvedSettings;
import dev.migrate.command.tooling.ChecksumCacheFile;
import java.util.Objects;
import org.eclipse.aether.RepositorySystem;
import org.jspecify.annotations.Nullable;

/**
 * A goal that reaches a database, as its parameters configure it: the configured database or an embedded one
 * whose data stays in {@code target/migrate/pgdata}, its connections open from the start of the goal and closed
 * at its end, and migrators built with the run settings (SPEC 5), all as the command layer's
 * {@link CommandContext}.
 */
final class DatabaseGoal {

    private final Goal goal;
    private final ConnectionOptions connection;
    private final RunDatabase.Embedded embedded;
    private final RepositorySystem repositories;
    private final GivenSettings given;
    private final DatabaseUse use;
    private @Nullable RunDatabase database;
    private @Nullable CredentialsProvider provider;
    private @Nullable ResolvedSettings settings;

    DatabaseGoal(
            Goal goal,
            ConnectionOptions connection,
            RunDatabase.Embedded embedded,
            RepositorySystem repositories,
            GivenSettings given,
            DatabaseUse use) {
        this.goal = goal;
        this.connection = connection;
        this.embedded = embedded;
        this.repositories = repositories;
        this.given = given;
        this.use = use;
    }

    Goal goal() {
        return goal;
    }

    /** How the goal uses its database beyond its parameters. */
    DatabaseUse use() {
        return use;
    }

    /** The configured database or the embedded default, made on first use. */
    RunDatabase database() {
        RunDatabase made = database;
        if (made == null) {
            made = RunDatabase.announcedTo(goal.output(), goal::displayed, Goal.FIXES)
                    .configuredBy(connection.resolver(goal.session()), connection.parameters(credentialsProvider()))
                    .withEmbeddedDefault(embedded, use.embeddedMayChange())
                    .throwawaysFrom(new MavenEmbeddedServers(
                            repositories,
                            goal.session().getRepositorySession(),
                            goal.project().getRemoteProjectRepositories()))
                    .build();
            database = made;
        }
        return made;
    }

    /** Reads the run settings and the database settings, so that a mistake in one fails before anything connects. */
    void check() {
        settings = given.resolve();
        database().check();
    }

    /** The settings of the run, read by {@link #check()}. */
    ResolvedSettings settings() {
        return Objects.requireNonNull(settings, "read by check()");
    }

    /** Lets go of the connections the goal opened and did not use. */
    void finished() {
        if (database != null) {
            database.discardUnused();
        }
    }

    /** The provider that credentialsProvider names, made once for the goal; null when it is not set. */
    @Nullable
    CredentialsProvider credentialsProvider() {
        if (provider == null) {
            provider = connection.loadProvider(goal.projectClasses());
        }
        return provider;
    }

    /**
     * The fleet of the goal's {@code tenants} and {@code databases}, or null when neither is set: a file of databases
     * is read from the project's directory, and the URLs that carry no credentials take the goal's.
     */
    @Nullable
    FleetSettings fleet() {
        return FleetSettings.of(
                Objects.requireNonNull(settings, "read by check()"),
                goal.project().getBasedir().toPath(),
                this::credentials,
                credentialsProvider());
    }

    /** The user and password for database URLs that carry none: the user and password settings, or the serverId's. */
    ConnectionResolver.Credentials credentials() {
        return connection.resolver(goal.session()).credentials(connection.parameters(credentialsProvider()));
    }

    /**
     * What the goal's command is given: the migrations with every run setting (their checksums kept in
     * {@code target/migrate/checksum-cache} for a run on a database), the configured or embedded database,
     * {@code target/migrate/replay-cache} when the goal keeps it, the project, the build log.
     */
    CommandContext context(ClassLoader projectClasses) {
        ResolvedSettings read = Objects.requireNonNull(settings, "read by check()");
        Migrations migrations = Migrations.of(() -> goal.migrator(projectClasses), read)
                .keepingChecksumsIn(
                        use.checksumCache()
                                ? new ChecksumCacheFile(
                                        goal.inTarget("migrate", "checksum-cache"),
                                        goal.classpathElements(),
                                        goal.execution().getVersion())
                                : null);
        return CommandContext.of(migrations, database(), goal.projectOfGoal(), Goal.FIXES, goal.output())
                .keepingReplaysIn(use.replayCache() ? goal.inTarget("migrate", "replay-cache") : null);
    }
}
