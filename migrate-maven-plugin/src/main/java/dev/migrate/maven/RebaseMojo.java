package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.internal.MigratorInternals;
import dev.migrate.internal.graph.RebasePlan;
import dev.migrate.internal.graph.RevisionInfo;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

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
public class RebaseMojo extends AbstractDatabaseMojo {

    /** The first revision of the branch to move: a full or unique-prefix id, or a branch label. */
    @Parameter(property = "migrate.revision", required = true)
    protected String revision;

    /** The head to put the branch on. Unset: the other head, when the chain has exactly two. */
    @Parameter(property = "migrate.onto")
    protected String onto;

    @Override
    protected boolean verifiesChecksums() {
        return false;
    }

    @Override
    protected void run(ClassLoader projectClasses) {
        RebasePlan plan = MigratorInternals.of(offline(projectClasses)).rebasePlan(revision.trim(), ontoOrNull());
        MigrationSources sources = migrationSources();
        RevisionInfo first = plan.revision();
        Path file = sources.find(first.source())
                .orElseThrow(() -> new MigrateException("The source file of revision " + first.id() + " ("
                        + first.source() + ") is not below the project's source roots "
                        + project.getCompileSourceRoots() + ": only a migration written in this project can be "
                        + "rebased. Join the heads with mvn compile migrate:merge instead."));
        refuseWhenApplied(projectClasses, plan);
        String replaced = RevisesEdit.apply(file, plan.fromNames(), plan.onto());
        getLog().info("Rebased " + String.join(", ", plan.movedIds()) + " onto " + plan.onto() + ": "
                + sources.relative(file) + " now revises " + plan.onto() + " instead of " + replaced
                + ". Compile and check the chain: mvn compile migrate:verify.");
    }

    private String ontoOrNull() {
        return onto == null || onto.isBlank() ? null : onto.trim();
    }

    /** A revision a database has applied is released: moving it would change the past of that database. */
    private void refuseWhenApplied(ClassLoader projectClasses, RebasePlan plan) {
        Optional<ConnectingDataSource> configured = configuredDatabase();
        if (configured.isEmpty()) {
            return;
        }
        Migrator database =
                configured(projectClasses).dataSource(configured.get()).build();
        plan.refuseWhenApplied(
                MigratorInternals.of(database).appliedRevisions(),
                configured.get().describe());
    }
}
