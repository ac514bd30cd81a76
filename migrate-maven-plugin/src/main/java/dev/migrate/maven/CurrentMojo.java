package dev.migrate.maven;

import dev.migrate.command.CurrentCommand;
import dev.migrate.command.ModuleScope;
import dev.migrate.command.settings.GivenSettings;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Shows the database's current revision(s), each marked {@code (head)} when it is a head of the graph;
 * verbose, a block per revision with when, by whom and how long it was applied.
 */
@Mojo(
        name = "current",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class CurrentMojo extends DatabaseMojo {

    /**
     * Accepts a database a newer build has migrated, as during a rolling deploy: a version row that no
     * migration class of this build defines is reported as newer than this build, instead of failing.
     * Such a row cannot be told apart from a revision of another branch of the code.
     */
    @Parameter(property = "migrate.acceptFutureRevisions", defaultValue = "false")
    protected boolean acceptFutureRevisions;

    /** Fails the build unless the database is at every head, e.g. as a CI or deployment gate. */
    @Parameter(property = "migrate.checkHeads", defaultValue = "false")
    protected boolean checkHeads;

    /**
     * A block per current revision (parents, labels, message) with when (UTC), by whom and how long it
     * was applied, from the history table.
     */
    @Parameter(property = "migrate.verbose", defaultValue = "false")
    protected boolean verbose;

    /**
     * Only this module's revisions, named with their module's name before the id ({@code billing.20261122_101500}): as declared by {@code @MigrationModule} or
     * {@code @Revision(module = ...)}.
     */
    @Parameter(property = "migrate.module")
    protected @Nullable String module;

    /**
     * A schema per tenant, as for migrate:upgrade: prints one line per tenant and a count per
     * revision.
     */
    @Parameter(property = "migrate.tenants")
    protected @Nullable String tenants;

    /** A database per tenant, as for migrate:upgrade: comma-separated URLs or {@code @} and a file. Never printed. */
    @Parameter(property = "migrate.databases")
    protected @Nullable Secret databases;

    /** How many tenant databases are read at once. Default: as for migrate:upgrade. */
    @Parameter(property = "migrate.parallel")
    protected @Nullable Integer parallel;

    @Override
    protected DatabaseUse use(Goal goal) {
        return super.use(goal).withoutChecksums().connectingAhead(database -> true);
    }

    @Override
    protected GivenSettings settings(GivenSettings given) {
        return given.with("acceptFutureRevisions", acceptFutureRevisions)
                .with("tenants", tenants)
                .with("databases", Secret.valueOf(databases))
                .with("parallel", parallel);
    }

    @Override
    protected void run(DatabaseGoal database, ClassLoader projectClasses) {
        new CurrentCommand(verbose, checkHeads, ModuleScope.of(module))
                .run(database.fleet(), database.context(projectClasses));
    }
}
