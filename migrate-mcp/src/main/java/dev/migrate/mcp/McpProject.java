package dev.migrate.mcp;

import dev.migrate.MigrateException;
import dev.migrate.command.CommandContext;
import dev.migrate.command.output.Output;
import dev.migrate.command.tooling.Entities;
import dev.migrate.command.tooling.EntityComparison;
import dev.migrate.command.tooling.SourceRoot;
import dev.migrate.connection.DatabaseUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a face gives the MCP server of its project: a command context for each tool call, the entities that
 * {@code check} and {@code autogenerate} compare, where a written migration goes, and the secrets no response may
 * show:
 *
 * <pre>{@code
 * new McpProject(output -> context(output), Entities.none("no JPA provider"), comparison, sources, List.of(password))
 * }</pre>
 *
 * @param contexts the context of one call, its lines and result going to the output given
 * @param entities the entities {@code check} and {@code autogenerate} compare with the schema at head
 * @param comparison how they are compared
 * @param sources where {@code autogenerate} writes with {@code --allow-write}; its package names the dry run's class
 * @param secrets the texts no response may contain (the password, the URLs as given); blank ones are dropped
 */
public record McpProject(
        Function<Output, CommandContext> contexts,
        Entities entities,
        EntityComparison comparison,
        SourceRoot sources,
        List<String> secrets) {
    public McpProject {
        Objects.requireNonNull(contexts, "contexts");
        Objects.requireNonNull(entities, "entities");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(sources, "sources");
        secrets = secrets.stream()
                .filter(Objects::nonNull)
                .filter(secret -> !secret.isBlank())
                .toList();
    }

    /**
     * The secrets of a server given {@code urls} and {@code passwords} (any of them null or blank when not given):
     * each URL as written, the password inside it, and each password:
     * {@code McpProject.secrets(List.of(url), List.of(password))}.
     */
    public static List<String> secrets(List<@Nullable String> urls, List<@Nullable String> passwords) {
        List<String> secrets = new ArrayList<>();
        for (String password : passwords) {
            if (password != null && !password.isBlank()) {
                secrets.add(password);
            }
        }
        for (String url : urls) {
            if (url == null || url.isBlank()) {
                continue;
            }
            secrets.add(url);
            try {
                String inside = DatabaseUrl.parse(url, "the MCP server's URL").password();
                if (inside != null) {
                    secrets.add(inside);
                }
            } catch (MigrateException e) {
                // not a URL migrate reads: hidden as written
            }
        }
        return secrets;
    }
}
