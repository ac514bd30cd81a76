package dev.migrate.mcp;

import dev.migrate.MigrateException;
import dev.migrate.cluster.ClusterTemplate;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * migrate's MCP server over Streamable HTTP at {@code http://127.0.0.1:<port>/mcp}, for the clients (and the
 * official conformance suite) that connect to a URL rather than start a process. It listens on the loopback
 * interface only, and answers only requests whose {@code Host} and {@code Origin} name it there, so a web page the
 * user opens cannot reach it by rebinding a name of its own to 127.0.0.1. The tools are those of the stdio server.
 *
 * <pre>{@code
 * try (McpHttpServer server = McpHttpServer.start(project, false, 0)) {
 *     URI endpoint = server.endpoint();
 * }
 * }</pre>
 */
public final class McpHttpServer implements AutoCloseable {
    /** The path of the MCP endpoint. */
    public static final String PATH = "/mcp";

    private static final String LOOPBACK = "127.0.0.1";

    /** Tomcat's loggers, held here because JUL holds them weakly and would forget the level set on them. */
    private static final List<Logger> TOMCAT = Stream.of(
                    "org.apache.catalina", "org.apache.coyote", "org.apache.tomcat")
            .map(Logger::getLogger)
            .toList();

    private final Tomcat tomcat;
    private final McpSyncServer server;
    private final Path work;

    private McpHttpServer(Tomcat tomcat, McpSyncServer server, Path work) {
        this.tomcat = tomcat;
        this.server = server;
        this.work = work;
    }

    /**
     * Starts the server on {@code port} of 127.0.0.1 ({@code 0}: a free one, which {@link #port()} tells) and returns
     * it, serving.
     *
     * @param allowWrite whether the tools that write a file or change a database exist
     * @throws MigrateException when the port is not one, or is taken
     */
    public static McpHttpServer start(McpProject project, boolean allowWrite, int port) {
        if (port < 0 || port > 65_535) {
            throw new MigrateException("The MCP server's HTTP port " + port + " is not a port: give one from 1 to"
                    + " 65535 (--http 8931), or 0 for a free one.");
        }
        McpJsonMapper json = McpJsonDefaults.getMapper();
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(PATH)
                .httpHeaderValidator(DefaultServerTransportSecurityValidator.builder()
                        .allowedHosts(List.of("localhost", "localhost:*", LOOPBACK, LOOPBACK + ":*"))
                        .allowedOrigins(List.of(
                                "http://localhost",
                                "http://localhost:*",
                                "http://" + LOOPBACK,
                                "http://" + LOOPBACK + ":*"))
                        .build())
                .build();
        McpSyncServer server = MigrateMcpServer.build(project, allowWrite, McpServer.sync(transport), json);
        Path work;
        try {
            work = Files.createTempDirectory("migrate-mcp-http");
        } catch (IOException e) {
            server.close();
            throw new MigrateException(
                    "The MCP server could not make its working directory in "
                            + System.getProperty("java.io.tmpdir") + ": " + e.getMessage()
                            + ". Point java.io.tmpdir at a writable directory.",
                    e);
        }
        // Tomcat's own lines at start and stop say nothing to the user; its warnings still print
        TOMCAT.forEach(logger -> logger.setLevel(Level.WARNING));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(work.toString());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", LOOPBACK);
        // a failed bind is an error of start(), not a line in a log
        connector.setThrowOnFailure(true);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", work.toString());
        Tomcat.addServlet(context, "mcp", transport).setAsyncSupported(true);
        context.addServletMappingDecoded(PATH, "mcp");
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            stop(tomcat, server);
            throw new MigrateException(
                    "The MCP server could not listen on " + LOOPBACK + ":" + port + ": " + rootMessage(e)
                            + ". Give a free port with --http (or 0 for any free one).",
                    e);
        }
        return new McpHttpServer(tomcat, server, work);
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    /** Where a client connects: {@code http://127.0.0.1:<port>/mcp}. */
    public URI endpoint() {
        return URI.create("http://" + LOOPBACK + ":" + port() + PATH);
    }

    /** Stops listening and ends every session. */
    @Override
    public void close() {
        stop(tomcat, server);
        try {
            ClusterTemplate.delete(work);
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    private static void stop(Tomcat tomcat, McpSyncServer server) {
        server.closeGracefully();
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            // stopping: nothing is left to serve
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            root = cause;
        }
        return String.valueOf(root.getMessage());
    }
}
