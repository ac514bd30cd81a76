package dev.migrate.mcp;

import dev.migrate.command.CommandContext;
import dev.migrate.command.output.Json;
import java.util.Objects;

/**
 * One tool of the server: its name (the command's), what it tells the agent, the JSON schema of its arguments,
 * whether it can write a file or change a database, and what it runs.
 *
 * @param name the tool's name, as the command line names the command
 * @param description what the agent reads of it
 * @param inputSchema the JSON schema of its arguments
 * @param writes whether it writes a file or changes a database: such a tool exists only with {@code --allow-write}
 * @param run what it runs on a call's context; the members it returns join the command's document
 */
record MigrateTool(String name, String description, String inputSchema, boolean writes, Run run) {
    MigrateTool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(run, "run");
    }

    /** What a tool runs. */
    @FunctionalInterface
    interface Run {
        Json.Obj run(ToolArguments arguments, CommandContext context, McpProject project);
    }

    /** The schema of an object whose properties are {@code properties}, a JSON object's members without braces. */
    static String schema(String properties, String... required) {
        StringBuilder names = new StringBuilder();
        for (String name : required) {
            names.append(names.length() == 0 ? "" : ",")
                    .append('"')
                    .append(name)
                    .append('"');
        }
        return "{\"type\":\"object\",\"properties\":{" + properties + "},\"required\":[" + names + "]}";
    }

    /** A property of type {@code type}, described. */
    static String property(String name, String type, String description) {
        return "\"" + name + "\":{\"type\":\"" + type + "\",\"description\":" + JsonQuote.of(description) + "}";
    }
}
