package dev.migrate.mcp;

import dev.migrate.command.output.Json;
import dev.migrate.command.output.JsonWriter;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * migrate's MCP server over stdio ({@link McpHttpServer} serves the same over Streamable HTTP): the commands as tools ({@code current}, {@code history}, {@code heads},
 * {@code explain}, {@code check}, {@code drift}, {@code lint}, {@code plan}, {@code autogenerate} as a dry run), each
 * returning the command's JSON document; with {@code allowWrite}, {@code upgrade}, {@code downgrade},
 * {@code stamp} and autogenerate's {@code write} too. Every call counts as a coding agent's run, so a destructive
 * plan is refused until the user gives its consent token; no response shows a credential.
 *
 * <pre>{@code
 * MigrateMcpServer.serve(project, false, System.in, stdout);
 * }</pre>
 */
public final class MigrateMcpServer {
    /** The server's name, as the client is told it. */
    public static final String NAME = "migrate";

    private static final String INSTRUCTIONS = "migrate's schema migrations for PostgreSQL. The read-only tools"
            + " (current, history, heads, explain, check, drift, lint, plan, autogenerate as a dry run) change nothing."
            + " A tool that can lose data or history is refused with the plan and a consent token: stop, show your"
            + " user the plan, and pass the token only when your user typed it to you.";

    private final McpProject project;
    private final boolean allowWrite;
    private final Redaction redaction;

    private MigrateMcpServer(McpProject project, boolean allowWrite) {
        this.project = project;
        this.allowWrite = allowWrite;
        List<String> secrets = new ArrayList<>(project.secrets());
        // as the JSON text spells them, too
        project.secrets().forEach(secret -> {
            String quoted = JsonWriter.write(Json.text(secret));
            secrets.add(quoted.substring(1, quoted.length() - 1));
        });
        this.redaction = new Redaction(secrets);
    }

    /**
     * Serves the client on {@code in} and {@code out} until it closes {@code in}; nothing else may write to
     * {@code out}.
     *
     * @param allowWrite whether the tools that write a file or change a database exist
     */
    public static void serve(McpProject project, boolean allowWrite, InputStream in, OutputStream out) {
        CountDownLatch closed = new CountDownLatch(1);
        McpSyncServer server = start(project, allowWrite, new WatchedInput(in, closed), out);
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.closeGracefully();
        }
    }

    /** Starts the server on {@code in} and {@code out} and returns it, running. */
    public static McpSyncServer start(McpProject project, boolean allowWrite, InputStream in, OutputStream out) {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        return build(project, allowWrite, McpServer.sync(new StdioServerTransportProvider(json, in, out)), json);
    }

    /** The server of {@code project} on the transport {@code specification} was made for, running. */
    static McpSyncServer build(
            McpProject project, boolean allowWrite, McpServer.SyncSpecification<?> specification, McpJsonMapper json) {
        MigrateMcpServer tools = new MigrateMcpServer(project, allowWrite);
        return specification
                .serverInfo(NAME, version())
                .instructions(INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools.specifications(json))
                .build();
    }

    /** The tools this server offers: the read-only ones, and the writing ones with {@code allowWrite}. */
    static List<MigrateTool> tools(boolean allowWrite) {
        List<MigrateTool> tools = new ArrayList<>(ReadTools.all());
        tools.add(AutogenerateTool.tool(allowWrite));
        if (allowWrite) {
            tools.addAll(WriteTools.all());
        }
        return tools;
    }

    private List<McpServerFeatures.SyncToolSpecification> specifications(McpJsonMapper json) {
        return tools(allowWrite).stream()
                .map(tool -> McpServerFeatures.SyncToolSpecification.builder()
                        .tool(McpSchema.Tool.builder(tool.name(), json, tool.inputSchema())
                                .title(tool.name())
                                .description(tool.description())
                                .annotations(new McpSchema.ToolAnnotations(
                                        tool.name(), !tool.writes(), tool.writes(), false, false, null))
                                .build())
                        .callHandler((exchange, request) -> call(tool, exchange, request, json))
                        .build())
                .toList();
    }

    private McpSchema.CallToolResult call(
            MigrateTool tool, McpSyncServerExchange exchange, McpSchema.CallToolRequest request, McpJsonMapper json) {
        Map<String, Object> given = request.arguments();
        ToolArguments arguments = new ToolArguments(tool.name(), given == null ? Map.of() : given);
        Json.Obj document = ToolCall.run(
                tool.name(),
                project,
                agent(exchange),
                tool.writes() ? arguments.text("consent") : null,
                context -> tool.run().run(arguments, context, project));
        boolean failed = document.get("status") instanceof Json.Text status
                && status.value().equals("failed");
        if (failed && refusedForConsent(document)) {
            document = document.with("needsUserConsent", Json.bool(true))
                    .with(
                            "toAgent",
                            Json.text("Stop here. Show your user the plan in error.message and ask them. Call this"
                                    + " tool again with \"consent\" only if your user typed the token to you."));
        }
        String text = redaction.apply(JsonWriter.write(document));
        return McpSchema.CallToolResult.builder()
                .addTextContent(text)
                .structuredContent(json, text)
                .isError(failed)
                .build();
    }

    private static boolean refusedForConsent(Json.Obj document) {
        return document.get("error") instanceof Json.Obj error
                && error.get("message") instanceof Json.Text message
                && message.value().contains("Consent token for exactly this plan");
    }

    /** The agent a call counts as: the MCP client, as it named itself ({@code mcp-claude-code}). */
    private static String agent(McpSyncServerExchange exchange) {
        McpSchema.@Nullable Implementation client = exchange.getClientInfo();
        return client == null || client.name() == null || client.name().isBlank() ? "mcp" : "mcp-" + client.name();
    }

    private static String version() {
        String version = MigrateMcpServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** The client's input, counting down {@code closed} when it ends. */
    private static final class WatchedInput extends FilterInputStream {
        private final CountDownLatch closed;

        WatchedInput(InputStream in, CountDownLatch closed) {
            super(in);
            this.closed = closed;
        }

        @Override
        public int read() throws IOException {
            return ended(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return ended(super.read(b, off, len));
        }

        @Override
        public void close() throws IOException {
            closed.countDown();
            super.close();
        }

        private int ended(int read) {
            if (read < 0) {
                closed.countDown();
            }
            return read;
        }
    }
}
