package dev.migrate.maven;

import dev.migrate.command.ShowGraph;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Shows the heads of the revision graph: the revisions nothing revises yet. Needs no database. */
@Mojo(name = "heads", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class HeadsMojo extends MigrateMojo {

    /** A block per head instead of one line. */
    @Parameter(property = "migrate.verbose", defaultValue = "false")
    protected boolean verbose;

    @Override
    protected void run(Goal goal, ClassLoader projectClasses) {
        new ShowGraph(ShowGraph.Kind.HEADS, null, null, verbose)
                .run(goal.migrator(projectClasses).build(), context(goal, projectClasses));
    }
}
