package dev.migrate.maven;

import dev.migrate.command.tooling.RevisionCommand;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Writes an empty migration revising the single head (or none, for the first migration), for you
 * to fill in: {@code mvn compile migrate:revision -Dmigrate.message="add status column"}.
 */
@Mojo(name = "revision", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class RevisionMojo extends WriteMojo {

    /**
     * The head the new migration revises when the graph has several: a full or unique-prefix id,
     * such as {@code -Dmigrate.head=20261122}. Or join the heads first with {@code migrate:merge}.
     */
    @Parameter(property = "migrate.head")
    protected @Nullable String head;

    @Override
    protected void run(Goal goal, ClassLoader projectClasses) {
        new RevisionCommand(message == null ? "" : message, head, goal.sourceRoot(sourceDirectory))
                .run(context(goal, projectClasses));
    }
}
