package dev.migrate.maven;

import dev.migrate.command.tooling.MergeCommand;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/** Writes a merge migration that revises several heads, joining branches into one head again. */
@Mojo(name = "merge", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class MergeMojo extends WriteMojo {

    /** The revisions to merge (full or unique-prefix ids, comma-separated on the command line). Default: every head. */
    @Parameter(property = "migrate.revisions")
    protected @Nullable List<String> revisions;

    @Override
    protected void run(Goal goal, ClassLoader projectClasses) {
        new MergeCommand(revisions == null ? List.of() : revisions, message, goal.sourceRoot(sourceDirectory))
                .run(context(goal, projectClasses));
    }
}
