package dev.migrate.maven;

import dev.migrate.command.tooling.DiagramCommand;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Draws the schema and the revision graph into {@code target/migrate/diagram}: {@code schema.mmd}
 * and {@code schema.svg} (the tables, their columns and foreign keys), {@code revisions.mmd} and
 * {@code revisions.svg} (the graph, newest at the top), and {@code index.html} showing both with the
 * list of tables. With no database configured the schema is the one the migrations build (replayed
 * on a throwaway embedded PostgreSQL, or taken from the replay cache); with one it is that database's,
 * and the revision graph marks its current revisions and when each ran.
 */
@Mojo(
        name = "diagram",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DiagramMojo extends DatabaseMojo {

    /**
     * The tables to draw, comma-separated globs such as {@code orders*,customers} (with a dot,
     * matched against {@code schema.name}); the tables one foreign key away are drawn too, faded.
     * Empty: every table.
     */
    @Parameter(property = "migrate.tables")
    protected @Nullable List<String> tables;

    /** The schema drawn. */
    @Parameter(property = "migrate.managedSchema", defaultValue = "public")
    protected String managedSchema;

    /** Name patterns left out of the picture, as {@code exclude} of the comparison goals spells them. */
    @Parameter(property = "migrate.exclude")
    protected @Nullable List<String> exclude;

    /**
     * Take the schema the migrations build from {@code target/migrate/replay-cache} when it holds it
     * (as {@code check} keeps it), instead of replaying them.
     */
    @Parameter(property = "migrate.replayCache", defaultValue = "true")
    protected boolean replayCache;

    /** Where the pictures are written. */
    @Parameter(property = "migrate.diagramDirectory", defaultValue = "${project.build.directory}/migrate/diagram")
    protected File diagramDirectory;

    @Override
    protected DatabaseUse use(Goal goal) {
        return super.use(goal).withoutChecksums().keepingReplayCache(replayCache);
    }

    @Override
    protected void run(DatabaseGoal database, ClassLoader projectClasses) {
        // the layout libraries join the plugin's class path only for the goal that draws
        GoalLibraries.LAYOUT.addTo(
                mojoExecution.getMojoDescriptor().getPluginDescriptor(),
                repositorySystem,
                session.getRepositorySession(),
                project.getRemotePluginRepositories());
        new DiagramCommand(
                        tables == null ? List.of() : tables,
                        managedSchema,
                        exclude == null ? List.of() : exclude,
                        diagramDirectory.toPath())
                .run(database.context(projectClasses));
    }
}
