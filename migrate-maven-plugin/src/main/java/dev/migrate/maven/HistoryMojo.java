package dev.migrate.maven;

import dev.migrate.command.CommandContext;
import dev.migrate.command.HistoryCommand;
import dev.migrate.command.ModuleScope;
import dev.migrate.command.database.RunDatabase;
import dev.migrate.command.settings.GivenSettings;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Shows the revision graph, newest first, with the database's current revisions marked
 * {@code (current)}. Marking needs a database: the configured one, or the embedded one if it
 * already holds data; otherwise the history is shown unmarked and no server is started.
 */
@Mojo(
        name = "history",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class HistoryMojo extends DatabaseMojo {

    /**
     * Accepts a database a newer build has migrated, as during a rolling deploy: a version row that no
     * migration class of this build defines is reported as newer than this build, instead of failing.
     * Such a row cannot be told apart from a revision of another branch of the code.
     */
    @Parameter(property = "migrate.acceptFutureRevisions", defaultValue = "false")
    protected boolean acceptFutureRevisions;

    /**
     * Limits the output to a range from one revision to another, such as {@code base:current} or
     * {@code 20261120_093000:head}. Either side may be empty, {@code base}, {@code current} or any revision.
     */
    @Parameter(property = "migrate.range")
    protected @Nullable String range;

    /**
     * Only this module's revisions, named with their module's name before the id ({@code billing.20261122_101500}): as declared by {@code @MigrationModule} or
     * {@code @Revision(module = ...)}.
     */
    @Parameter(property = "migrate.module")
    protected @Nullable String module;

    /** A block per revision (parents, children, labels, message) instead of one line. */
    @Parameter(property = "migrate.verbose", defaultValue = "false")
    protected boolean verbose;

    @Override
    protected DatabaseUse use(Goal goal) {
        return super.use(goal).withoutChecksums().connectingAhead(RunDatabase::hasDatabase);
    }

    @Override
    protected GivenSettings settings(GivenSettings given) {
        return given.with("acceptFutureRevisions", acceptFutureRevisions);
    }

    @Override
    protected void run(DatabaseGoal database, ClassLoader projectClasses) {
        HistoryCommand history =
                new HistoryCommand(range == null ? null : HistoryCommand.range(range), verbose, ModuleScope.of(module));
        CommandContext context = database.context(projectClasses);
        if (database.database().hasDatabase()) {
            context.onDatabase(builder -> history.run(builder.build(), context));
        } else {
            history.run(context.migrations(false).build(), context);
        }
    }
}
