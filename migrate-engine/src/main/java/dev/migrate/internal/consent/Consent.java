package dev.migrate.internal.consent;

import dev.migrate.sql.Literals;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a run knows of consent: the token it was given, the environment it reads for a coding agent's marker and
 * {@code MIGRATE_CONSENT}. Whether its database is migrate's own (the embedded or a throwaway one), which needs no
 * consent, is the server's to say, by {@link #OWN_SERVER_SETTING}: no flag of a run can mark a user's database so.
 *
 * @param given the token given as a setting ({@code -Dmigrate.consent}, {@code --consent}); null: none
 * @param environment the process's environment, or the one a test gives
 * @param clock what tells the hour a token is issued and checked in
 */
public record Consent(@Nullable String given, Map<String, String> environment, Clock clock) {
    /** The environment variable that carries a token. */
    public static final String VARIABLE = "MIGRATE_CONSENT";

    /**
     * The server setting with which migrate starts its servers (the embedded one and every throwaway one: replays,
     * comparisons, proofs): on a connection that reads it {@code on}, the database is migrate's own.
     */
    public static final String OWN_SERVER_SETTING = "migrate.own_server";

    public Consent {
        environment = Map.copyOf(environment);
    }

    /** No token, the process's environment, a database migrate did not start. */
    public static Consent ofProcess() {
        return new Consent(null, System.getenv(), Clock.systemUTC());
    }

    public Consent withGiven(@Nullable String token) {
        return new Consent(token, environment, clock);
    }

    public Consent withEnvironment(Map<String, String> variables) {
        return new Consent(given, variables, clock);
    }

    public Consent withClock(Clock other) {
        return new Consent(given, environment, other);
    }

    /**
     * This consent with the runs started by the coding agent {@code name} when the environment names none (an MCP
     * server counts every tool call as an agent's): its marker {@code AI_AGENT} set to that name.
     */
    public Consent startedBy(String name) {
        if (agent().isPresent()) {
            return this;
        }
        Map<String, String> marked = new HashMap<>(environment);
        marked.put(CodingAgents.ANY, name);
        return withEnvironment(marked);
    }

    /** The coding agent running this process, by its marker; empty when none is detected. */
    public Optional<String> agent() {
        return CodingAgents.detect(environment);
    }

    /**
     * The tokens given: the setting, else {@code MIGRATE_CONSENT}; several (a fleet's) separated by commas or spaces.
     */
    public List<String> tokens() {
        String value = given != null && !given.isBlank() ? given : environment.get(VARIABLE);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.strip().split("[,\\s]+")).toList();
    }

    /**
     * The SQL of the history row's {@code applied_by}: the session's role, and the agent that ran the command when one
     * was detected ({@code app (agent:claude-code)}).
     */
    public String appliedBy() {
        return agent().map(name -> "current_user || " + Literals.string(" (agent:" + name + ")"))
                .orElse("current_user");
    }
}
