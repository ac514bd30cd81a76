package dev.migrate.maven;

import dev.migrate.command.tooling.SquashCommand;
import dev.migrate.graph.RevisionTarget;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Writes one migration that replaces the chain up to a revision:
 * {@code mvn compile migrate:squash -Dmigrate.target=20261120_093000}. The chain is replayed up to
 * that revision on a throwaway embedded PostgreSQL; the schema there is written as
 * {@code migrate:baseline} writes a schema, followed by the rows the data steps of the range left
 * ({@code -Dmigrate.squashData=drop} leaves them out), with
 * {@code @Revision(replaces = {...})} naming every replaced revision. A database at base then
 * runs the squash instead of them, one part-way through continues through them, and one past the
 * target sees no change; the revisions above the target keep revising it. Prove it with
 * {@code migrate:verify}; delete the replaced classes once every database is past the target.
 */
@Mojo(
        name = "squash",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class SquashMojo extends SchemaWriteMojo {

    /** The last revision the squash replaces; it replaces that revision and every revision below it. */
    @Parameter(property = "migrate.target")
    protected @Nullable String target;

    /**
     * The one-line description of the squash; it also names the class. Not set: squash up to the
     * target's id, as in {@code squash up to 20261120_093000}.
     */
    @Parameter(property = "migrate.message")
    protected @Nullable String message;

    /**
     * What becomes of the data steps inside the range (op.execute of DML, bulkInsert, op.jdbc):
     * {@code carry} (the rows they leave in a new database are inserted after the schema) or
     * {@code drop} (left out, and listed). Not set: carry.
     */
    @Parameter(property = "migrate.squashData")
    protected @Nullable String squashData;

    @Override
    protected void checkSettings(DatabaseGoal database) {
        super.checkSettings(database);
        squash(database.goal()).checkSettings(Goal.FIXES);
    }

    @Override
    protected void run(DatabaseGoal database, ClassLoader projectClasses) {
        squash(database.goal()).run(database.context(projectClasses));
    }

    private SquashCommand squash(Goal goal) {
        return new SquashCommand(
                target == null || target.isBlank() ? null : RevisionTarget.of(target),
                message,
                squashData,
                managedSchema,
                sourceRoot(goal));
    }
}
