package dev.migrate.mcp;

import static dev.migrate.mcp.MigrateTool.property;
import static dev.migrate.mcp.MigrateTool.schema;

import dev.migrate.MigrateException;
import dev.migrate.command.CommandContext;
import dev.migrate.command.DowngradeCommand;
import dev.migrate.command.Move;
import dev.migrate.command.Rehearsal;
import dev.migrate.command.SqlScript;
import dev.migrate.command.StampCommand;
import dev.migrate.command.UpgradeCommand;
import dev.migrate.command.output.Json;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.sql.SqlLexer;
import dev.migrate.sql.SqlToken;
import dev.migrate.tooling.MigratorTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code plan}: the offline SQL of an upgrade, a downgrade or a stamp (the script {@code --sql} writes), each
 * statement with what it can lose and the lock it takes, as the consent of a coding agent's run reads them, and
 * whether running it needs the user's consent; for an upgrade or downgrade, also what it measured when run first on
 * a throwaway copy of the chain ({@link Rehearsal}).
 */
final class PlanTool {
    private PlanTool() {}

    static MigrateTool tool() {
        return new MigrateTool(
                "plan",
                "The SQL an upgrade, downgrade or stamp would run, written offline, each statement with what it can"
                        + " lose and the lock it takes, and whether running it needs your user's consent; an upgrade"
                        + " or downgrade is also run on a throwaway copy of the chain, and its statements and their"
                        + " times measured there are returned. Changes nothing of your database.",
                schema(property("command", "string", "upgrade (the default), downgrade or stamp.")
                        + ","
                        + property(
                                "target",
                                "string",
                                "Where to: a revision or target (upgrade: head by default, from base), or a"
                                        + " range <from>:<to> such as current revision:head; a downgrade"
                                        + " needs a range, head:-1 by default.")
                        + ","
                        + property(
                                "rehearse",
                                "boolean",
                                "Also run it first on a throwaway copy of the chain (never your database) and return"
                                        + " what was measured there: each statement as it ran and its time. True"
                                        + " by default for upgrade and downgrade.")),
                false,
                PlanTool::run);
    }

    private static Json.Obj run(ToolArguments arguments, CommandContext context, McpProject project) {
        String command = arguments.text("command", "upgrade").toLowerCase(Locale.ROOT);
        Move move = switch (command) {
            case "upgrade" -> new UpgradeCommand(RevisionTarget.orRange(arguments.text("target", "head")));
            case "downgrade" -> new DowngradeCommand(RevisionTarget.orRange(arguments.text("target", "head:-1")));
            case "stamp" -> new StampCommand(RevisionTarget.orRange(arguments.text("target", "head")), false);
            default ->
                throw new MigrateException("The tool plan plans upgrade, downgrade or stamp, not '" + command
                        + "': call it with {\"command\": \"downgrade\", \"target\": \"head:-1\"}.");
        };
        Path file;
        try {
            file = Files.createTempFile("migrate-plan-", ".sql");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a file for the plan's script", e);
        }
        try {
            move.run(null, new SqlScript(file), context);
            String sql = Files.readString(file, StandardCharsets.UTF_8);
            List<Json> statements = new ArrayList<>();
            boolean loses = move instanceof StampCommand;
            for (String statement : statements(sql)) {
                Optional<String> loss = MigratorTools.loss(statement);
                loses |= loss.isPresent();
                statements.add(
                        Json.object().with("sql", Json.text(statement)).with("loses", Json.text(loss.orElse(null))));
            }
            boolean rehearse = !(move instanceof StampCommand) && arguments.flag("rehearse", true);
            return Json.object()
                    .with("sql", Json.text(sql))
                    .with("statements", Json.array(statements, s -> s))
                    .with("needsConsent", Json.bool(loses))
                    .with("consent", Json.text(consent(move, loses)))
                    .with(
                            "rehearsal",
                            rehearse ? Rehearsal.of(move, null, context).json() : Json.text(null));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the plan's script " + file, e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind harms nothing
            }
        }
    }

    private static String consent(Move move, boolean loses) {
        if (!loses) {
            return "Nothing in it can lose data or history: it runs without consent.";
        }
        return "It can lose " + (move instanceof StampCommand ? "history (what the version table says)" : "data")
                + ": on a database migrate did not start, the " + move.command() + " tool refuses it until your"
                + " user gives the consent token its refusal prints for exactly this plan. Show your user this plan"
                + " first, and ask.";
    }

    /** The statements of a script, each up to its semicolon, comments between them left out. */
    static List<String> statements(String sql) {
        List<String> found = new ArrayList<>();
        int start = -1;
        for (SqlToken token : SqlLexer.tokens(sql)) {
            if (start < 0) {
                start = token.start();
            }
            if (token.kind() == SqlToken.Kind.PUNCTUATION && token.is(";")) {
                found.add(sql.substring(start, token.end()).strip());
                start = -1;
            }
        }
        if (start >= 0 && !sql.substring(start).isBlank()) {
            found.add(sql.substring(start).strip());
        }
        return found;
    }
}
