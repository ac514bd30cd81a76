package dev.migrate.command;

import static dev.migrate.command.settings.SettingsTable.REVISION;

import dev.migrate.Migrator;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.tooling.MigratorTools;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code show}: one revision in detail, as lines of output and as data for the JSON document:
 * {@code new ShowCommand(RevisionTarget.of("20261122_101500")).run(migrator, context)}.
 *
 * @param revision the revision it shows, its form checked where the user wrote it (null: head)
 */
public record ShowCommand(@Nullable RevisionTarget revision) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.every("show").and(REVISION);

    /** Prints the revision of {@code migrator}'s graph. */
    public void run(Migrator migrator, CommandContext context) {
        RevisionTarget target = revision == null ? RevisionTarget.HEAD : revision;
        MigratorTools.of(migrator).showReport(target).forEach(context.output()::info);
        context.output().result(new CommandResult.Revisions(List.of(migrator.revision(target))));
    }
}
