package dev.migrate.mcp;

import static dev.migrate.command.settings.SettingsTable.ALLOW_WRITE;
import static dev.migrate.command.settings.SettingsTable.MCP_HTTP;
import static dev.migrate.command.settings.SettingsTable.OUTPUT;
import static dev.migrate.command.settings.SettingsTable.SOURCE_DIRECTORY;

import dev.migrate.command.settings.TakenSettings;
import dev.migrate.command.tooling.EntityComparison;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code mcp}: serves the project's commands as the tools of an MCP server for a coding agent, on standard input and
 * output until the client closes its input, or with {@code http} on {@code http://127.0.0.1:<http>/mcp} until the
 * process is stopped: {@code new McpCommand(false, null).run(project, System.in, System.out, System.err, log::info)}.
 *
 * @param allowWrite whether the tools that write a file or change a database exist
 * @param http the port of 127.0.0.1 to serve Streamable HTTP on (0: a free one); null: standard input and output
 */
public record McpCommand(boolean allowWrite, @Nullable Integer http) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.database("mcp")
            .and(EntityComparison.ROWS)
            .and(SOURCE_DIRECTORY, ALLOW_WRITE, MCP_HTTP)
            .withThrowawayServers()
            // the command line's server compares no entities, and writes the protocol alone on standard output
            .notOnCommandLine(EntityComparison.DESIRED_SCHEMA)
            .notOnCommandLine(SOURCE_DIRECTORY, OUTPUT);

    /**
     * Serves {@code project}. On standard input and output the protocol's stream is {@code out}: while it serves,
     * whatever else would print to standard output goes to {@code err}. Over HTTP, {@code announce} is told the
     * endpoint, and the server closes when the process is stopped.
     */
    public void run(McpProject project, InputStream in, PrintStream out, PrintStream err, Consumer<String> announce) {
        if (http != null) {
            serveHttp(project, http, announce);
            return;
        }
        PrintStream standard = System.out;
        if (out == standard) {
            System.setOut(err);
        }
        try {
            MigrateMcpServer.serve(project, allowWrite, in, out);
        } finally {
            System.setOut(standard);
        }
    }

    private void serveHttp(McpProject project, int port, Consumer<String> announce) {
        McpHttpServer server = McpHttpServer.start(project, allowWrite, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        announce.accept("MCP server at " + server.endpoint() + " (localhost only); stop it with Ctrl+C.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
    }
}
