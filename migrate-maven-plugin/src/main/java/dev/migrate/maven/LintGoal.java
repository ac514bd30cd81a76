package dev.migrate.maven;

import dev.migrate.command.lint.LintSince;
import dev.migrate.command.tooling.LintOutput;
import java.nio.file.Path;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@code lint} and {@code verify} do alike with their lint parameters: the severity that fails the build,
 * checked before git or any server runs; the revisions whose findings count; the report file.
 *
 * @param failOn error, warning or none; null for the goal's default
 * @param lintSince a revision or a git ref, or null for a pull request's base branch, if any
 * @param report where the report is written as JSON
 */
record LintGoal(@Nullable String failOn, @Nullable String lintSince, Path report) {

    /** Fails on a misspelt failOn, before anything runs. */
    void check() {
        LintOutput.failOn(failOn);
    }

    /**
     * The revisions whose lint findings count: those added since {@code lintSince}, or since a pull request's
     * base branch when it is unset; null for every one.
     */
    @Nullable
    Set<String> judged(DatabaseGoal database, ClassLoader projectClasses) {
        Goal goal = database.goal();
        return LintSince.of(lintSince, System.getenv())
                .judged(
                        database.context(projectClasses).migrations(false).build(),
                        goal.projectOfGoal().sources(),
                        goal.project().getBasedir().toPath(),
                        goal.log()::info)
                .orElse(null);
    }

    /** The report file. */
    Path reportFile() {
        return report;
    }
}
