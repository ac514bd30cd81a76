package dev.migrate.command;

import static dev.migrate.command.settings.SettingsTable.MODULE;
import static dev.migrate.command.settings.SettingsTable.VERBOSE;

import dev.migrate.Migrator;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.tooling.MigratorTools;
import org.jspecify.annotations.Nullable;

/**
 * {@code heads}: the heads of the revision graph, as lines of output and as data for the JSON document:
 * {@code new HeadsCommand(false, null).run(migrator, context)}.
 *
 * @param verbose a block per revision instead of one line
 * @param module the one module whose heads it shows ({@link ModuleScope}), or null for every module
 */
public record HeadsCommand(boolean verbose, @Nullable ModuleScope module) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.every("heads").and(MODULE, VERBOSE);

    /** Prints the heads of {@code migrator}'s graph. */
    public void run(Migrator migrator, CommandContext context) {
        ModuleScope.tools(migrator, module).headsReport(verbose).forEach(context.output()::info);
        context.output()
                .result(new CommandResult.Revisions(GraphRevisions.details(
                        migrator,
                        migrator.heads().stream()
                                .filter(h -> module == null
                                        || MigratorTools.moduleOf(h).equals(module.module()))
                                .toList())));
    }
}
