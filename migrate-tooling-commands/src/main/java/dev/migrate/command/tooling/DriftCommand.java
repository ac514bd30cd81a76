package dev.migrate.command.tooling;

import static dev.migrate.command.settings.SettingsTable.ACCEPT_FUTURE_REVISIONS;
import static dev.migrate.command.settings.SettingsTable.DATABASES;
import static dev.migrate.command.settings.SettingsTable.DATA_DIRECTORY;
import static dev.migrate.command.settings.SettingsTable.DATA_ROW_LIMIT;
import static dev.migrate.command.settings.SettingsTable.DRIFT_ACCEPT;
import static dev.migrate.command.settings.SettingsTable.DRIFT_SQL_FILE;
import static dev.migrate.command.settings.SettingsTable.EXCLUDE;
import static dev.migrate.command.settings.SettingsTable.MANAGED_SCHEMA;
import static dev.migrate.command.settings.SettingsTable.MESSAGE;
import static dev.migrate.command.settings.SettingsTable.PARALLEL;
import static dev.migrate.command.settings.SettingsTable.REPLAY_CACHE;
import static dev.migrate.command.settings.SettingsTable.REPLAY_CACHE_DIRECTORY;
import static dev.migrate.command.settings.SettingsTable.REPORT;
import static dev.migrate.command.settings.SettingsTable.SOURCE_DIRECTORY;
import static dev.migrate.command.settings.SettingsTable.SQL_FILE;
import static dev.migrate.command.settings.SettingsTable.TENANTS;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.data.DeclaredRows;
import dev.migrate.autogen.drift.AcceptedRows;
import dev.migrate.autogen.drift.Drift;
import dev.migrate.autogen.drift.DriftJson;
import dev.migrate.autogen.drift.DriftRequest;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.command.CommandContext;
import dev.migrate.command.FleetSettings;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.text.Fixes;
import dev.migrate.tooling.ChainTables;
import dev.migrate.tooling.FleetReports;
import dev.migrate.tooling.MigratorTools;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code drift}: whether databases still have the schema their migrations say they have. The schema the chain
 * builds up to the revision a database is at is compared with that database, which is only read; a fleet's
 * tenants each with the schema of their own revision. The reports go to a JSON file, the differences to the
 * output, and the command fails on any drift:
 *
 * <pre>{@code
 * new DriftCommand("public", List.of("legacy_*"), null, null).run(null, face);
 * }</pre>
 *
 * @param managedSchema the schema the migrations build and the database is compared in
 * @param exclude name patterns left out on both sides ({@code *} and {@code ?} globs, {@code schema.name} with
 *     a dot); blank ones are dropped
 * @param sqlFile where the SQL that brings the database back is written, for review; for a fleet, one file per
 *     drifted tenant beside it. Null: none is written
 * @param accept the migration that accepts the drift instead, written for one database at head; null: a drift
 *     fails the command
 * @param reportFile where the reports are written as JSON; null: nowhere
 * @param rows the declared rows ({@code db/data/}), whose tables' rows are compared too, by key
 * @param rowLimit the most rows a declared table may hold
 */
public record DriftCommand(
        String managedSchema,
        List<String> exclude,
        @Nullable Path sqlFile,
        @Nullable Accept accept,
        @Nullable Path reportFile,
        DeclaredRows rows,
        int rowLimit) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.database("drift")
            .and(MESSAGE, SOURCE_DIRECTORY, EXCLUDE, MANAGED_SCHEMA, REPLAY_CACHE, DATA_DIRECTORY, DATA_ROW_LIMIT)
            .and(DRIFT_SQL_FILE, DRIFT_ACCEPT, REPLAY_CACHE_DIRECTORY, REPORT, TENANTS, DATABASES, PARALLEL)
            .withThrowawayServers()
            // the command line's drift writes its script to --sql-file, and reads no data files
            .notOnCommandLine(MESSAGE, SOURCE_DIRECTORY, DATA_DIRECTORY)
            .andOnCommandLine(ACCEPT_FUTURE_REVISIONS, SQL_FILE);

    /** Drift of the schema alone, no table's rows compared. */
    public DriftCommand(
            String managedSchema,
            List<String> exclude,
            @Nullable Path sqlFile,
            @Nullable Accept accept,
            @Nullable Path reportFile) {
        this(managedSchema, exclude, sqlFile, accept, reportFile, DeclaredRows.none(), 1);
    }

    /**
     * A migration that accepts the drift: its upgrade makes the schema at head into the database's.
     *
     * @param message the migration's message
     * @param sources where it is written
     */
    public record Accept(String message, SourceRoot sources) {
        public Accept {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(sources, "sources");
        }
    }

    public DriftCommand {
        Objects.requireNonNull(managedSchema, "managedSchema");
        exclude = NonBlank.of(exclude);
    }

    /** Fails, before anything is read, on an acceptance without a message. */
    public void checkSettings(Fixes fixes) {
        if (accept != null && accept.message().isBlank()) {
            throw new MigrateException(fixes.setting("drift.accept", "true") + " writes a migration, which needs a "
                    + "message. Add " + fixes.setting("message", "\"what the database has\"") + ". Nothing was "
                    + "compared.");
        }
    }

    /**
     * Compares the face's database, or every tenant of {@code fleet}, with the chain's schema.
     *
     * @throws MigrateException when a database has drifted or could not be compared, naming it and the fix
     */
    public void run(@Nullable FleetSettings fleet, CommandContext context) {
        checkSettings(context.fixes());
        if (accept != null && fleet != null) {
            throw new MigrateException("Accepting a drift writes one migration from one database's schema, and "
                    + "tenants or databases name a fleet. Run it against the one database whose schema the chain "
                    + "is to describe, without tenants and databases. Nothing was compared.");
        }
        long start = System.nanoTime();
        if (fleet != null) {
            List<DriftReport> reports = new ArrayList<>();
            DriftRequest request = request(context.migrations(false).build(), context);
            if (fleet.inTheDatabase()) {
                context.onDatabase(builder -> reports.addAll(
                        Drift.fleet(request, fleet.over(builder), context.databases(null), ComparisonLog.of(context))));
            } else {
                reports.addAll(Drift.fleet(
                        request,
                        fleet.over(context.migrations(true)),
                        context.databases(null),
                        ComparisonLog.of(context)));
            }
            context.output().result(result(reports, null));
            writeJson(reports, start);
            reportFleet(reports, context);
            return;
        }
        context.withDataSource((name, database) -> {
            Migrator chain = context.migrations(true).dataSource(database).build();
            DriftReport report;
            try {
                report = Drift.of(
                        request(chain, context),
                        name,
                        database,
                        CoordinatorReplay.of(database, context.databases(null), context),
                        ComparisonLog.of(context));
            } catch (MigrateException e) {
                List<DriftReport> failed =
                        List.of(DriftReport.failed(name, managedSchema, "", String.valueOf(e.getMessage())));
                context.output().result(result(failed, null));
                writeJson(failed, start);
                throw e;
            }
            context.output().result(result(List.of(report), null));
            writeJson(List.of(report), start);
            if (sqlFile != null) {
                writeSql(sqlFile, report, context);
            }
            if (report.inSync()) {
                context.output().info("No drift: " + name + " matches revision " + report.revision() + ".");
                return;
            }
            if (accept != null) {
                accept(accept, chain, report, context);
                return;
            }
            throw new MigrateException(report.summary()
                    + "\nBring it back with the SQL " + context.fixes().setting("drift.sqlFile", "drift.sql")
                    + " writes (review it, then run it)"
                    + acceptHint(context) + "."
                    + Optional.ofNullable(reportFile)
                            .map(json -> " The differences are in " + context.shown(json) + ".")
                            .orElse(""));
        });
    }

    private static String acceptHint(CommandContext context) {
        return !context.fixes().offers("drift.accept")
                ? ""
                : ", or accept what it has with " + context.fixes().setting("drift.accept", "true") + " "
                        + context.fixes().setting("message", "\"...\"") + ", which writes the next migration";
    }

    private DriftRequest request(Migrator chain, CommandContext context) {
        return request(chain, managedSchema, exclude, context)
                .comparingRows(rows.inContexts(chain.contexts()), rowLimit);
    }

    /** What drift and the snapshot compare: {@code chain}'s schema in {@code managedSchema}, its version tables left out. */
    static DriftRequest request(Migrator chain, String managedSchema, List<String> exclude, CommandContext context) {
        ChainTables settings = MigratorTools.of(chain).tables();
        return new DriftRequest(
                chain, managedSchema, exclude, settings.versionTable(), settings.historyTable(), context.replayCache());
    }

    /**
     * Writes the migration that accepts the drift, and the declared rows' files it changes, and says how to mark
     * the database. A file that cannot be edited is named before anything is written, as its author's to edit.
     */
    private void accept(Accept accept, Migrator chain, DriftReport report, CommandContext context) {
        NewMigration migration =
                Drift.accepting(report, chain, accept.message().strip(), parents -> SourceRoot.nextId(chain, parents));
        AcceptedRows files = AcceptedRows.of(report.accepting(), rows.inContexts(chain.contexts()), managedSchema);
        for (String refusal : files.refusals()) {
            context.output()
                    .warn("Not edited, so yours to edit: " + refusal + " Make it hold the rows " + report.name()
                            + " has, or the next " + context.fixes().command("check")
                            + " reports them the other way.");
        }
        report.differences().forEach(line -> context.output().warn("Accepting: " + line));
        Path path = accept.sources().write(migration);
        files.write();
        for (AcceptedRows.Edit edit : files.edits()) {
            context.output()
                    .info("Rewrote " + edit.source() + " to hold the rows " + report.name()
                            + " has (only the rows the migration changes).");
        }
        String id = migration.id();
        context.output().result(result(List.of(report), new CommandResult.Written(id, context.shown(path))));
        context.output()
                .info("Wrote " + path + " (revision " + id + "): its upgrade makes the schema of revision "
                        + report.revision() + " into what " + report.name() + " has. That database has these changes "
                        + "already, so do not upgrade it: mark it with "
                        + context.fixes().command("stamp") + " "
                        + context.fixes().setting("target", id) + ". Every other database gets them with "
                        + context.fixes().command("upgrade")
                        + "; " + context.fixes().command("drift") + " is then clean on both.");
    }

    private void reportFleet(List<DriftReport> reports, CommandContext context) {
        List<DriftReport> drifted =
                reports.stream().filter(DriftReport::drifted).toList();
        List<DriftReport> failed =
                reports.stream().filter(r -> r.error() != null).toList();
        long inSync = reports.stream().filter(DriftReport::inSync).count();
        for (DriftReport r : drifted) {
            context.output().error(r.name() + " has drifted from the schema of revision " + r.revision() + ":");
            r.differences().forEach(line -> context.output().error("  - " + line));
        }
        for (DriftReport r : failed) {
            context.output().error(r.name() + " was not compared: " + r.error());
        }
        if (sqlFile != null) {
            for (DriftReport r : drifted) {
                writeSql(FleetReports.beside(sqlFile, r.name()), r, context);
            }
        }
        Optional<String> json = Optional.ofNullable(reportFile).map(context::shown);
        context.output()
                .info("Drift of " + reports.size() + " tenant" + (reports.size() == 1 ? "" : "s") + ": " + inSync
                        + " in sync, " + drifted.size() + " drifted, " + failed.size() + " not compared."
                        + json.map(file -> " The result is in " + file + ".").orElse(""));
        if (!drifted.isEmpty() || !failed.isEmpty()) {
            List<String> names = new ArrayList<>();
            drifted.forEach(r -> names.add(r.name()));
            failed.forEach(r -> names.add(r.name()));
            throw new MigrateException(drifted.size() + " tenant" + (drifted.size() == 1 ? " has" : "s have")
                    + " drifted and " + failed.size() + " could not be compared (" + FleetReports.first(names, 10)
                    + "); each one's differences or error are listed above"
                    + json.map(file -> " and in " + file).orElse("")
                    + ". Bring a drifted tenant back with the SQL "
                    + context.fixes().setting("drift.sqlFile", "drift.sql")
                    + " writes for it.");
        }
        context.output()
                .info("No drift: all " + reports.size() + " tenants match the schema of the revision each is at.");
    }

    /** The reports as the JSON document's result. */
    private static CommandResult.Drift result(List<DriftReport> reports, CommandResult.@Nullable Written accepted) {
        return new CommandResult.Drift(
                reports.stream()
                        .map(r -> new CommandResult.DriftEntry(
                                r.name(),
                                r.revision().isEmpty() ? null : r.revision(),
                                r.error() != null ? "failed" : r.inSync() ? "inSync" : "drifted",
                                r.differences(),
                                r.error()))
                        .toList(),
                accepted);
    }

    private void writeJson(List<DriftReport> reports, long start) {
        if (Optional.ofNullable(reportFile).isEmpty()) {
            return;
        }
        Path json = Optional.ofNullable(reportFile).get();
        try {
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                DriftJson.write(reports, Duration.ofNanos(System.nanoTime() - start), out);
            }
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not write the drift report to " + json + ": " + e.getMessage()
                            + ". Check that the directory is writable.",
                    e);
        }
    }

    /** The SQL that brings {@code report}'s database back, or a comment that nothing does, to {@code file}. */
    private static void writeSql(Path file, DriftReport report, CommandContext context) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, report.sqlScript(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not write the drift's SQL to " + file + ": " + e.getMessage()
                            + ". Check that the directory is writable, or choose another "
                            + context.fixes().setting("drift.sqlFile", "<file>") + ".",
                    e);
        }
        context.output().info("Wrote the SQL that brings " + report.name() + " back to " + context.shown(file) + ".");
    }
}
