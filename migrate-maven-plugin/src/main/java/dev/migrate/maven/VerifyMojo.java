package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.ChainVerifier;
import dev.migrate.lint.Lint;
import dev.migrate.lint.LintStoppedException;
import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

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
public class VerifyMojo extends AbstractAutogenMojo {

    /**
     * The least lint severity that fails the build: error, warning or none. Not set, only a
     * migration that fails on the lint's rows fails the build: the lock and rewrite findings of the
     * chain are reported, since their weight depends on the size of production's tables, which a
     * throwaway database cannot know (autogenerate measures them with a URL, and migrate:lint judges
     * them).
     */
    @Parameter(property = "migrate.failOn")
    protected String failOn;

    /**
     * Judge only the migrations added after this point: a revision (those added after it) or a git
     * ref (those whose source files differ from the merge base with it, found with git on the
     * PATH); the whole chain still replays, so locks and rewrites are measured on the real prior
     * schema. Unset in a GitHub pull-request build (GITHUB_BASE_REF set): origin/ followed by that branch.
     * base judges every migration.
     */
    @Parameter(property = "migrate.lintSince")
    protected String lintSince;

    /** Where the lint report is written as JSON. */
    @Parameter(property = "migrate.lintReport", defaultValue = "${project.build.directory}/migrate/lint.json")
    protected File lintReport;

    @Override
    protected void run(ClassLoader projectClasses) {
        LintReportOutput.failOn(failOn); // a wrong setting fails before any server starts
        Migrator chain = offline(projectClasses);
        reviewBranches(chain); // both before any server starts
        Optional<Set<String>> judged = LintSince.of(lintSince, System.getenv())
                .judged(chain, migrationSources(), project.getBasedir().toPath(), getLog()::info);
        Optional<String> missingJpa = missingJpa();
        try (EmbeddedDatabase server = startThrowaway(embeddedPostgresVersion)) {
            Migrator migrator =
                    configured(projectClasses).dataSource(server.dataSource()).build();
            verify(migrator, server.dataSource(), missingJpa);
            if (!migrator.revisions().isEmpty()) {
                getLog().info("Linting the chain on a database of its own.");
                Lint.Builder builder = Lint.builder(migrator).database(server.createDatabase("migrate_lint"));
                judged.ifPresent(builder::judgingOnly);
                Lint lint = builder.build();
                LintReportOutput output = new LintReportOutput(getLog(), failOn == null);
                try {
                    output.print(lint.run("base:heads"), lintReport.toPath(), failOn);
                } catch (LintStoppedException e) {
                    output.stopped(e, lintReport.toPath(), failOn);
                }
            }
        }
    }

    private void verify(Migrator migrator, DataSource database, Optional<String> missingJpa) {
        new ChainVerifier(
                        migrator,
                        database,
                        managedSchema,
                        exclude == null ? List.of() : exclude,
                        new MavenMigrationLog(getLog()))
                .verify();
        if (missingJpa.isPresent()) {
            // migrations written by hand: the round trips are the whole check
            getLog().info("Skipped the comparison with the entities: the project has " + missingJpa.get() + ".");
            getLog().info("Verified " + migrator.revisions().size() + " revisions: every step round-trips.");
            return;
        }
        migrator.upgrade("heads");
        List<String> differences = report(compare(migrator, database));
        if (!differences.isEmpty()) {
            throw new MigrateException(
                    "The migration chain round-trips, but at head the schema differs from the entities:\n  - "
                            + String.join("\n  - ", differences)
                            + "\nWrite the missing migration with migrate:autogenerate.");
        }
        getLog().info("Verified " + migrator.revisions().size()
                + " revisions: every step round-trips and the head matches the entities.");
    }
}
