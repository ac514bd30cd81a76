package dev.migrate.maven;

import dev.migrate.Migrator;
import dev.migrate.command.Project;
import dev.migrate.command.entity.ApplicationJpa;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.output.Output;
import dev.migrate.command.run.StaleClassCheck;
import dev.migrate.command.tooling.SourceRoot;
import dev.migrate.text.Fixes;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

/**
 * One run of a goal in the build: the project, the session, the build log and the migrations packages its
 * parameters give, and, while it runs, the project's classes and what it did. The goals' bases make one per run;
 * the faces and options of a goal read the build through it.
 */
final class Goal {
    /** How the goals name a goal and a parameter in their messages: {@code mvn compile migrate:upgrade -Dmigrate.x=y}. */
    static final Fixes FIXES = Fixes.COMPILING_GOALS;

    private final MavenProject project;
    private final MavenSession session;
    private final MojoExecution execution;
    private final Log log;
    private final List<String> packages;
    private List<String> classpathElements = List.of();
    private @Nullable ClassLoader projectClasses;
    private @Nullable CommandResult result;

    Goal(MavenProject project, MavenSession session, MojoExecution execution, Log log, List<String> packages) {
        this.project = project;
        this.session = session;
        this.execution = execution;
        this.log = log;
        this.packages = ApplicationJpa.migrationPackages(
                packages,
                Path.of(project.getBuild().getOutputDirectory()),
                System::getProperty,
                System.getenv(),
                log::info);
    }

    /** The goal's name, such as {@code upgrade}. */
    String name() {
        return execution.getGoal();
    }

    MavenProject project() {
        return project;
    }

    MavenSession session() {
        return session;
    }

    MojoExecution execution() {
        return execution;
    }

    Log log() {
        return log;
    }

    /** The Java packages holding the migration classes, as the packages parameter gives them. */
    List<String> packages() {
        return packages;
    }

    /** A path in the build directory ({@code target}), such as {@code inTarget("migrate", "fleet.json")}. */
    Path inTarget(String first, String... more) {
        return Path.of(project.getBuild().getDirectory()).resolve(Path.of(first, more));
    }

    /** Where a migration class is written: {@code directory}, below the first of {@code packages}. */
    SourceRoot sourceRoot(File directory) {
        return new SourceRoot(directory.toPath(), packages.get(0));
    }

    /** A builder over the project's migrations, without a database: enough for the graph and offline SQL. */
    Migrator.Builder migrator(ClassLoader projectClasses) {
        return Migrator.builder()
                .packages(packages.stream().map(String::trim).toArray(String[]::new))
                .classLoader(projectClasses)
                .log(output().asMigrationLog());
    }

    /** Compares the project's sources with its compiled classes. */
    StaleClassCheck staleClassCheck() {
        return new StaleClassCheck(
                project.getCompileSourceRoots().stream().map(Path::of).toList(),
                Path.of(project.getBuild().getOutputDirectory()));
    }

    /** The project as the commands know it: its directory, its source roots and its build directory. */
    Project projectOfGoal() {
        return Project.in(
                project.getBasedir().toPath(),
                project.getCompileSourceRoots().stream().map(Path::of).toList(),
                Path.of(project.getBuild().getDirectory()));
    }

    /** The path relative to the project's base directory when it is inside it, as {@code target/migrate/entity-cache}. */
    String displayed(Path path) {
        return projectOfGoal().shown(path);
    }

    /** Where the goal's commands write: the build log, and what they did kept for the JSON document. */
    Output output() {
        return new GoalOutput(log, done -> result = done);
    }

    /** What the goal did, as data, or null when it reported nothing. */
    @Nullable
    CommandResult result() {
        return result;
    }

    /** The project's runtime class path, as the goal's class loader reads it. */
    List<String> classpathElements() {
        return classpathElements;
    }

    /** The project's classes, with the plugin's as their parent: from the start of the goal's run until it ends. */
    ClassLoader projectClasses() {
        ClassLoader open = projectClasses;
        if (open == null) {
            throw new IllegalStateException("The project's classes are read only while the goal runs");
        }
        return open;
    }

    /** Called by {@link GoalRun} when it opens the project's classes, and with null when it closes them. */
    void classes(List<String> classpathElements, @Nullable ClassLoader projectClasses) {
        this.classpathElements = classpathElements;
        this.projectClasses = projectClasses;
    }
}
