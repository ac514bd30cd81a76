package dev.migrate.maven;

import dev.migrate.Migrator;
import dev.migrate.command.CommandFace;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.run.MigrationSources;
import dev.migrate.text.Fixes;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A goal as a face of the commands, as far as every goal is one: the project's migrations, the build log,
 * the project's paths and sources, the goals' spelling. A goal that reaches a database adds its database.
 */
class BuildFace implements CommandFace {
    protected final Goal goal;
    protected final ClassLoader projectClasses;
    private @Nullable MigrationSources sources;

    BuildFace(Goal goal, ClassLoader projectClasses) {
        this.goal = goal;
        this.projectClasses = projectClasses;
    }

    @Override
    public Migrator.Builder migrations(boolean online) {
        return goal.migrator(projectClasses);
    }

    @Override
    public void onDatabase(Consumer<Migrator.Builder> work) {
        throw new IllegalStateException("migrate:" + goal.name() + " reaches no database");
    }

    @Override
    public Fixes fixes() {
        return Goal.FIXES;
    }

    @Override
    public void info(String line) {
        goal.log().info(line);
    }

    @Override
    public void warn(String line) {
        goal.log().warn(line);
    }

    @Override
    public void error(String line) {
        goal.log().error(line);
    }

    @Override
    public void result(CommandResult result) {
        goal.result(result);
    }

    @Override
    public String shown(Path path) {
        return goal.displayed(path);
    }

    @Override
    public String source(String className) {
        return sources().shown(className);
    }

    /** The project's source roots, read on first use. */
    protected final MigrationSources sources() {
        MigrationSources read = sources;
        if (read == null) {
            read = goal.migrationSources();
            sources = read;
        }
        return read;
    }
}
