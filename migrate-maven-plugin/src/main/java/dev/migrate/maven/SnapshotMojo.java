package dev.migrate.maven;

import dev.migrate.command.tooling.SnapshotCommand;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Writes the schema the migrations build at their head into the application's classes ({@code
 * META-INF/migrate/schema/}), one file per PostgreSQL major version, read on a throwaway embedded
 * PostgreSQL of that version (or taken from the replay cache) as {@code migrate:drift} reads it. With
 * it, the application can tell at startup, with no throwaway server, whether its database still has
 * that schema: {@code migrate.validate-drift=true} in the Spring Boot starter, {@code
 * Migrator.builder().validateDrift(true)} elsewhere. Bound to {@code process-classes}, so {@code mvn
 * package} runs it once declared among the plugin's executions.
 */
@Mojo(
        name = "snapshot",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class SnapshotMojo extends DatabaseMojo {

    /** The schema the migrations build, and the application's migrator runs in. */
    @Parameter(property = "migrate.managedSchema", defaultValue = "public")
    protected String managedSchema;

    /**
     * Name patterns left out, as {@code drift} leaves them out ({@code *} and {@code ?} globs; with a dot,
     * matched against {@code schema.name}); the startup check leaves them out too.
     */
    @Parameter(property = "migrate.exclude")
    protected @Nullable List<String> exclude;

    /**
     * The PostgreSQL major versions the databases run (comma-separated, e.g. {@code 15,17}): a database is
     * compared with the schema read on its own version. Default: the embedded default's.
     */
    @Parameter(property = "migrate.snapshot.majors")
    protected @Nullable List<Integer> majors;

    /** Keep the schema of the head in {@code target/migrate/replay-cache}, so that a build with the same migrations does not replay them. */
    @Parameter(property = "migrate.replayCache", defaultValue = "true")
    protected boolean replayCache;

    /** Where the snapshots are written: the application's classes. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    protected File classesDirectory;

    @Override
    protected DatabaseUse use(Goal goal) {
        return super.use(goal).withoutChecksums().keepingReplayCache(replayCache);
    }

    @Override
    protected void checkSettings(DatabaseGoal database) {
        super.checkSettings(database);
        snapshot().checkSettings(Goal.FIXES);
    }

    @Override
    protected void run(DatabaseGoal database, ClassLoader projectClasses) {
        snapshot().run(database.context(projectClasses));
    }

    private SnapshotCommand snapshot() {
        return new SnapshotCommand(
                managedSchema,
                exclude == null ? List.of() : exclude,
                majors == null ? List.of() : majors,
                classesDirectory.toPath());
    }
}
