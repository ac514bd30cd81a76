package dev.migrate.maven;

import dev.migrate.command.ShowCommand;
import dev.migrate.graph.RevisionTarget;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Shows one revision: id, parents, children, labels, message and class. Needs no database. */
@Mojo(name = "show", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class ShowMojo extends MigrateMojo {

    /**
     * The revision to show: a full or unique-prefix id, {@code head}, or a branch label followed by
     * {@code @head}, such as {@code billing@head}.
     */
    @Parameter(property = "migrate.revision", defaultValue = "head")
    protected String revision;

    @Override
    protected void run(Goal goal, ClassLoader projectClasses) {
        new ShowCommand(RevisionTarget.of(revision))
                .run(goal.migrator(projectClasses).build(), context(goal, projectClasses));
    }
}
