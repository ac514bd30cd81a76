package dev.migrate.maven;

import dev.migrate.CurrentRevision;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.command.LintOutput;
import dev.migrate.lint.Lint;
import dev.migrate.lint.LintReport;
import dev.migrate.lint.LintStoppedException;
import dev.migrate.lint.TableSizes;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

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
public class LintMojo extends AbstractDatabaseMojo {

    /**
     * The revisions to analyse, as from:to, such as base:heads or 20261120_093000:heads. Unset: the
     * migrations pending on the configured database, or the whole chain without one.
     */
    @Parameter(property = "migrate.range")
    protected String range;

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
    protected String lintSince;

    /** Where the report is written as JSON. */
    @Parameter(property = "migrate.lintReport", defaultValue = "${project.build.directory}/migrate/lint.json")
    protected File lintReport;

    @Override
    protected void run(ClassLoader projectClasses) {
        LintOutput.failOn(failOn); // a wrong setting fails before any server starts
        List<CurrentRevision> current = null;
        TableSizes sizes = TableSizes.UNKNOWN;
        String serverVersion = embeddedPostgresVersion;
        Optional<ConnectingDataSource> configured = range == null ? configuredDatabase() : Optional.empty();
        if (configured.isPresent()) {
            Migrator live =
                    configured(projectClasses).dataSource(configured.get()).build();
            current = live.current();
            String at = current.isEmpty()
                    ? "base"
                    : String.join(
                            ", ", current.stream().map(CurrentRevision::id).toList());
            if (atHeads(current, live.heads())) {
                nothingPending(at);
                return;
            }
            sizes = TableSizes.read(configured.get());
            serverVersion = sameMajor(configured.get());
            getLog().info("It is at " + at + "; the migrations it has not applied are analysed.");
        }
        // the configured database is never handed to the lint: it replays on a server it starts empty
        Migrator chain = configured(projectClasses).build();
        Optional<Set<String>> judged = judged(chain);
        try (EmbeddedDatabase throwaway = startThrowaway(serverVersion)) {
            Lint.Builder builder = Lint.builder(chain)
                    .database(throwaway.dataSource())
                    .tableSizes(sizes)
                    .largeTableRows(largeTableRows);
            judged.ifPresent(builder::judgingOnly);
            Lint lint = builder.build();
            LintOutput output = new LintOutput(new MojoFace(projectClasses));
            try {
                LintReport report =
                        current != null ? lint.pending(current) : lint.run(range == null ? "base:heads" : range);
                output.print(report, lintReport.toPath(), failOn);
            } catch (LintStoppedException e) {
                output.stopped(e, lintReport.toPath(), failOn);
            }
        }
    }

    /** The revisions {@link #lintSince} (or a pull request's base branch) leaves to judge; empty: all. */
    private Optional<Set<String>> judged(Migrator chain) {
        return LintSince.of(lintSince, System.getenv())
                .judged(chain, migrationSources(), project.getBasedir().toPath(), getLog()::info);
    }

    private static boolean atHeads(List<CurrentRevision> current, List<String> heads) {
        return !heads.isEmpty()
                && Set.copyOf(heads)
                        .equals(current.stream().map(CurrentRevision::id).collect(Collectors.toSet()));
    }

    /** Writes an empty report: a CI step that reads it must not find the findings of an earlier run. */
    private void nothingPending(String at) {
        try {
            Files.createDirectories(lintReport.toPath().toAbsolutePath().getParent());
            Files.writeString(lintReport.toPath(), new LintReport(null, List.of(), List.of(), List.of()).toJson());
        } catch (IOException e) {
            throw new MigrateException("Could not write the lint report " + lintReport + ": " + e.getMessage(), e);
        }
        getLog().info("It is at " + at + ", every head: no migration is pending, so there is nothing to lint and no "
                + "throwaway PostgreSQL was started. Report: " + lintReport + ". To lint applied migrations too, "
                + "set -Dmigrate.range, such as base:heads.");
    }

    /** The major version of the configured server, when there are embedded binaries for it. */
    private String sameMajor(ConnectingDataSource database) {
        try (Connection c = database.getConnection()) {
            int major = c.getMetaData().getDatabaseMajorVersion();
            if (major >= 13 && major <= 18) {
                return Integer.toString(major);
            }
            getLog().warn("The database runs PostgreSQL " + major + ", for which there are no embedded binaries: "
                    + "the migrations are analysed on PostgreSQL " + embeddedPostgresVersion + " instead.");
            return embeddedPostgresVersion;
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the server version of the configured database: " + e.getMessage(), e);
        }
    }
}
