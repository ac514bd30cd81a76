package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.testing.TestPostgres;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code migrate mcp} driven end to end by the MCP Java SDK's own client over stdio, the server a process of its own
 * (this JVM's class path, the chain of {@code dev.migrate.cli.mcpchain}), on a database of the test server reached
 * with a password: the tools listed, each read-only tool called, a write refused without {@code --allow-write}, and
 * with it a destructive downgrade refused without its token and with another value, and run with the token, each
 * checked on the database. No response of any call, failed ones included, shows the password or the URL's user-info.
 */
class McpServerTest {
    private static final McpChain CHAIN = new McpChain("mcp_owner", "Mcp-s3cret-9f2e");

    private static String database = "";
    private static DataSource data;

    @BeforeAll
    static void chainAtHead() throws Exception {
        CHAIN.createRole();
        database = CHAIN.database("mcp");
        data = TestPostgres.dataSource(database);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8)) {
            int code = new Cli(Map.of(), out, out, Path.of("."))
                    .run("upgrade", "--url", url(database), "--packages", McpChain.PACKAGE);
            assertThat(code).as(sink.toString(StandardCharsets.UTF_8)).isZero();
        }
        TestPostgres.execute(data, "INSERT INTO account (id, name, email) VALUES (1, 'ada', 'ada@example.com')");
    }

    private static String url(String name) {
        return CHAIN.url(name);
    }

    @Test
    void theReadOnlyToolsAnswerAndNoWriteToolExists() throws Exception {
        List<String> responses = new ArrayList<>();
        try (McpSyncClient client = client(url(database))) {
            assertThat(client.listTools().tools().stream().map(McpSchema.Tool::name))
                    .containsExactlyInAnyOrderElementsOf(McpChain.READ_ONLY);

            assertThat(call(client, "current", Map.of(), responses))
                    .contains("\"status\":\"ok\"")
                    .contains("\"b\"");
            assertThat(call(client, "history", Map.of(), responses))
                    .contains("\"status\":\"ok\"")
                    .contains("add email");
            assertThat(call(client, "heads", Map.of(), responses))
                    .contains("\"status\":\"ok\"")
                    .contains("\"b\"");
            assertThat(call(client, "explain", Map.of("revision", "b"), responses))
                    .contains("\"status\":\"ok\"")
                    .containsPattern("(?i)ADD COLUMN email")
                    .containsPattern("(?i)DROP COLUMN email");
            String plan = call(client, "plan", Map.of("command", "downgrade", "target", "b:base"), responses);
            assertThat(plan)
                    .contains("\"needsConsent\":true")
                    .containsPattern("(?i)DROP TABLE[^\"]*account")
                    .contains("drop or delete");
            // and run first on a throwaway copy of the chain, upgraded there to b: each statement as it ran there
            // (the user's database is not touched: its row is counted below)
            assertThat(plan)
                    .contains("\"from\":\"b\"")
                    .contains("\"to\":\"base\"")
                    .containsPattern(
                            "\"revision\":\"b\",\\s*\"sql\":\"(?i)ALTER TABLE account DROP COLUMN email\",\\s*\"ms\":\\d+")
                    .containsPattern("\"revision\":\"a\",\\s*\"sql\":\"(?i)DROP TABLE account\",\\s*\"ms\":\\d+");
            // with the table locks each statement took there, read from pg_locks, and how long it held them
            assertThat(plan)
                    .containsPattern(lockOf("DROP COLUMN email", "ACCESS EXCLUSIVE"))
                    .containsPattern(lockOf("DROP TABLE account", "ACCESS EXCLUSIVE"));
            assertThat(call(client, "plan", Map.of("target", "base:a"), responses))
                    .contains("\"needsConsent\":false")
                    .containsPattern("(?i)\"sql\":\"CREATE TABLE account");
            assertThat(call(client, "plan", Map.of("target", "base:a", "rehearse", false), responses))
                    .contains("\"rehearsal\":null");
            assertThat(call(client, "lint", Map.of(), responses)).contains("\"command\":\"lint\"");
            assertThat(call(client, "drift", Map.of(), responses)).contains("\"status\":\"ok\"");
            // the command line runs no JPA provider: the failure says where the entities are compared
            assertThat(call(client, "check", Map.of(), responses))
                    .contains("\"status\":\"failed\"")
                    .contains("mcp");
            assertThat(call(client, "autogenerate", Map.of("message", "more"), responses))
                    .contains("\"status\":\"failed\"");
            assertThat(call(client, "autogenerate", Map.of("message", "more", "write", true), responses))
                    .contains("\"status\":\"failed\"")
                    .contains("--allow-write");
            assertThat(call(client, "explain", Map.of("revision", "nope"), responses))
                    .contains("\"status\":\"failed\"")
                    .contains("nope");
            // the SDK holds the arguments to the tool's schema before the tool runs
            assertThat(call(client, "explain", Map.of(), responses)).contains("required property 'revision'");
            assertThatThrownBy(() -> client.callTool(McpSchema.CallToolRequest.builder("downgrade")
                            .arguments(Map.of("target", "base"))
                            .build()))
                    .isInstanceOf(McpError.class)
                    .hasMessageContaining("Unknown tool")
                    .satisfies(e -> assertThat(String.valueOf(((McpError) e).getJsonRpcError()))
                            .contains("Tool not found: downgrade"));
        }
        assertThat(TestPostgres.query(data, "SELECT count(*) FROM account")).containsExactly("1");
        assertNoCredentials(responses);
    }

    @Test
    void aDestructiveDowngradeRunsOnlyWithItsToken() throws Exception {
        String other = CHAIN.database("mcp_write");
        DataSource otherData = TestPostgres.dataSource(other);
        List<String> responses = new ArrayList<>();
        try (McpSyncClient client = client(url(other), "--allow-write")) {
            assertThat(client.listTools().tools().stream().map(McpSchema.Tool::name))
                    .containsAll(McpChain.READ_ONLY)
                    .contains("upgrade", "downgrade", "stamp");
            // an upgrade that only adds runs without consent, first on a throwaway copy of the chain
            assertThat(call(client, "upgrade", Map.of(), responses))
                    .contains("\"status\":\"ok\"")
                    .contains("\"from\":\"base\"")
                    .containsPattern("\"revision\":\"b\",\\s*\"sql\":\"(?i)ALTER TABLE account ADD COLUMN email");
            TestPostgres.execute(otherData, "INSERT INTO account (id, name) VALUES (1, 'ada'), (2, 'grace')");

            String refused = call(client, "downgrade", Map.of("target", "base"), responses);
            assertThat(refused)
                    .contains("\"status\":\"failed\"")
                    .contains("\"needsUserConsent\":true")
                    .contains("Refused")
                    .contains("consent");
            // rehearsed first: the refusal carries what the throwaway copy measured, each statement's time and locks
            assertThat(refused)
                    .contains("\"from\":\"b\"")
                    .containsPattern(lockOf("DROP TABLE account", "ACCESS EXCLUSIVE"));
            assertThat(TestPostgres.query(otherData, "SELECT count(*) FROM account"))
                    .containsExactly("2");

            String blanket = call(client, "downgrade", Map.of("target", "base", "consent", "yes"), responses);
            assertThat(blanket).contains("\"status\":\"failed\"").contains("is not a consent token");
            assertThat(TestPostgres.query(otherData, "SELECT count(*) FROM account"))
                    .containsExactly("2");

            // the refusal's message shows the same figures, as the goals' and the command line's do
            assertThat(refused)
                    .contains("Rehearsed on a throwaway copy of the chain")
                    .contains("ACCESS EXCLUSIVE on public.account, held ");
            Matcher token = Pattern.compile("c1-[0-9a-f]+-[0-9a-f]+-[0-9a-f]+").matcher(refused);
            assertThat(token.find()).as(refused).isTrue();

            String unrehearsed = call(client, "downgrade", Map.of("target", "base", "rehearse", false), responses);
            assertThat(unrehearsed)
                    .contains("\"needsUserConsent\":true")
                    .contains("Not rehearsed on a throwaway copy of the chain (the argument")
                    .doesNotContain("Rehearsed on")
                    .as("the token is the plan's, whatever was measured")
                    .contains(token.group());
            assertThat(TestPostgres.query(otherData, "SELECT count(*) FROM account"))
                    .containsExactly("2");
            String ran = call(client, "downgrade", Map.of("target", "base", "consent", token.group()), responses);
            assertThat(ran).contains("\"status\":\"ok\"");
        }
        assertThat(TestPostgres.query(otherData, "SELECT to_regclass('public.account') IS NULL"))
                .containsExactly("t");
        assertNoCredentials(responses);
    }

    @Test
    void aFailedConnectionShowsNoCredentials() throws Exception {
        List<String> responses = new ArrayList<>();
        try (McpSyncClient client = client(url("no_such_database_here"), "--allow-write")) {
            assertThat(call(client, "current", Map.of(), responses))
                    .contains("\"status\":\"failed\"")
                    .contains("no_such_database_here");
            assertThat(call(client, "history", Map.of(), responses)).contains("\"status\":\"failed\"");
            assertThat(call(client, "upgrade", Map.of(), responses)).contains("\"status\":\"failed\"");
            assertThat(call(client, "downgrade", Map.of("target", "base"), responses))
                    .contains("\"status\":\"failed\"");
            assertThat(call(client, "stamp", Map.of("target", "a"), responses)).contains("\"status\":\"failed\"");
            assertThat(call(client, "drift", Map.of(), responses)).contains("\"status\":\"failed\"");
        }
        assertNoCredentials(responses);
    }

    /** A statement of a rehearsal, as its document shows it, with the lock it took on the table account. */
    private static String lockOf(String sql, String mode) {
        return "\"sql\":\"(?i)[^\"]*" + sql
                + "\",\\s*\"ms\":\\d+,\\s*\"locks\":\\[\\s*\\{\\s*\"table\":\"public.account\"," + "\\s*\"mode\":\""
                + mode + "\",\\s*\"heldMs\":\\d+";
    }

    private static void assertNoCredentials(List<String> responses) {
        CHAIN.assertNoCredentials(responses);
        for (String response : responses) {
            assertThat(response).doesNotContain(url(database).substring("postgresql://".length()));
        }
    }

    private static String call(
            McpSyncClient client, String tool, Map<String, Object> arguments, List<String> responses) {
        // the document is indented: its members read as "name":value
        return McpChain.call(client, tool, arguments, responses).replace("\": ", "\":");
    }

    private static McpSyncClient client(String url, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "-XX:TieredStopAtLevel=1",
                Main.class.getName(),
                "mcp",
                "--packages",
                McpChain.PACKAGE));
        args.addAll(List.of(more));
        ServerParameters server = ServerParameters.builder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args(args)
                .env(Map.of("MIGRATE_DATABASE_URL", url))
                .build();
        StdioClientTransport transport = new StdioClientTransport(server, McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(line -> {});
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofMinutes(3))
                .initializationTimeout(Duration.ofMinutes(1))
                .build();
        client.initialize();
        return client;
    }
}
