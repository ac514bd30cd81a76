package dev.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/** The starter takes Spring Boot 3.2 to 4.1, refuses older lines by name and warns on newer ones. */
class BootLinesTest {
    @Test
    void everyLineFrom32To41IsTakenWithoutAWord() {
        for (String version : new String[] {"3.2.0", "3.3.13", "3.4.9", "3.5.16", "4.0.7", "4.1.2", "4.1.0-RC1"}) {
            assertThat(BootLines.check(version)).as(version).isEmpty();
        }
        assertThat(BootLines.check(SpringBootVersion.getVersion()))
                .as("the line these tests run")
                .isEmpty();
    }

    @Test
    void anOlderLineIsRefusedWithItsLineAndTheWayOut() {
        assertThatThrownBy(() -> BootLines.check("3.1.12"))
                .isInstanceOf(MigrateException.class)
                .hasMessage("The migrate starter supports Spring Boot 3.2 to 4.1, and this application runs Spring Boot"
                        + " 3.1.12 (line 3.1): upgrade Spring Boot to 3.2 or later, or migrate this application with"
                        + " the command line or the Maven plugin.");
        assertThatThrownBy(() -> BootLines.check("2.7.18")).hasMessageContaining("(line 2.7)");
    }

    @Test
    void aNewerLineIsToldItWasNotTestedAndAnUnknownVersionIsLeftAlone() {
        assertThat(BootLines.check("4.2.0"))
                .hasValue("The migrate starter is tested on Spring Boot 3.2 to 4.1; this application runs Spring Boot"
                        + " 4.2.0 (line 4.2), on which it was not.");
        assertThat(BootLines.check("5.0.0-M1")).isPresent();
        assertThat(BootLines.check(null)).isEmpty();
        assertThat(BootLines.check("snapshot")).isEmpty();
    }
}
