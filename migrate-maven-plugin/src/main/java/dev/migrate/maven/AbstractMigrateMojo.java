package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.command.Spelling;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.output.OutputDocument;
import dev.migrate.command.output.OutputFormat;
import dev.migrate.command.run.MigrationSources;
import dev.migrate.command.run.ProjectClassLoader;
import dev.migrate.command.run.StaleClassCheck;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.jspecify.annotations.Nullable;

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

    /**
     * How the goal reports what it did: {@code text}, the build log alone, or {@code json}, also one JSON document
     * of schema {@code migrate-output/1} (docs/reference/output-json.md) on standard output, or in
     * {@code output.file}. Written also when the goal fails, before the build fails.
     */
    @Parameter(property = "migrate.output", defaultValue = "text")
    protected String output = "text";

    /**
     * Where the JSON document goes instead of standard output, where Maven's own log lines would surround it, such
     * as {@code target/migrate/result.json}. Setting it writes the document even with {@code output} {@code text}.
     */
    @Parameter(property = "migrate.output.file")
    protected @Nullable File outputFile;

    private boolean json;
    private @Nullable CommandResult result;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try {
            ParameterNamesOfBuild.check(mojoExecution, project, session);
            json = OutputFormat.of(output, SPELLING) == OutputFormat.JSON;
        } catch (MigrateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        if (skip) {
            getLog().info("Skipping migrate:" + goal() + " because migrate.skip is set.");
            writeDocument(OutputDocument.skipped(goal()));
            return;
        }
        try {
            runGoal();
        } catch (MojoExecutionException | MojoFailureException | RuntimeException | LinkageError e) {
            try {
                writeDocument(OutputDocument.of(goal(), result, reported(e)));
            } catch (MojoFailureException notWritten) {
                // the goal's own failure matters more than its document's
                getLog().error(notWritten.getMessage());
            }
            throw e;
        }
        writeDocument(OutputDocument.of(goal(), result, null));
    }

    @SuppressWarnings("try") // the compiler directive is in force inside the try, and nothing there names it
    private void runGoal() throws MojoExecutionException, MojoFailureException {
        try (QuickCompilation compiling = optimizingCompiler ? null : QuickCompilation.start(getLog())) {
            classpathElements = project.getRuntimeClasspathElements();
            // open (no class is read yet) before starting: a credentials provider the project holds is needed to
            // connect
            try (ProjectClassLoader classes =
                    ProjectClassLoader.open(classpathElements, getClass().getClassLoader())) {
                projectClasses = classes.loader();
                starting();
                EngineVersionCheck.verify(mojoExecution.getVersion(), project.getArtifacts());
                staleClassCheck().verify(packages, "migrate:" + goal());
                run(classes.loader());
            } finally {
                projectClasses = null;
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

    /** The project's classes, with the plugin's as their parent, while the goal runs. */
    private @Nullable ClassLoader projectClasses;

    /** The project's classes, with the plugin's as their parent: from {@link #starting()} until the goal ends. */
    protected final ClassLoader projectClasses() {
        ClassLoader open = projectClasses;
        if (open == null) {
            throw new IllegalStateException("The project's classes are read only while the goal runs");
        }
        return open;
    }

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

    /** Keeps what the goal did, as data, for the JSON document; a later result replaces an earlier one. */
    final void result(CommandResult result) {
        this.result = result;
    }

    /**
     * Writes the JSON document of how the goal ended, when {@code output} is {@code json} or {@code output.file}
     * is set: to that file, or to standard output.
     */
    private void writeDocument(OutputDocument document) throws MojoFailureException {
        if (outputFile == null) {
            if (json) {
                System.out.print(document.text());
                System.out.flush();
            }
            return;
        }
        Path file = outputFile.toPath();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, document.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoFailureException(
                    "Could not write the JSON document of migrate:" + goal() + " to " + file + ": " + e.getMessage()
                            + ". Check that the directory is writable, or choose another "
                            + SPELLING.setting("output.file", "<file>") + ".",
                    e);
        }
        getLog().info("Wrote the result of migrate:" + goal() + " as JSON to " + displayed(file) + ".");
    }

    /** The failure the document names: the engine's exception where the goal's wraps one. */
    private static Throwable reported(Throwable failure) {
        return failure instanceof MojoFailureException && failure.getCause() instanceof MigrateException cause
                ? cause
                : failure;
    }
}
