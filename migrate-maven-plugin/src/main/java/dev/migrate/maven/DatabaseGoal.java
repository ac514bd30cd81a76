package dev.migrate.maven;

import dev.migrate.CredentialsProvider;
import dev.migrate.Migrator;
import dev.migrate.command.database.ConnectionResolver;
import dev.migrate.command.database.GoalDatabase;
import dev.migrate.command.run.ChecksumCacheFile;
import dev.migrate.command.settings.GivenSettings;
import dev.migrate.command.settings.ResolvedSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.eclipse.aether.RepositorySystem;
import org.jspecify.annotations.Nullable;

/**
 * A goal that reaches a database, as its parameters configure it: the configured database or an embedded one
 * whose data stays in {@code target/migrate/pgdata}, its connections open from the start of the goal and closed
 * at its end, and migrators built with the run settings (SPEC 5).
 */
final class DatabaseGoal {

    private final Goal goal;
    private final ConnectionOptions connection;
    private final GoalDatabase.Embedded embedded;
    private final RepositorySystem repositories;
    private final GivenSettings given;
    private final DatabaseUse use;
    private @Nullable GoalDatabase database;
    private @Nullable CredentialsProvider provider;
    private @Nullable ResolvedSettings settings;

    DatabaseGoal(
            Goal goal,
            ConnectionOptions connection,
            GoalDatabase.Embedded embedded,
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
    GoalDatabase database() {
        GoalDatabase made = database;
        if (made == null) {
            made = new GoalDatabase(
                    connection.resolver(goal.session()),
                    connection.parameters(credentialsProvider()),
                    embedded,
                    new MavenEmbeddedServers(
                            repositories,
                            goal.session().getRepositorySession(),
                            goal.project().getRemoteProjectRepositories()),
                    goal.log()::info,
                    goal::displayed);
            database = made;
        }
        return made;
    }

    /** Reads the run settings and the database settings, so that a mistake in one fails before anything connects. */
    void check() {
        settings = given.resolve();
        database().check();
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

    /** The user and password for database URLs that carry none: the user and password settings, or the serverId's. */
    ConnectionResolver.Credentials credentials() {
        return connection.resolver(goal.session()).credentials(connection.parameters(credentialsProvider()));
    }

    /** {@code target/migrate/replay-cache} when the goal keeps the schemas the migrations build there. */
    Optional<Path> replayCache() {
        return use.replayCache() ? Optional.of(goal.inTarget("migrate", "replay-cache")) : Optional.empty();
    }

    /** A builder with every run setting and the configured or embedded database to come. */
    Migrator.Builder configured(ClassLoader projectClasses) {
        return configured(projectClasses, true);
    }

    /** A builder with every run setting but no database, for offline SQL. */
    Migrator.Builder offlineBuilder(ClassLoader projectClasses) {
        return configured(projectClasses, false);
    }

    /** @param online whether the migrator will run against a database, the only use of the checksum cache */
    private Migrator.Builder configured(ClassLoader projectClasses, boolean online) {
        Migrator.Builder builder =
                Objects.requireNonNull(settings, "read by check()").applyTo(goal.migrator(projectClasses));
        if (use.checksumCache() && online) {
            builder.checksumCache(new ChecksumCacheFile(
                    goal.inTarget("migrate", "checksum-cache"),
                    goal.classpathElements(),
                    goal.execution().getVersion()));
        }
        use.goalSettings().accept(builder);
        return builder;
    }

    /** Runs {@code action} with the database and how the log names it ({@code host:port/database}, no password). */
    void withDataSource(BiConsumer<String, DataSource> action) {
        database().withDataSource(use.embeddedMayChange(), action);
    }

    /** Runs {@code action} with a configured builder on the configured database, or the embedded one. */
    void withDatabaseBuilder(ClassLoader projectClasses, Consumer<Migrator.Builder> action) {
        withDataSource(
                (name, dataSource) -> action.accept(configured(projectClasses).dataSource(dataSource)));
    }
}
