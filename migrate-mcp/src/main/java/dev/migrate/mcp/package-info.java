/**
 * migrate's MCP server: the commands as tools a coding agent calls over stdio, on the official MCP Java SDK. Read-only
 * unless started with {@code --allow-write}; even then a destructive run goes through the consent of its plan, every
 * call counting as an agent's. The command line ({@code migrate mcp}) and the plugin ({@code mvn -q migrate:mcp})
 * start it with a {@link dev.migrate.mcp.McpProject} of their own.
 */
@NullMarked
package dev.migrate.mcp;

import org.jspecify.annotations.NullMarked;
