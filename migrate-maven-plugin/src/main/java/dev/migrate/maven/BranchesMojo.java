package dev.migrate.maven;

import dev.migrate.internal.MigratorInternals;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Shows each branch point of the revision graph with the revisions that branch from it. Needs no database. */
@Mojo(name = "branches", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class BranchesMojo extends AbstractMigrateMojo {

    @Override
    protected void run(ClassLoader projectClasses) {
        print(MigratorInternals.of(migrator(projectClasses).build()).branchesReport());
    }
}
