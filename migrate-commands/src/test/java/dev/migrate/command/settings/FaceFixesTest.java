package dev.migrate.command.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.text.Fixes;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * An application's messages ask for a run given a setting by the application's own property (issue 86, defect 1:
 * the refusal to downgrade below a revision applied in a context named the plugin's {@code -Dmigrate.contexts} in
 * a Spring Boot or Quarkus application); a setting the face does not take keeps the plugin's spelling.
 */
class FaceFixesTest {
    @Test
    void aRunIsGivenASettingAsTheApplicationsPropertyNamesIt() {
        assertThat(new FaceFixes(Face.SPRING_BOOT, UnaryOperator.identity()).runGiven("contexts", "test"))
                .isEqualTo("migrate.contexts=test");
        assertThat(new FaceFixes(Face.SPRING_BOOT, UnaryOperator.identity()).runGiven("lockTimeout", "30s"))
                .isEqualTo("migrate.lock-timeout=30s");
    }

    @Test
    void aSettingTheFaceDoesNotTakeAndEveryOtherFixAreThePlugins() {
        Fixes spring = new FaceFixes(Face.SPRING_BOOT, UnaryOperator.identity());
        assertThat(spring.runGiven("serverId", "db")).isEqualTo("-Dmigrate.serverId=db");
        assertThat(spring.setting("target", "-1")).isEqualTo("-Dmigrate.target=-1");
        assertThat(spring.command("downgrade")).isEqualTo("mvn migrate:downgrade");
        assertThat(FaceFixes.speaksFor(Face.MAVEN)).isFalse();
        assertThat(FaceFixes.speaksFor(Face.COMMAND_LINE)).isFalse();
        assertThat(FaceFixes.speaksFor(Face.QUARKUS))
                .as("the extension spells its own")
                .isFalse();
    }
}
