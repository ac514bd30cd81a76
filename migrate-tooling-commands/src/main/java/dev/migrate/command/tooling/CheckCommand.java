package dev.migrate.command.tooling;

import dev.migrate.MigrateException;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.command.CommandContext;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.op.DataOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code check}: fails when the entities differ from the schema the migrations build, listing each difference,
 * or when the chain has two or more heads that no branch label declares:
 * {@code new CheckCommand(comparison).run(context, entities)}.
 *
 * @param comparison how the entities are compared with the schema at head
 */
public record CheckCommand(EntityComparison comparison) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.database("check").and(EntityComparison.ROWS);

    public CheckCommand {
        Objects.requireNonNull(comparison, "comparison");
    }

    /**
     * Compares, and fails on any difference.
     *
     * @throws MigrateException naming each difference and the command that writes the migration
     */
    public void run(CommandContext context, Entities entities) {
        VerifyCommand.reviewBranches(context.migrations(false).build(), context); // before any server starts
        EntityComparison.AtHead atHead = comparison.run("check", true, context, entities);
        // in a module, a table whose entity moved to another module is a hand-over to write, not a drop
        ModuleMoves moves =
                ModuleMoves.of(entities, atHead.chain(), atHead.result().withLimitedRows());
        MigrationScript script = moves.remaining();
        List<CommandResult.Difference> moved = moves.differences(Objects.requireNonNullElse(entities.module(), ""));
        List<String> differences = new ArrayList<>();
        moved.forEach(move -> differences.add(move.description()));
        differences.addAll(EntityComparison.report(script, context));
        List<CommandResult.Difference> all = new ArrayList<>(moved);
        all.addAll(EntityComparison.differences(script));
        context.output().result(new CommandResult.Checked(all));
        if (!differences.isEmpty()) {
            Optional<String> provider = entities.providerCause(context, atHead.chain(), differences.size());
            boolean rows = script.changes().stream()
                    .flatMap(change -> change.ops().stream())
                    .anyMatch(op -> op instanceof DataOp.InsertRows
                            || op instanceof DataOp.UpdateRows
                            || op instanceof DataOp.DeleteRows);
            throw new MigrateException(atHead.differ(differences.size(), rows) + ":\n  - "
                    + String.join("\n  - ", differences) + "\n"
                    + provider.map(cause -> cause + "\n").orElse("")
                    + "Write the migration with " + context.fixes().command("autogenerate") + " "
                    + context.fixes().setting("message", "\"...\"") + ", or change " + atHead.compared()
                    + (rows ? " and the files of the declared rows" : "") + " back.");
        }
        entities.matchHead(context);
        context.output().info(atHead.noDifferences());
    }
}
