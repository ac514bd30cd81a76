package dev.migrate.maven;

import dev.migrate.command.HeadsCommand;
import dev.migrate.command.ModuleScope;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/** Shows the heads of the revision graph: the revisions nothing revises yet. Needs no database. */
@Mojo(name = "heads", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class HeadsMojo extends MigrateMojo {

    /** A block per head instead of one line. */
    @Parameter(property = "migrate.verbose", defaultValue = "false")
    protected boolean verbose;

    /**
     * Only this module's heads, named with their module's name before the id ({@code billing.20261122_101500}): as declared by {@code @MigrationModule} or
     * {@code @Revision(module = ...)}.
     */
    @Parameter(property = "migrate.module")
    protected @Nullable String module;

    @Override
    protected void run(Goal goal, ClassLoader projectClasses) {
        new HeadsCommand(verbose, ModuleScope.of(module))
                .run(goal.migrator(projectClasses).build(), context(goal, projectClasses));
    }
}
