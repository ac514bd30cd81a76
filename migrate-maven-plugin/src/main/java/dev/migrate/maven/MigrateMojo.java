package dev.migrate.maven;

import dev.migrate.command.CommandContext;
import dev.migrate.command.Migrations;
import dev.migrate.command.database.RunDatabase;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.GivenSettings;
import java.io.File;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

/**
 * The base of the goals that read the project's migrations without a database ({@code branches}, {@code heads},
 * {@code show}, and through {@link WriteMojo} {@code merge} and {@code revision}): the parameters every goal has.
 * {@link GoalRun} runs the goal; its {@link Goal} is what it reads of the build. The goals that reach a database
 * build on {@link DatabaseMojo}, which declares these parameters too.
 */
abstract class MigrateMojo extends AbstractMojo {

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

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        Goal goal = new Goal(project, session, mojoExecution, getLog(), packages);
        new GoalRun(goal, optimizingCompiler, output, outputFile).execute(skip, classes -> run(goal, classes));
    }

    /** Does the goal's work with the project's classes loaded. A {@link dev.migrate.MigrateException} fails the build with its message. */
    protected abstract void run(Goal goal, ClassLoader projectClasses)
            throws MojoExecutionException, MojoFailureException;

    /** What a goal that reaches no database gives its command: the project's migrations, the project, the log. */
    static CommandContext context(Goal goal, ClassLoader projectClasses) {
        return CommandContext.of(
                Migrations.of(
                        () -> goal.migrator(projectClasses),
                        GivenSettings.on(Face.MAVEN).resolve()),
                RunDatabase.announcedTo(goal.output(), goal::displayed, Goal.FIXES)
                        .build(),
                goal.projectOfGoal(),
                Goal.FIXES,
                goal.output());
    }
}
