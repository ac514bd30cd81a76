package dev.migrate.maven;

import dev.migrate.command.tooling.LintCommand;
import dev.migrate.graph.RevisionRange;
import java.io.File;
import java.util.Set;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Replays migrations on a throwaway embedded PostgreSQL and reports, for each statement, the locks
 * it took, whether it rewrote or scanned a table, and the safe form of what it does. With a
 * configured database, the migrations it has not applied yet are analysed, on a throwaway server of
 * its major version, and their lock hazards weighed by the estimated rows of its tables (the
 * configured database is only read: its current revisions and {@code pg_class}); without one, the
 * whole chain.
 */
@Mojo(
        name = "lint",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class LintMojo extends DatabaseMojo {

    /**
     * The revisions to analyse, as from:to, such as base:heads or 20261120_093000:heads. Unset: the
     * migrations pending on the configured database, or the whole chain without one.
     */
    @Parameter(property = "migrate.range")
    protected @Nullable String range;

    /** The least severity that fails the build: error (the default), warning or none. */
    @Parameter(property = "migrate.failOn", defaultValue = "error")
    protected String failOn;

    /**
     * With a configured database: the estimated rows (pg_class.reltuples) from which a lock hazard
     * on one of its tables (an index built without CONCURRENTLY, a constraint without NOT VALID, a
     * rewrite or scan) is an error; below, it is information. 0 makes every hazard an error.
     */
    @Parameter(property = "migrate.largeTableRows", defaultValue = "100000")
    protected long largeTableRows;

    /**
     * Judge only the migrations added after this point: a revision (those added after it) or a git
     * ref (those whose source files differ from the merge base with it, found with git on the
     * PATH); the whole chain still replays, so locks and rewrites are measured on the real prior
     * schema. Unset in a GitHub pull-request build (GITHUB_BASE_REF set): origin/ followed by that branch.
     * base judges every migration.
     */
    @Parameter(property = "migrate.lintSince")
    protected @Nullable String lintSince;

    /** Where the report is written as JSON. */
    @Parameter(property = "migrate.lintReport", defaultValue = "${project.build.directory}/migrate/lint.json")
    protected File lintReport;

    @Override
    protected void checkSettings(DatabaseGoal database) {
        super.checkSettings(database);
        lint().check();
    }

    private LintGoal lint() {
        return new LintGoal(failOn, lintSince, lintReport.toPath());
    }

    @Override
    protected void run(DatabaseGoal database, ClassLoader projectClasses) {
        RevisionRange revisions = range == null ? null : LintCommand.range(range);
        Set<String> judged = lint().judged(database, projectClasses);
        new LintCommand(revisions, failOn, largeTableRows, judged, lint().reportFile())
                .run(database.context(projectClasses));
    }
}
