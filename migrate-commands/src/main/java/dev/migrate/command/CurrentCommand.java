package dev.migrate.command;

import static dev.migrate.command.settings.SettingsTable.ACCEPT_FUTURE_REVISIONS;
import static dev.migrate.command.settings.SettingsTable.CHECK_HEADS;
import static dev.migrate.command.settings.SettingsTable.DATABASES;
import static dev.migrate.command.settings.SettingsTable.MODULE;
import static dev.migrate.command.settings.SettingsTable.PARALLEL;
import static dev.migrate.command.settings.SettingsTable.TENANTS;
import static dev.migrate.command.settings.SettingsTable.VERBOSE;

import dev.migrate.CurrentRevision;
import dev.migrate.Migrator;
import dev.migrate.NotAtHeadException;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.tooling.FleetReports;
import dev.migrate.tooling.MigratorTools;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code current}: the revisions the database is at, or each tenant's with a count by revision, read
 * without a lock: {@code new CurrentCommand(false, true).run(null, face)}.
 *
 * @param verbose each revision's details, not its line alone
 * @param checkHeads fail unless the database (or every tenant) is at every head, as a deployment gate
 * @param module the one module whose version rows it shows ({@link ModuleScope}), or null for all
 */
public record CurrentCommand(
        boolean verbose, boolean checkHeads, @Nullable ModuleScope module) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.database("current")
            .and(ACCEPT_FUTURE_REVISIONS, CHECK_HEADS, MODULE, VERBOSE, TENANTS, DATABASES, PARALLEL);

    /** {@code current} of every module. */
    public CurrentCommand(boolean verbose, boolean checkHeads) {
        this(verbose, checkHeads, null);
    }

    /**
     * Prints the current revisions of the run's database, or of every tenant of {@code fleet}.
     *
     * @throws NotAtHeadException with {@code checkHeads}, naming what is behind and the upgrade to run
     */
    public void run(@Nullable FleetSettings fleet, CommandContext context) {
        if (fleet != null && module != null) {
            throw new dev.migrate.MigrateException("current scoped to module " + module.module() + " reads one "
                    + "database, not a fleet. Leave the module out, or run it against each tenant's database.");
        }
        if (fleet != null) {
            Consumer<Migrator.Builder> report = builder -> {
                Map<String, List<CurrentRevision>> current = fleet.over(builder).current();
                FleetReports.current(current).forEach(context.output()::info);
                context.output().result(new CommandResult.FleetCurrent(current));
                if (checkHeads) {
                    FleetReports.requireHeads(current, context.fixes().command("upgrade"));
                }
            };
            if (fleet.inTheDatabase()) {
                context.onDatabase(report);
            } else {
                report.accept(context.migrations(true));
            }
            return;
        }
        context.onDatabase(builder -> {
            Migrator migrator = builder.build();
            // the report and the result from one read of the database
            MigratorTools.CurrentReading reading =
                    ModuleScope.tools(migrator, module).currentReading(verbose);
            if (reading.lines().isEmpty()) {
                context.output().info("The database has no revision applied (it is at base).");
            }
            reading.lines().forEach(context.output()::info);
            context.output().result(new CommandResult.Current(reading.current(), migrator.heads(), reading.pending()));
            if (checkHeads) {
                migrator.assertUpToDate();
            }
        });
    }
}
