package dev.migrate.cli;

import dev.migrate.command.CommandContext;
import dev.migrate.command.FleetSettings;
import dev.migrate.command.settings.ResolvedSettings;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.command.tooling.DriftCommand;
import dev.migrate.command.tooling.Entities;
import dev.migrate.command.tooling.ImportCommand;
import dev.migrate.command.tooling.LintCommand;
import dev.migrate.command.tooling.VerifyCommand;
import dev.migrate.command.watch.WatchCommand;
import dev.migrate.graph.RevisionRange;
import dev.migrate.mcp.McpCommand;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The command line's tooling path beside {@link CliWatch} and {@link CliImport}: {@code drift}, {@code lint}
 * and {@code verify}, which run the build-time commands of {@code migrate-tooling-commands}. {@link Cli} names them
 * here only, so that its runtime path (upgrade, current, history...) imports nothing of autogen, the lint, the import
 * or the pictures ({@code ModuleImportsTest} holds it).
 */
final class ToolingCommands {
    private ToolingCommands() {}

    /** The rows the build-time command {@code command} declares; {@code mcp}'s too, whose server is one. */
    static TakenSettings settings(CliCommand command) {
        return switch (command) {
            case DRIFT -> DriftCommand.SETTINGS;
            case LINT -> LintCommand.SETTINGS;
            case VERIFY -> VerifyCommand.SETTINGS;
            case WATCH -> WatchCommand.SETTINGS;
            case IMPORT -> ImportCommand.SETTINGS;
            case MCP -> McpCommand.SETTINGS;
            default -> throw new IllegalArgumentException(command.commandName() + " is a runtime command");
        };
    }

    /** {@code drift}: each database of the fleet, or the one database, against the chain at its revision. */
    static void drift(
            ResolvedSettings settings,
            String command,
            @Nullable Path sqlFile,
            @Nullable Path report,
            @Nullable FleetSettings fleet,
            CommandContext context) {
        new DriftCommand(
                        Cli.required(settings.value(SettingsTable.MANAGED_SCHEMA, command)),
                        excluded(settings, command),
                        sqlFile,
                        null,
                        report)
                .run(fleet, context);
    }

    /** {@code lint}: the revisions of {@code range} (null: all), judged with the large-table threshold of the settings. */
    static void lint(
            @Nullable RevisionRange range,
            @Nullable String failOn,
            ResolvedSettings settings,
            String command,
            @Nullable Path report,
            CommandContext context) {
        new LintCommand(
                        range,
                        failOn,
                        Cli.required(settings.value(SettingsTable.LARGE_TABLE_ROWS, command)),
                        null,
                        report)
                .run(context);
    }

    /** {@code verify}: the chain replayed and compared with itself; the command line runs no JPA provider. */
    static void verify(
            ResolvedSettings settings,
            String command,
            @Nullable String failOn,
            @Nullable Path report,
            CommandContext context) {
        new VerifyCommand(
                        Cli.required(settings.value(SettingsTable.MANAGED_SCHEMA, command)),
                        excluded(settings, command),
                        failOn,
                        null,
                        report)
                .run(
                        context,
                        Entities.none("the command line runs no JPA provider (mvn migrate:verify compares the"
                                + " head with the entities)."));
    }

    /** The revisions {@code --range} names for {@code lint}, its form checked before anything loads. */
    static RevisionRange lintRange(String text) {
        return LintCommand.range(text);
    }

    /** The name patterns {@code --exclude} leaves out of a comparison; none when it is not given. */
    private static List<String> excluded(ResolvedSettings settings, String command) {
        List<String> patterns = settings.value(SettingsTable.EXCLUDE, command);
        return patterns == null ? List.of() : patterns;
    }
}
