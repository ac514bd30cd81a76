package dev.migrate.mcp;

import static dev.migrate.mcp.MigrateTool.property;
import static dev.migrate.mcp.MigrateTool.schema;

import dev.migrate.MigrateException;
import dev.migrate.command.CommandContext;
import dev.migrate.command.output.Json;
import dev.migrate.command.tooling.AutogenerateCommand;
import dev.migrate.command.tooling.SourceRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code autogenerate}: the next migration from the entities, as a dry run that returns its source and writes
 * nothing into the project; with {@code --allow-write}, {@code "write": true} writes it where the project's
 * migrations are.
 */
final class AutogenerateTool {
    private AutogenerateTool() {}

    static MigrateTool tool(boolean allowWrite) {
        String properties = property("message", "string", "What changed, in a line: it also names the class.")
                + "," + property("safe", "boolean", "Every change to an existing table in its lock-safe form.")
                + "," + property("online", "boolean", "One online migration, its expand and contract halves.")
                + (allowWrite
                        ? "," + property("write", "boolean", "Write the migration into the project's sources too.")
                        : "");
        return new MigrateTool(
                "autogenerate",
                "The next migration from the JPA entities compared with the schema at head, on a throwaway server:"
                        + " its Java source, returned, not written"
                        + (allowWrite ? " unless \"write\" is true." : " (this server writes no file)."),
                schema(properties, "message"),
                false,
                (arguments, context, project) -> run(arguments, context, project, allowWrite));
    }

    private static Json.Obj run(
            ToolArguments arguments, CommandContext context, McpProject project, boolean allowWrite) {
        boolean write = arguments.flag("write");
        if (write && !allowWrite) {
            throw new MigrateException("This MCP server writes no file: it was started without --allow-write. Call"
                    + " autogenerate without \"write\" for the migration's source, or ask your user to restart the"
                    + " server with --allow-write.");
        }
        String message = arguments.required("message", "add status column");
        boolean safe = arguments.flag("safe");
        boolean online = arguments.flag("online");
        SourceRoot sources = project.sources();
        if (write) {
            new AutogenerateCommand(project.comparison(), message, sources, safe, online)
                    .run(context, project.entities());
            return Json.object().with("dryRun", Json.bool(false));
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("migrate-autogenerate-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a directory for the dry run", e);
        }
        try {
            new AutogenerateCommand(
                            project.comparison(), message, new SourceRoot(scratch, sources.packageName()), safe, online)
                    .run(context, project.entities());
            List<Json> written = new ArrayList<>();
            for (Path file : javaFiles(scratch)) {
                written.add(Json.object()
                        .with("file", Json.text(scratch.relativize(file).toString()))
                        .with("source", Json.text(Files.readString(file, StandardCharsets.UTF_8))));
            }
            return Json.object()
                    .with("dryRun", Json.bool(true))
                    .with("migrations", Json.array(written, m -> m))
                    .with(
                            "note",
                            Json.text("A dry run: nothing was written into the project. The source above is the"
                                    + " migration autogenerate would write."));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the dry run's migration", e);
        } finally {
            delete(scratch);
        }
    }

    private static List<Path> javaFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // the dry run's directory is a temporary one: left behind, it harms nothing
        }
    }
}
