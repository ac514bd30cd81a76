package dev.migrate.cli;

import static dev.migrate.cli.CliOption.ALLOW_WRITE;
import static dev.migrate.cli.CliOption.HTTP;
import static dev.migrate.cli.CliOption.PACKAGES;
import static dev.migrate.cli.CliOption.PASSWORD;
import static dev.migrate.cli.CliOption.REPLAY_CACHE;
import static dev.migrate.cli.CliOption.SCRATCH_URL;
import static dev.migrate.cli.CliOption.URL;

import dev.migrate.CredentialsProvider;
import dev.migrate.autogen.ComparisonDatabase;
import dev.migrate.command.tooling.Entities;
import dev.migrate.command.tooling.EntityComparison;
import dev.migrate.command.tooling.SourceRoot;
import dev.migrate.mcp.McpCommand;
import dev.migrate.mcp.McpProject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code migrate mcp}: the MCP server on standard input and output, each tool call run as the command line runs
 * the command, with the options given here. Standard output carries the protocol alone: whatever else would print
 * there goes to standard error while it serves. With {@code --http <port>} it serves Streamable HTTP on 127.0.0.1
 * instead, until the process is stopped.
 */
final class CliMcp {
    private final Cli cli;
    private final Arguments arguments;
    private final ClassLoader classes;
    private final @Nullable CredentialsProvider credentials;

    CliMcp(Cli cli, Arguments arguments, ClassLoader classes, @Nullable CredentialsProvider credentials) {
        this.cli = cli;
        this.arguments = arguments;
        this.classes = classes;
        this.credentials = credentials;
    }

    /**
     * Serves the client on standard input and {@code out} until it closes standard input; with {@code --http}, serves
     * HTTP on 127.0.0.1 until the process is stopped, telling {@code err} where.
     */
    void serve(PrintStream out, PrintStream err) {
        new McpCommand(arguments.flag(ALLOW_WRITE), arguments.count(HTTP, 0))
                .run(project(), System.in, out, err, line -> {
                    err.println(line);
                    err.flush();
                });
    }

    McpProject project() {
        String replayCache = arguments.value(REPLAY_CACHE);
        Path work = cli.workingDirectory();
        String packages = arguments.value(PACKAGES);
        String first = packages == null ? "db.migrations" : packages.split(",", -1)[0].strip();
        return new McpProject(
                output -> cli.context(
                        arguments,
                        classes,
                        credentials,
                        output,
                        Path.of(System.getProperty("java.io.tmpdir"), "migrate"),
                        replayCache == null ? null : work.resolve(replayCache),
                        CliFixes.INSTANCE),
                Entities.none("the command line runs no JPA provider: start the MCP server from the project with mvn -q"
                        + " migrate:mcp for check and autogenerate."),
                EntityComparison.withDefaults(ComparisonDatabase.AUTO),
                new SourceRoot(work.resolve("src/main/java"), first.isEmpty() ? "db.migrations" : first),
                secrets());
    }

    /** The URLs and passwords this server was given, which no response may show. */
    private List<String> secrets() {
        Map<String, String> environment = cli.environment();
        return McpProject.secrets(
                Arrays.asList(
                        arguments.value(URL),
                        arguments.value(SCRATCH_URL),
                        environment.get("MIGRATE_DATABASE_URL"),
                        environment.get("DATABASE_URL"),
                        environment.get("MIGRATE_SCRATCH_URL")),
                Arrays.asList(arguments.value(PASSWORD), environment.get("PGPASSWORD")));
    }
}
