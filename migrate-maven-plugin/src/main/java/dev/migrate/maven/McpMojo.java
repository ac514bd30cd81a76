package dev.migrate.maven;

import dev.migrate.command.CommandContext;
import dev.migrate.mcp.McpCommand;
import dev.migrate.mcp.McpProject;
import java.io.File;
import java.util.Arrays;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Serves the project's migrations and entities as the tools of an MCP server on standard input and output, for a
 * coding agent: {@code MAVEN_OPTS=-Djansi.noreset=true mvn -q migrate:mcp} (quiet, so that Maven's own lines stay off
 * the protocol's stream; the option keeps Maven's console from writing a colour reset there before them). The
 * tools only read unless {@code -Dmigrate.allowWrite=true}; even then a plan that can lose data or history is refused
 * until the user gives its consent token. See docs/howto/agents.md.
 */
@Mojo(
        name = "mcp",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class McpMojo extends EntityMojo {

    /**
     * Offer the tools that write a file or change a database: upgrade, downgrade, stamp, and autogenerate with
     * write. Without it the server only reads.
     */
    @Parameter(property = "migrate.allowWrite", defaultValue = "false")
    protected boolean allowWrite;

    /**
     * Serve Streamable HTTP on this port of 127.0.0.1 (localhost only) instead of standard input and output, until
     * Maven is stopped: 8931 serves {@code http://127.0.0.1:8931/mcp}; 0 takes a free port.
     */
    @Parameter(property = "migrate.mcp.http")
    protected @Nullable Integer mcpHttp;

    /** Where autogenerate writes a migration when it is allowed to write. */
    @Parameter(property = "migrate.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    protected File sourceDirectory;

    @Override
    protected DatabaseUse use(Goal goal) {
        // a server waits for its first tool call, which may come an hour later: it connects when a tool asks
        return super.use(goal).connectingAhead(database -> false);
    }

    @Override
    protected void run(EntityGoal goal, ClassLoader projectClasses) {
        // the server's libraries join the plugin's class path only for this goal; the classes that name them are
        // in Server, which the JVM loads after that
        GoalLibraries.MCP_SERVER.addTo(
                mojoExecution.getMojoDescriptor().getPluginDescriptor(),
                repositorySystem,
                session.getRepositorySession(),
                project.getRemotePluginRepositories());
        Server.serve(this, goal, projectClasses);
    }

    /** What names the MCP server's classes. */
    private static final class Server {
        static void serve(McpMojo mojo, EntityGoal goal, ClassLoader projectClasses) {
            CommandContext context = goal.database().context(projectClasses);
            McpProject project = new McpProject(
                    output -> new CommandContext(
                            context.migrations(),
                            context.database(),
                            context.project(),
                            context.fixes(),
                            output,
                            context.replays()),
                    goal.compared(),
                    goal.options().comparison(),
                    goal.goal().sourceRoot(mojo.sourceDirectory),
                    McpProject.secrets(
                            Arrays.asList(
                                    Secret.valueOf(mojo.url),
                                    System.getenv("MIGRATE_DATABASE_URL"),
                                    System.getenv("DATABASE_URL")),
                            Arrays.asList(Secret.valueOf(mojo.password))));
            new McpCommand(mojo.allowWrite, mojo.mcpHttp)
                    .run(project, System.in, System.out, System.err, mojo.getLog()::info);
        }
    }
}
