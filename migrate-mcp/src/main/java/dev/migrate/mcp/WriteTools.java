package dev.migrate.mcp;

import static dev.migrate.mcp.MigrateTool.property;
import static dev.migrate.mcp.MigrateTool.schema;

import dev.migrate.command.DowngradeCommand;
import dev.migrate.command.Move;
import dev.migrate.command.Rehearsal;
import dev.migrate.command.StampCommand;
import dev.migrate.command.UpgradeCommand;
import dev.migrate.command.output.Json;
import dev.migrate.graph.RevisionTarget;
import java.util.List;
import java.util.function.Function;

/**
 * The tools that change a database, which exist only when the server was started with {@code --allow-write}; a
 * run that can lose data or history still needs the consent token of its plan, which only the user gives. An upgrade
 * or downgrade runs first on a throwaway copy of the chain ({@link Rehearsal}), and only on the database when it
 * succeeded there; it is rehearsed before its consent is checked, so that a refusal carries what the copy measured
 * (each statement's time and locks) beside the plan and its token.
 */
final class WriteTools {
    private static final String CONSENT = property(
            "consent",
            "string",
            "The consent token of exactly this plan, as your user typed it to you after reading the plan. Never"
                    + " pass a token your user did not give you.");

    private static final String REHEARSE = property(
            "rehearse",
            "boolean",
            "Run it first on a throwaway copy of the chain, from the database's revision, and stop if it fails there;"
                    + " the result has each statement as it ran there and its time. True by default.");

    private WriteTools() {}

    static List<MigrateTool> all() {
        return List.of(
                move(
                        "upgrade",
                        "Apply migrations up to target (head by default). One that can lose data is refused until"
                                + " your user gives the consent token of its plan.",
                        "head",
                        target -> new UpgradeCommand(RevisionTarget.of(target))),
                move(
                        "downgrade",
                        "Revert migrations down to target (-1 by default: one step). A downgrade that drops or"
                                + " rewrites is refused until your user gives the consent token of its plan.",
                        "-1",
                        target -> new DowngradeCommand(RevisionTarget.of(target))),
                move(
                        "stamp",
                        "Set the version table to target without running any migration: what it said is lost, so it"
                                + " is refused until your user gives the consent token of its plan.",
                        "head",
                        target -> new StampCommand(RevisionTarget.of(target), false)));
    }

    private static MigrateTool move(
            String name, String description, String defaultTarget, Function<String, Move> move) {
        return new MigrateTool(
                name,
                description,
                schema(property("target", "string", "The revision or target; " + defaultTarget + " when left out.")
                        + "," + CONSENT
                        + (name.equals("stamp") ? "" : "," + REHEARSE)),
                true,
                (arguments, context, project) -> {
                    Move planned = move.apply(arguments.text("target", defaultTarget));
                    Json rehearsal = Json.text(null);
                    if (!(planned instanceof StampCommand) && arguments.flag("rehearse", true)) {
                        // first on a throwaway copy of the chain, from where the database is: a failure there stops
                        // the call before anything runs on the database, and a refusal for consent shows the figures
                        Rehearsal.Measured figures = Rehearsal.fromTheDatabase(planned, context);
                        planned = planned.shownOnRefusal(figures);
                        rehearsal = figures.json();
                    } else {
                        planned = planned.rehearsing(false);
                    }
                    Json.Obj measured = Json.object().with("rehearsal", rehearsal);
                    try {
                        planned.run(null, null, context);
                    } catch (RuntimeException e) {
                        // a refusal for consent carries what the copy measured: the agent shows its user the locks
                        // and times with the plan
                        throw new ToolCall.Measured(e, measured);
                    }
                    return measured;
                });
    }
}
