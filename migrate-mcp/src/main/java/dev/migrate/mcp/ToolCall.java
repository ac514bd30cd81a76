package dev.migrate.mcp;

import dev.migrate.Migrator;
import dev.migrate.command.CommandContext;
import dev.migrate.command.Migrations;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.output.Json;
import dev.migrate.command.output.Output;
import dev.migrate.command.output.OutputDocument;
import dev.migrate.tooling.MigratorTools;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One tool call: the command run on a context of its own, every line it printed and the result it handed over kept,
 * and made into the command's JSON document ({@code migrate-output/1}, as {@code --json} prints it) with the lines
 * beside it as {@code log}. The runs count as started by the coding agent {@code agent}, with {@code consent}.
 */
final class ToolCall implements Output {
    private final List<String> lines = new ArrayList<>();
    private @Nullable CommandResult result;

    private ToolCall() {}

    /**
     * Runs {@code work} as the command {@code command} and returns its document, {@code extra} adding the members
     * the tool knows besides; a failure is the document's error, never thrown.
     */
    static Json.Obj run(
            String command,
            McpProject project,
            String agent,
            @Nullable String consent,
            Function<CommandContext, Json.Obj> work) {
        ToolCall call = new ToolCall();
        Json.Obj extra = Json.object();
        Throwable failure = null;
        try {
            extra = work.apply(asAgent(project.contexts().apply(call), agent, consent));
        } catch (Measured e) {
            failure = e.failure;
            extra = e.measured;
        } catch (RuntimeException | LinkageError e) {
            failure = e;
        }
        Json.Obj document = OutputDocument.of(command, call.result, failure).json();
        for (var member : extra.members().entrySet()) {
            document = document.with(member.getKey(), member.getValue());
        }
        return document.with("log", Json.array(call.lines, Json::text));
    }

    /**
     * {@code context} with each migrator it builds counting its runs as the agent's, {@code consent} the token
     * given, and the refusals naming the tool's {@code consent} argument.
     */
    private static CommandContext asAgent(CommandContext context, String agent, @Nullable String consent) {
        Migrations migrations = context.migrations();
        McpFixes fixes = new McpFixes(context.fixes());
        Migrations marked = new Migrations(
                () -> {
                    // the engine's progress joins the call's lines: nothing of a call reaches the protocol's stream
                    Migrator.Builder builder = MigratorTools.startedByAgent(
                                    MigratorTools.spellFixes(migrations.found().get(), fixes), agent)
                            .log(context.output().asMigrationLog());
                    return consent == null || consent.isBlank() ? builder : builder.consent(consent.strip());
                },
                migrations.settings(),
                migrations.checksumCache(),
                migrations.database());
        return new CommandContext(
                marked, context.database(), context.project(), fixes, context.output(), context.replays());
    }

    /**
     * A tool's failure with what the tool measured before it (a rehearsal's figures), which its document keeps beside
     * the error: {@code throw new Measured(refused, Json.object().with("rehearsal", rehearsal))}.
     */
    static final class Measured extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final RuntimeException failure;
        private final transient Json.Obj measured;

        Measured(RuntimeException failure, Json.Obj measured) {
            super(failure.getMessage(), failure);
            this.failure = failure;
            this.measured = measured;
        }
    }

    @Override
    public void info(String line) {
        lines.add(line);
    }

    @Override
    public void warn(String line) {
        lines.add("WARNING: " + line);
    }

    @Override
    public void error(String line) {
        lines.add("ERROR: " + line);
    }

    @Override
    public void result(CommandResult handed) {
        result = handed;
    }

    @Override
    public void script(String text) {
        lines.add(text);
    }
}
