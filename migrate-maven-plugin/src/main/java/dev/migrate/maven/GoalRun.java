package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.command.output.OutputDocument;
import dev.migrate.command.output.OutputFormat;
import dev.migrate.command.run.ProjectClassLoader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.jspecify.annotations.Nullable;

/**
 * How every goal runs: it refuses a parameter it would ignore, skips, loads the project's classes, checks the
 * engine's version and the compiled classes, does its work, and writes the JSON document of how it ended.
 *
 * @param goal the goal that runs
 * @param optimizingCompiler whether the JVM's optimizing compiler may compile while the goal runs
 * @param output {@code text} or {@code json}, as the output parameter says
 * @param outputFile where the JSON document goes instead of standard output, or null
 */
record GoalRun(
        Goal goal,
        boolean optimizingCompiler,
        String output,
        @Nullable File outputFile) {

    /** What a goal does while it runs. */
    interface Steps {
        /** Called first, before the checks: to start what can go on meanwhile, such as connecting. */
        default void starting() {}

        /** Does the goal's work with the project's classes loaded. A {@link MigrateException} fails the build with its message. */
        void run(ClassLoader projectClasses) throws MojoExecutionException, MojoFailureException;

        /** Called last, whether the goal succeeded or failed: to let go of what {@link #starting()} began. */
        default void finished() {}
    }

    /** Runs the goal's {@code steps}, or only says that it skips them. */
    void execute(boolean skip, Steps steps) throws MojoExecutionException, MojoFailureException {
        boolean json;
        try {
            ParameterNamesOfBuild.check(goal.execution(), goal.project(), goal.session());
            json = OutputFormat.of(output, Goal.FIXES) == OutputFormat.JSON;
        } catch (MigrateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        if (skip) {
            goal.log().info("Skipping migrate:" + goal.name() + " because migrate.skip is set.");
            write(json, OutputDocument.skipped(goal.name()));
            return;
        }
        try {
            run(steps);
        } catch (MojoExecutionException | MojoFailureException | RuntimeException | LinkageError e) {
            try {
                write(json, OutputDocument.of(goal.name(), goal.result(), reported(e)));
            } catch (MojoFailureException notWritten) {
                // the goal's own failure matters more than its document's
                goal.log().error(notWritten.getMessage());
            }
            throw e;
        }
        write(json, OutputDocument.of(goal.name(), goal.result(), null));
    }

    @SuppressWarnings("try") // the compiler directive is in force inside the try, and nothing there names it
    private void run(Steps steps) throws MojoExecutionException, MojoFailureException {
        try (QuickCompilation compiling = optimizingCompiler ? null : QuickCompilation.start(goal.log())) {
            List<String> elements = goal.project().getRuntimeClasspathElements();
            // open (no class is read yet) before starting: a credentials provider the project holds is needed to
            // connect
            try (ProjectClassLoader classes = ProjectClassLoader.open(elements, GoalRun.class.getClassLoader())) {
                goal.classes(elements, classes.loader());
                steps.starting();
                EngineVersionCheck.verify(
                        goal.execution().getVersion(), goal.project().getArtifacts());
                goal.staleClassCheck().verify(goal.packages(), "migrate:" + goal.name());
                steps.run(classes.loader());
            } finally {
                goal.classes(elements, null);
            }
        } catch (MigrateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The project's runtime classpath is not resolved: " + e.getMessage(), e);
        } finally {
            steps.finished();
        }
    }

    /**
     * Writes the JSON document of how the goal ended, when {@code output} is {@code json} or {@code outputFile}
     * is set: to that file, or to standard output.
     */
    private void write(boolean json, OutputDocument document) throws MojoFailureException {
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
                    "Could not write the JSON document of migrate:" + goal.name() + " to " + file + ": "
                            + e.getMessage() + ". Check that the directory is writable, or choose another "
                            + Goal.FIXES.setting("output.file", "<file>") + ".",
                    e);
        }
        goal.log().info("Wrote the result of migrate:" + goal.name() + " as JSON to " + goal.displayed(file) + ".");
    }

    /** The failure the document names: the engine's exception where the goal's wraps one. */
    private static Throwable reported(Throwable failure) {
        return failure instanceof MojoFailureException && failure.getCause() instanceof MigrateException cause
                ? cause
                : failure;
    }
}
