package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code migrate mcp --http 0}, a process of its own on a database reached with a password, checked for what the
 * official MCP conformance suite checks of a server ({@code @modelcontextprotocol/conformance} 0.1.16, its server
 * scenarios {@code server-initialize}, {@code ping}, {@code logging-set-level}, {@code tools-list},
 * {@code server-sse-multiple-streams} and {@code dns-rebinding-protection}, ported here as checks of our own), so that
 * the build holds what the suite, which needs npm, found by hand (docs/howto/agents.md). Plus the errors of the
 * protocol (an unknown tool, an unknown method) and of the option (no port, a taken port).
 */
class McpHttpTest {
    private static final McpChain CHAIN = new McpChain("mcp_http_owner", "Http-s3cret-71ac");

    private static @Nullable Process server;
    private static URI endpoint = URI.create("http://127.0.0.1");

    @BeforeAll
    static void serverOverHttp() throws Exception {
        CHAIN.createRole();
        String database = CHAIN.database("mcp_http");
        ProcessBuilder started = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-XX:TieredStopAtLevel=1",
                        Main.class.getName(),
                        "mcp",
                        "--packages",
                        McpChain.PACKAGE,
                        "--http",
                        "0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        started.environment().put("MIGRATE_DATABASE_URL", CHAIN.url(database));
        server = started.start();
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        // the server says where it listens: the one line a user starting it reads
        Pattern at = Pattern.compile("MCP server at (http://127\\.0\\.0\\.1:\\d+/mcp) \\(localhost only\\)");
        StringBuilder said = new StringBuilder();
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            said.append(line).append('\n');
            Matcher matcher = at.matcher(line);
            if (matcher.find()) {
                endpoint = URI.create(matcher.group(1));
                break;
            }
        }
        assertThat(endpoint.getPort()).as(said.toString()).isPositive();
        Thread drain = new Thread(() -> err.lines().forEach(line -> {}));
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void initializeListPingAndCallAsTheSuiteDoes() {
        List<String> responses = new ArrayList<>();
        try (McpSyncClient client = client()) {
            // server-initialize: a version, the server's name, and the tools capability
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.protocolVersion()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(init.serverInfo().name()).isEqualTo("migrate");
            assertThat(init.serverInfo().version()).isNotBlank();
            assertThat(init.capabilities().tools()).isNotNull();
            assertThat(init.instructions()).contains("consent token");
            // ping: an empty result
            assertThat(client.ping()).isNotNull();
            // logging-set-level: accepted
            client.setLoggingLevel(McpSchema.LoggingLevel.WARNING);
            // tools-list: each tool with a name, a description and an object schema; the read-only ones say so
            List<McpSchema.Tool> tools = client.listTools().tools();
            assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(McpChain.READ_ONLY);
            for (McpSchema.Tool tool : tools) {
                assertThat(tool.description()).as(tool.name()).isNotBlank();
                assertThat(tool.inputSchema()).as(tool.name()).containsEntry("type", "object");
                assertThat(tool.annotations().readOnlyHint()).as(tool.name()).isTrue();
            }
            assertThat(tools.stream().filter(t -> t.name().equals("explain")))
                    .singleElement()
                    .satisfies(t -> assertThat(t.inputSchema()).containsEntry("required", List.of("revision")));
            // a tool answers over HTTP as over stdio, the password nowhere in it
            String current = call(client, "current", responses);
            assertThat(current).contains("\"status\": \"ok\"");
            // an unknown tool is a protocol error, invalid params (-32602), naming the tool
            assertThatThrownBy(() -> client.callTool(
                            McpSchema.CallToolRequest.builder("upgrade").build()))
                    .isInstanceOfSatisfying(McpError.class, e -> {
                        assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
                        assertThat(String.valueOf(e.getJsonRpcError())).contains("upgrade");
                    });
        }
        CHAIN.assertNoCredentials(responses);
    }

    @Test
    void anUnknownMethodIsMethodNotFound() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> init = http.send(
                post(
                        null,
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        http.send(
                post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                HttpResponse.BodyHandlers.ofString());
        // migrate offers no resources: the suite's resources-list is answered method not found (-32601)
        HttpResponse<String> resources = http.send(
                post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/list\"}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(resources.body()).contains("\"code\":-32601").contains("resources/list");
    }

    @Test
    void anotherHostOrOriginIsRefused() throws Exception {
        // dns-rebinding-protection: a page of another name rebound to 127.0.0.1 sends its own Host and Origin; the
        // suite wants a client error: another Host is 421 Misdirected Request, another Origin 403 Forbidden
        assertThat(status("evil.example:" + endpoint.getPort(), null)).isEqualTo(421);
        assertThat(status("127.0.0.1:" + endpoint.getPort(), "http://evil.example"))
                .isEqualTo(403);
        assertThat(status("localhost:" + endpoint.getPort(), "http://localhost:" + endpoint.getPort()))
                .isEqualTo(200);
        assertThat(status("127.0.0.1:" + endpoint.getPort(), null)).isEqualTo(200);
    }

    @Test
    void aTakenPortOrNoPortIsAnErrorThatSaysSo() {
        assertThat(run("--http", String.valueOf(endpoint.getPort())))
                .contains("could not listen on 127.0.0.1:" + endpoint.getPort())
                .contains("Give a free port with --http");
        assertThat(run("--http", "70000")).contains("70000 is not a port").contains("--http 8931");
        assertThat(run("--http", "web")).contains("'web' is not a count");
    }

    private static String run(String... options) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8)) {
            List<String> args = new ArrayList<>(List.of("mcp", "--packages", McpChain.PACKAGE));
            args.addAll(List.of(options));
            int code = new Cli(Map.of(), out, out, Path.of(".")).run(args.toArray(String[]::new));
            assertThat(code).as(sink.toString(StandardCharsets.UTF_8)).isNotZero();
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    private static HttpRequest post(@Nullable String session, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
        }
        return request.build();
    }

    /** The status of an initialize sent with {@code host} and {@code origin}, as a browser would: a socket of its own. */
    private static int status(String host, @Nullable String origin) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"page\",\"version\":\"1\"}}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\n"
                            + (origin == null ? "" : "Origin: " + origin + "\r\n")
                            + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                            + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
        }
    }

    private static String call(McpSyncClient client, String tool, List<String> responses) {
        return McpChain.call(client, tool, Map.of(), responses);
    }

    private static McpSyncClient client() {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        "http://127.0.0.1:" + endpoint.getPort())
                .endpoint("/mcp")
                .build();
        return McpClient.sync(transport)
                .requestTimeout(Duration.ofMinutes(3))
                .initializationTimeout(Duration.ofMinutes(1))
                .build();
    }
}
