package dev.migrate.maven;

import dev.migrate.command.tooling.Entities;
import dev.migrate.command.tooling.VerifyCommand;
import java.io.File;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * The round-trip test of the migration chain, always on a throwaway embedded PostgreSQL: a single
 * head, or heads each declared by a branch label; every revision upgraded, downgraded and upgraded again with an identical schema; a
 * downgrade to base that leaves only the version tables; at head, a schema that matches the
 * entities (skipped, with a line in the log, for a project without JPA); and the lint of the whole
 * chain, as {@code migrate:lint} does it, its findings limited to the migrations added since
 * {@code lintSince} when set.
 */
@Mojo(
        name = "verify",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class VerifyMojo extends EntityMojo {

    /**
     * The least lint severity that fails the build: error, warning or none. Not set, only a
     * migration that fails on the lint's rows fails the build: the lock and rewrite findings of the
     * chain are reported, since their weight depends on the size of production's tables, which a
     * throwaway database cannot know (autogenerate measures them with a URL, and migrate:lint judges
     * them).
     */
    @Parameter(property = "migrate.failOn")
    protected @Nullable String failOn;

    /**
     * Judge only the migrations added after this point: a revision (those added after it) or a git
     * ref (those whose source files differ from the merge base with it, found with git on the
     * PATH); the whole chain still replays, so locks and rewrites are measured on the real prior
     * schema. Unset in a GitHub pull-request build (GITHUB_BASE_REF set): origin/ followed by that branch.
     * base judges every migration.
     */
    @Parameter(property = "migrate.lintSince")
    protected @Nullable String lintSince;

    /** Where the lint report is written as JSON. */
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
    protected void run(EntityGoal goal, ClassLoader projectClasses) {
        Set<String> judged = lint().judged(goal.database(), projectClasses);
        Entities entities = goal.missingJpaSource()
                .map(missing -> Entities.none("the project has " + missing + "."))
                .orElseGet(goal::compared);
        new VerifyCommand(managedSchema, exclude == null ? List.of() : exclude, failOn, judged, lint().reportFile())
                .run(goal.database().context(projectClasses), entities);
    }
}
