package dev.migrate.mcp;

import static dev.migrate.mcp.MigrateTool.property;
import static dev.migrate.mcp.MigrateTool.schema;

import dev.migrate.Migrator;
import dev.migrate.RevisionDetails;
import dev.migrate.command.CommandContext;
import dev.migrate.command.CurrentCommand;
import dev.migrate.command.HeadsCommand;
import dev.migrate.command.HistoryCommand;
import dev.migrate.command.Migrations;
import dev.migrate.command.ShowCommand;
import dev.migrate.command.output.Json;
import dev.migrate.command.settings.ResolvedSettings;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.command.tooling.CheckCommand;
import dev.migrate.command.tooling.DriftCommand;
import dev.migrate.command.tooling.LintCommand;
import dev.migrate.graph.RevisionTarget;
import java.io.StringWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The tools that only read: the graph, the database's revision, the comparisons on throwaway servers. */
final class ReadTools {
    private ReadTools() {}

    static List<MigrateTool> all() {
        return List.of(
                new MigrateTool(
                        "current",
                        "The database's revision(s), each marked when it is a head. Only reads the database.",
                        schema(""),
                        false,
                        (arguments, context, project) -> {
                            new CurrentCommand(false, false).run(null, context);
                            return Json.object();
                        }),
                new MigrateTool(
                        "history",
                        "The revision graph, newest first, the database's revisions marked current, with who applied"
                                + " them. Only reads.",
                        schema(property(
                                "range",
                                "string",
                                "The part of the graph to list, as <from>:<to> (an end empty, current or a revision),"
                                        + " such as current:head; all of it when left out.")),
                        false,
                        ReadTools::history),
                new MigrateTool(
                        "heads",
                        "The heads of the revision graph. Needs no database.",
                        schema(""),
                        false,
                        (arguments, context, project) -> {
                            new HeadsCommand(false, null).run(graph(context), context);
                            return Json.object();
                        }),
                new MigrateTool(
                        "explain",
                        "One revision: its parents, children, labels, message and class, and the SQL its upgrade and"
                                + " downgrade run, offline. Needs no database.",
                        schema(
                                property("revision", "string", "The revision id, or a target such as head or a label."),
                                "revision"),
                        false,
                        ReadTools::explain),
                new MigrateTool(
                        "check",
                        "Compare the JPA entities with the schema the migrations build, on a throwaway server; the"
                                + " result lists each difference. Changes no database.",
                        schema(""),
                        false,
                        (arguments, context, project) -> {
                            new CheckCommand(project.comparison()).run(context, project.entities());
                            return Json.object();
                        }),
                new MigrateTool(
                        "drift",
                        "Compare the database with the schema its migrations build up to its revision, replayed on a"
                                + " throwaway server; the result lists each difference. The database is only read.",
                        schema(""),
                        false,
                        (arguments, context, project) -> {
                            ResolvedSettings settings = context.migrations().settings();
                            List<String> excluded = settings.value(SettingsTable.EXCLUDE, "drift");
                            new DriftCommand(
                                            given(settings.value(SettingsTable.MANAGED_SCHEMA, "drift")),
                                            excluded == null ? List.of() : excluded,
                                            null,
                                            null,
                                            null)
                                    .run(null, context);
                            return Json.object();
                        }),
                new MigrateTool(
                        "lint",
                        "Run the migrations on a throwaway server, watching the locks, rewrites and scans each"
                                + " statement takes, and judge them; with a database, those it has not applied,"
                                + " weighed by its tables' sizes (only read).",
                        schema(property(
                                "range",
                                "string",
                                "The revisions to lint, as <from>:<to>; those the database has not applied (or all)"
                                        + " when left out.")),
                        false,
                        (arguments, context, project) -> {
                            String range = arguments.text("range");
                            new LintCommand(
                                            range == null ? null : LintCommand.range(range),
                                            null,
                                            given(context.migrations()
                                                    .settings()
                                                    .value(SettingsTable.LARGE_TABLE_ROWS, "lint")),
                                            null,
                                            null)
                                    .run(context);
                            return Json.object();
                        }),
                PlanTool.tool());
    }

    private static Json.Obj history(ToolArguments arguments, CommandContext context, McpProject project) {
        String range = arguments.text("range");
        Migrator.Builder builder = context.migrations(false);
        Migrations.requireFound(builder.build());
        context.configuredDatabase().ifPresent(builder::dataSource);
        new HistoryCommand(range == null ? null : HistoryCommand.range(range), false, null)
                .run(builder.build(), context);
        return Json.object();
    }

    /** {@code show}, and the offline SQL of the revision's upgrade from its parents and its downgrade back. */
    private static Json.Obj explain(ToolArguments arguments, CommandContext context, McpProject project) {
        RevisionTarget target = RevisionTarget.of(arguments.required("revision", "head"));
        Migrator migrator = graph(context);
        new ShowCommand(target).run(migrator, context);
        RevisionDetails revision = migrator.revision(target);
        String parents = revision.revises().isEmpty() ? "base" : String.join(",", revision.revises());
        StringWriter up = new StringWriter();
        migrator.upgradeSql(RevisionTarget.orRange(parents + ":" + revision.id()), up);
        StringWriter down = new StringWriter();
        migrator.downgradeSql(RevisionTarget.orRange(revision.id() + ":" + parents), down);
        return Json.object()
                .with("upgradeSql", Json.text(up.toString()))
                .with("downgradeSql", Json.text(down.toString()));
    }

    private static Migrator graph(CommandContext context) {
        return Migrations.requireFound(context.migrations(false).build());
    }

    /** A setting with a default, which every face resolves. */
    static <T> T given(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("A setting with a default resolved to nothing");
        }
        return value;
    }
}
