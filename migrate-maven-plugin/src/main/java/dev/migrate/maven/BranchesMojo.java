package dev.migrate.maven;

import dev.migrate.command.BranchesCommand;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Shows each branch point of the revision graph with the revisions that branch from it. Needs no database. */
@Mojo(name = "branches", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class BranchesMojo extends MigrateMojo {

    @Override
    protected void run(Goal goal, ClassLoader projectClasses) {
        new BranchesCommand().run(goal.migrator(projectClasses).build(), context(goal, projectClasses));
    }
}
