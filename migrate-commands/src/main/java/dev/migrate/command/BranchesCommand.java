package dev.migrate.command;

import dev.migrate.Migrator;
import dev.migrate.RevisionDetails;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.tooling.MigratorTools;

/**
 * {@code branches}: each branch point of the revision graph with its children, as lines of output and as data for
 * the JSON document: {@code new BranchesCommand().run(migrator, context)}.
 */
public record BranchesCommand() {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.every("branches");

    /** Prints the branch points of {@code migrator}'s graph. */
    public void run(Migrator migrator, CommandContext context) {
        MigratorTools.of(migrator).branchesReport().forEach(context.output()::info);
        context.output()
                .result(new CommandResult.Revisions(migrator.revisions().stream()
                        .filter(RevisionDetails::isBranchPoint)
                        .toList()));
    }
}
