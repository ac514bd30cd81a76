package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.TestPostgres;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the tests of {@code migrate mcp} share, over stdio ({@link McpServerTest}) and HTTP ({@link McpHttpTest}): the
 * chain of {@code dev.migrate.cli.mcpchain}, the tools every server lists, and databases of the test server owned by
 * a role reached with a password, which no response may show.
 *
 * @param user the role that owns the databases, which logs in with {@code password}
 * @param password its password
 */
record McpChain(String user, String password) {
    /** The package of the chain the servers are started with. */
    static final String PACKAGE = "dev.migrate.cli.mcpchain";
    /** The tools a server lists without {@code --allow-write}. */
    static final List<String> READ_ONLY =
            List.of("current", "history", "heads", "explain", "check", "drift", "lint", "plan", "autogenerate");

    /** Makes the role on the test server, with its password: once, before its first database. */
    void createRole() throws SQLException {
        TestPostgres.execute(
                TestPostgres.dataSource("postgres"), "CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
    }

    /** A new, empty database of the test server, named from {@code prefix}, owned by the role with its schema. */
    String database(String prefix) throws SQLException {
        String database = TestPostgres.createDatabase(prefix);
        TestPostgres.execute(
                TestPostgres.dataSource(database),
                "ALTER DATABASE " + database + " OWNER TO " + user,
                "ALTER SCHEMA public OWNER TO " + user);
        return database;
    }

    /** The URL of {@code database} with the role's name and password in it, as a user gives it. */
    String url(String database) {
        return "postgresql://" + user + ":" + password + "@localhost:" + TestPostgres.port() + "/" + database;
    }

    /** Calls {@code tool}; the text it answers, each response kept in {@code responses}. */
    static String call(McpSyncClient client, String tool, Map<String, Object> arguments, List<String> responses) {
        McpSchema.CallToolResult result = client.callTool(
                McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
        String text = result.content().stream()
                .map(content -> content instanceof McpSchema.TextContent t ? t.text() : String.valueOf(content))
                .collect(Collectors.joining("\n"));
        responses.add(text);
        responses.add(String.valueOf(result.structuredContent()));
        return text;
    }

    /** That no response shows the password, nor the user-info of a URL. */
    void assertNoCredentials(List<String> responses) {
        assertThat(responses).isNotEmpty();
        for (String response : responses) {
            assertThat(response)
                    .doesNotContain(password)
                    .doesNotContain(user + ":")
                    .doesNotContain(user + ":" + password + "@");
        }
    }
}
