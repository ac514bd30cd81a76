package dev.migrate.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every marker of the table is detected on its own, an empty one is not, and none means no agent. */
class CodingAgentsTest {
    @Test
    void everyMarkerIsDetectedOnItsOwn() {
        for (CodingAgents.Agent agent : CodingAgents.KNOWN) {
            String expected = agent.variable().equals("AI_AGENT") ? "1" : agent.name();
            assertThat(CodingAgents.detect(Map.of(agent.variable(), "1")))
                    .as(agent.variable())
                    .contains(expected);
            assertThat(CodingAgents.detect(Map.of(agent.variable(), " ")))
                    .as("an empty " + agent.variable())
                    .isEmpty();
        }
    }

    @Test
    void noMarkerIsNoAgentAndAiAgentNamesItself() {
        assertThat(CodingAgents.detect(Map.of("CI", "true", "PATH", "/usr/bin")))
                .isEmpty();
        assertThat(CodingAgents.detect(Map.of("AI_AGENT", "aider"))).contains("aider");
        assertThat(CodingAgents.detect(Map.of("AI_AGENT", "x'); DROP TABLE t; --")))
                .as("only letters, digits and @._- reach the history row")
                .contains("x----DROP-TABLE-t----");
        assertThat(CodingAgents.detect(Map.of("CLAUDECODE", "1", "AI_AGENT", "other")))
                .as("the table's order decides")
                .contains("claude-code");
    }
}
