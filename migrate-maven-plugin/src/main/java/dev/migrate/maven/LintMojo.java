package dev.migrate.maven;

import dev.migrate.CurrentRevision;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.lint.LintReport;
import dev.migrate.lint.LintStoppedException;
import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Replays migrations on a throwaway embedded PostgreSQL and reports, for each statement, the locks
 * it took, whether it rewrote or scanned a table, and the safe form of what it does. With a
 * configured database, the migrations it has not applied yet are analysed, on a throwaway server of
 * its major version (the configured database is only read); without one, the whole chain.
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

    /** Where the report is written as JSON. */
    @Parameter(property = "migrate.lintReport", defaultValue = "${project.build.directory}/migrate/lint.json")
    protected File lintReport;

    @Override
    protected void run(ClassLoader projectClasses) {
        LintReportOutput.failOn(failOn); // a wrong setting fails before any server starts
        List<CurrentRevision> current = null;
        String serverVersion = embeddedPostgresVersion;
        Optional<ConnectingDataSource> configured = range == null ? configuredDatabase() : Optional.empty();
        if (configured.isPresent()) {
            Migrator live =
                    configured(projectClasses).dataSource(configured.get()).build();
            current = live.current();
            serverVersion = sameMajor(configured.get());
            getLog().info("It is at "
                    + (current.isEmpty()
                            ? "base"
                            : String.join(
                                    ", ",
                                    current.stream().map(CurrentRevision::id).toList()))
                    + "; the migrations it has not applied are analysed.");
        }
        try (EmbeddedDatabase throwaway = startThrowaway(serverVersion)) {
            Migrator migrator = configured(projectClasses)
                    .dataSource(throwaway.dataSource())
                    .build();
            LintReportOutput output = new LintReportOutput(getLog());
            try {
                LintReport report = current != null
                        ? migrator.lintPending(current)
                        : migrator.lint(range == null ? "base:heads" : range);
                output.print(report, lintReport.toPath(), failOn);
            } catch (LintStoppedException e) {
                output.stopped(e, lintReport.toPath(), failOn);
            }
        }
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
