package dev.migrate.command;

import static dev.migrate.command.settings.SettingsTable.ACCEPT_FUTURE_REVISIONS;
import static dev.migrate.command.settings.SettingsTable.MODULE;
import static dev.migrate.command.settings.SettingsTable.RANGE;
import static dev.migrate.command.settings.SettingsTable.VERBOSE;

import dev.migrate.Migrator;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.graph.RevisionRange;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.tooling.MigratorTools;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code history}: the revision graph newest first, the revisions of the database marked when there is one, as
 * lines of output and as data for the JSON document:
 * {@code new HistoryCommand(HistoryCommand.range("base:head"), false, null).run(migrator, context)}.
 *
 * @param range the range it lists, its form checked where the user wrote it (null: all of it)
 * @param verbose a block per revision instead of one line
 * @param module the one module it shows ({@link ModuleScope}), or null for every module
 */
public record HistoryCommand(
        @Nullable RevisionRange range,
        boolean verbose,
        @Nullable ModuleScope module) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS =
            TakenSettings.database("history").and(ACCEPT_FUTURE_REVISIONS, RANGE, MODULE, VERBOSE);

    /**
     * The range {@code history} lists, its form checked where the user wrote it: each end empty, {@code current} or
     * a target form.
     *
     * @throws dev.migrate.BadTargetException naming the end that is no target form
     */
    public static RevisionRange range(String text) {
        return RevisionTarget.range(text, Set.of("current"));
    }

    /** Prints {@code migrator}'s graph, the revisions of its database marked when it has one. */
    public void run(Migrator migrator, CommandContext context) {
        MigratorTools internals = ModuleScope.tools(migrator, module);
        String text = range == null ? null : range.toString();
        internals.historyReport(text, verbose).forEach(context.output()::info);
        MigratorTools.HistoryRevisions history = internals.historyRevisions(text);
        context.output()
                .result(new CommandResult.History(
                        GraphRevisions.details(migrator, history.ids()),
                        history.current(),
                        history.applied(),
                        history.skipped(),
                        history.pending()));
    }
}
