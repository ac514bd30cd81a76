package dev.migrate.maven;

import dev.migrate.command.RebaseCommand;
import dev.migrate.tooling.RevisionName;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Puts a branch that is not released yet on top of the other head: the first revision of the branch
 * gets that head as its parent, in its source file, and the revisions above it follow. Ids and
 * everything else in the files stay. With a configured database, refuses when that database has
 * applied any revision of the branch.
 */
@Mojo(
        name = "rebase",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class RebaseMojo extends DatabaseMojo {

    /** The first revision of the branch to move: a full or unique-prefix id, or a branch label. */
    @Parameter(property = "migrate.revision", required = true)
    protected String revision;

    /** The head to put the branch on. Unset: the other head, when the chain has exactly two. */
    @Parameter(property = "migrate.onto")
    protected @Nullable String onto;

    @Override
    protected DatabaseUse use(Goal goal) {
        return super.use(goal).withoutChecksums();
    }

    @Override
    protected void run(DatabaseGoal database, ClassLoader projectClasses) {
        new RebaseCommand(RevisionName.of(revision), RevisionName.optional(onto)).run(database.context(projectClasses));
    }
}
