package dev.migrate.command.tooling;

import static dev.migrate.command.settings.SettingsTable.ACCEPT_FUTURE_REVISIONS;
import static dev.migrate.command.settings.SettingsTable.FAIL_ON;
import static dev.migrate.command.settings.SettingsTable.LARGE_TABLE_ROWS;
import static dev.migrate.command.settings.SettingsTable.LINT_REPORT;
import static dev.migrate.command.settings.SettingsTable.LINT_SINCE;
import static dev.migrate.command.settings.SettingsTable.RANGE;
import static dev.migrate.command.settings.SettingsTable.REPORT;

import dev.migrate.CurrentRevision;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.command.CommandContext;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.graph.RevisionRange;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.lint.Lint;
import dev.migrate.lint.LintReport;
import dev.migrate.lint.TableSizes;
import dev.migrate.servers.ComparisonDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * {@code lint}: runs migrations on a throwaway server, watching the locks, rewrites and scans each statement
 * takes, and judges them; with a configured database, the migrations it has not applied, weighed by the sizes
 * of its tables (it is only read): {@code new LintCommand(null, "error", 100_000, null).run(face)}.
 *
 * @param range the revisions to analyse, its form checked where the user wrote it; null: those pending on the
 *     configured database, or the whole chain without one
 * @param failOn the least severity that fails the command: {@code error} (also when null), {@code warning}
 *     or {@code none}
 * @param largeTableRows the estimated rows from which a lock hazard on a table of the configured database is
 *     an error; below, it is information
 * @param judged the revisions whose findings count; null: all of them
 * @param reportFile where the report is written as JSON; null: nowhere
 */
public record LintCommand(
        @Nullable RevisionRange range,
        @Nullable String failOn,
        long largeTableRows,
        @Nullable Set<String> judged,
        @Nullable Path reportFile) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.database("lint")
            .and(RANGE, LARGE_TABLE_ROWS, FAIL_ON, LINT_REPORT, LINT_SINCE, REPORT)
            .withThrowawayServers()
            .andOnCommandLine(ACCEPT_FUTURE_REVISIONS);

    /**
     * The estimated rows from which a table counts as large where a face leaves it unset: the lint's, which
     * {@code check} and {@code autogenerate} share.
     */
    public static final long DEFAULT_LARGE_TABLE_ROWS = Lint.DEFAULT_LARGE_TABLE_ROWS;

    /**
     * The revisions to analyse, as the user wrote them, their form checked there: each end empty or a target form.
     *
     * @throws dev.migrate.BadTargetException naming the end that is no target form
     */
    public static RevisionRange range(String text) {
        return RevisionTarget.range(text, Set.of());
    }

    public LintCommand {
        judged = judged == null ? null : Set.copyOf(judged);
    }

    /**
     * Lints, and fails at {@code failOn}.
     *
     * @throws MigrateException naming the findings at or above {@code failOn}, or the migration that failed
     */
    public void run(CommandContext context) {
        LintOutput.failOn(failOn); // a wrong setting fails before any server starts
        ComparisonDatabases throwaways = context.databases(null);
        List<CurrentRevision> current = null;
        TableSizes sizes = TableSizes.UNKNOWN;
        ComparisonDatabases.ThrowawayVersion version = null;
        Optional<? extends DataSource> configured = range == null ? context.configuredDatabase() : Optional.empty();
        if (configured.isPresent()) {
            // a Citus coordinator's pending migrations replay where Citus is: a database made on its server
            throwaways = CoordinatorReplay.of(configured.get(), throwaways, context);
            Migrator live =
                    context.migrations(true).dataSource(configured.get()).build();
            current = live.current();
            String at = current.isEmpty()
                    ? "base"
                    : current.stream().map(CurrentRevision::id).collect(Collectors.joining(", "));
            if (atHeads(current, live.heads())) {
                nothingPending(at, context);
                return;
            }
            sizes = TableSizes.read(configured.get());
            version = sameMajor(configured.get(), throwaways, context);
            context.output().info("It is at " + at + "; the migrations it has not applied are analysed.");
        }
        // the configured database is never replayed on: the lint replays on a server it starts empty
        Migrator chain = context.migrations(true).build();
        try (ComparisonDatabases.ThrowawayServer server =
                throwaways.start(version == null ? throwaways.defaultVersion() : version)) {
            server.createRolesOf(chain, context.output()::info);
            Lint.Builder builder = Lint.builder(chain)
                    .database(server.dataSource())
                    .tableSizes(sizes)
                    .largeTableRows(largeTableRows);
            if (judged != null) {
                builder.judgingOnly(judged);
            }
            // its rows are only counted, read-only, for the type changes the replay sees
            configured.ifPresent(database -> builder.measuringRowsOn(database, Lint.DEFAULT_MEASURE_TIMEOUT));
            Lint lint = builder.build();
            List<CurrentRevision> pending = current;
            new LintOutput(context)
                    .report(
                            () -> pending != null
                                    ? lint.pending(pending)
                                    : lint.run(range == null ? "base:heads" : range.toString()),
                            reportFile,
                            failOn);
        }
    }

    private static boolean atHeads(List<CurrentRevision> current, List<String> heads) {
        return !heads.isEmpty()
                && Set.copyOf(heads)
                        .equals(current.stream().map(CurrentRevision::id).collect(Collectors.toSet()));
    }

    /** Writes an empty report: a CI step that reads it must not find the findings of an earlier run. */
    private void nothingPending(String at, CommandContext context) {
        Optional<Path> json = Optional.ofNullable(reportFile);
        if (json.isPresent()) {
            try {
                Path parent = json.get().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(json.get(), new LintReport(null, List.of(), List.of(), List.of()).toJson());
            } catch (IOException e) {
                throw new MigrateException("Could not write the lint report " + json.get() + ": " + e.getMessage(), e);
            }
        }
        context.output()
                .info("It is at " + at + ", every head: no migration is pending, so there is nothing to lint and no "
                        + "throwaway PostgreSQL was started."
                        + json.map(file -> " Report: " + file + ".").orElse("")
                        + " To lint applied migrations too, set "
                        + context.fixes().setting("range", "base:heads") + ".");
    }

    /** A throwaway server of the configured server's major version, or of the default one where there is none. */
    private static ComparisonDatabases.ThrowawayVersion sameMajor(
            DataSource database, ComparisonDatabases throwaways, CommandContext context) {
        int major;
        try (Connection c = database.getConnection()) {
            major = c.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the server version of the configured database: " + e.getMessage(), e);
        }
        if (major >= 13 && major <= 18) {
            return throwaways.version(major);
        }
        ComparisonDatabases.ThrowawayVersion fallback = throwaways.defaultVersion();
        context.output()
                .warn("The database runs PostgreSQL " + major + ", for which there are no throwaway servers: the "
                        + "migrations are analysed on PostgreSQL " + fallback.version() + " instead.");
        return fallback;
    }
}
