package dev.migrate.internal.consent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The coding agents migrate recognises, each by the environment variable it sets in the shells it runs commands in:
 * the one table of them, which docs/howto/agents.md lists too. A tool an agent runs through a shell inherits the
 * variable, so the Maven plugin, the command line and an application started from the agent's shell all see it.
 */
public final class CodingAgents {
    /**
     * One agent and the variable that marks its shells: set and not empty ({@code AI_AGENT}'s value names the agent).
     */
    public record Agent(String name, String variable) {}

    /** The variable that marks any agent, its value the agent's name. */
    public static final String ANY = "AI_AGENT";

    /**
     * The markers, first match wins. Sources: the variables Claude Code, Cursor's agent and CLI, Gemini CLI, Codex
     * CLI, opencode and Replit set, as Vercel's detect-agent and the AWS CDK's agent guess read them. GitHub Copilot,
     * Aider, Windsurf, Cline and Amp set none known; {@code AI_AGENT} (the variable Vercel proposes for any agent,
     * its value the agent's name) is how a user marks their shells.
     */
    public static final List<Agent> KNOWN = List.of(
            new Agent("claude-code", "CLAUDECODE"),
            new Agent("claude-code", "CLAUDE_CODE_ENTRYPOINT"),
            new Agent("cursor-cli", "CURSOR_AGENT"),
            new Agent("cursor", "CURSOR_TRACE_ID"),
            new Agent("gemini-cli", "GEMINI_CLI"),
            new Agent("codex", "CODEX_SANDBOX"),
            new Agent("codex", "CODEX_THREAD_ID"),
            new Agent("opencode", "OPENCODE"),
            new Agent("replit", "REPL_ID"),
            new Agent("ai-agent", ANY));

    private CodingAgents() {}

    /** The agent whose marker {@code environment} carries; empty when none does. */
    public static Optional<String> detect(Map<String, String> environment) {
        for (Agent agent : KNOWN) {
            String value = environment.get(agent.variable());
            if (value != null && !value.isBlank()) {
                return Optional.of(
                        agent.variable().equals(ANY)
                                ? value.strip().replaceAll("[^A-Za-z0-9@._-]", "-")
                                : agent.name());
            }
        }
        return Optional.empty();
    }
}
