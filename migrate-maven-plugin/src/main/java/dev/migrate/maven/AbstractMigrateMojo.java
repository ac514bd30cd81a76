package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.command.Spelling;
import dev.migrate.command.run.ProjectClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: skipping, the migrations packages, the stale-class check and the project
 * class loader. A goal implements {@link #run(ClassLoader)} and calls one engine entry point.
 */
abstract class AbstractMigrateMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /** Skips the goal, for example in a profile that must not touch the database. */
    @Parameter(property = "migrate.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The Java packages holding the migration classes, searched on the project's runtime
     * classpath ({@code target/classes} and dependency jars). Comma-separated on the command line.
     */
    @Parameter(property = "migrate.packages", defaultValue = "db.migrations")
    protected List<String> packages;

    /**
     * Let the JVM's optimizing compiler (C2) compile while the goal runs. Off by default: a goal lasts seconds,
     * and C2 spends more processor time on it than its code saves, on the cores PostgreSQL, the JPA provider and
     * a throwaway server need (a cold {@code check} of 2,000 entities took 6.6 to 7.0 s without it, 7.9 to 9.3 s
     * with it; an upgrade of 1,000 migrations on a stock PostgreSQL 15, 4.1 s and 2.0 s of processor time without
     * it, 4.7 s and 4.0 s with it). What runs in the build after the goal compiles as usual.
     */
    @Parameter(property = "migrate.optimizingCompiler", defaultValue = "false")
    protected boolean optimizingCompiler;

    @Override
    @SuppressWarnings("try") // the compiler directive is in force inside the try, and nothing there names it
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try {
            ParameterNamesOfBuild.check(mojoExecution, project, session);
        } catch (MigrateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        if (skip) {
            getLog().info("Skipping migrate:" + goal() + " because migrate.skip is set.");
            return;
        }
        try (QuickCompilation compiling = optimizingCompiler ? null : QuickCompilation.start(getLog())) {
            starting();
            EngineVersionCheck.verify(mojoExecution.getVersion(), project.getArtifacts());
            staleClassCheck().verify(packages, "migrate:" + goal());
            classpathElements = project.getRuntimeClasspathElements();
            try (ProjectClassLoader classes =
                    ProjectClassLoader.open(classpathElements, getClass().getClassLoader())) {
                run(classes.loader());
            }
        } catch (MigrateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The project's runtime classpath is not resolved: " + e.getMessage(), e);
        } finally {
            finished();
        }
    }

    /** Compares the project's sources with its compiled classes. */
    protected final StaleClassCheck staleClassCheck() {
        return new StaleClassCheck(
                project.getCompileSourceRoots().stream().map(Path::of).toList(),
                Path.of(project.getBuild().getOutputDirectory()));
    }

    /** The project's source roots, where its migration classes are written. */
    protected final MigrationSources migrationSources() {
        return new MigrationSources(
                project.getBasedir().toPath(),
                project.getCompileSourceRoots().stream().map(Path::of).toList());
    }

    /** Called first, before the checks: to start what can go on meanwhile, such as connecting. */
    protected void starting() {}

    /** Called last, whether the goal succeeded or failed: to let go of what {@link #starting()} began. */
    protected void finished() {}

    /** The project's runtime class path, as the goal's class loader reads it. */
    protected List<String> classpathElements = List.of();

    /** Does the goal's work with the project's classes loaded. A {@link MigrateException} fails the build with its message. */
    protected abstract void run(ClassLoader projectClasses) throws MojoExecutionException, MojoFailureException;

    protected final String goal() {
        return mojoExecution.getGoal();
    }

    /** A builder over the project's migrations, without a database: enough for the graph and offline SQL. */
    protected Migrator.Builder migrator(ClassLoader projectClasses) {
        return Migrator.builder()
                .packages(packages.stream().map(String::trim).toArray(String[]::new))
                .classLoader(projectClasses)
                .log(new MavenMigrationLog(getLog()));
    }

    /** How the goals name a goal and a parameter in their messages: {@code mvn compile migrate:upgrade -Dmigrate.x=y}. */
    protected static final Spelling SPELLING = Spelling.GOALS;

    /** The path relative to the project's base directory when it is inside it, as {@code target/migrate/entity-cache}. */
    protected final String displayed(Path path) {
        Path base = project.getBasedir() == null
                ? null
                : project.getBasedir().toPath().toAbsolutePath();
        Path absolute = path.toAbsolutePath();
        return base != null && absolute.startsWith(base)
                ? base.relativize(absolute).toString()
                : path.toString();
    }

    /** Prints report lines as they are, to the build log. */
    protected final void print(List<String> lines) {
        lines.forEach(getLog()::info);
    }
}
