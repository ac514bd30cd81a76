package dev.migrate.command.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void readsUnitsAndIso() {
        assertThat(Durations.parse("lockTimeout", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("lockTimeout", "10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("lockTimeout", "2min")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("lockTimeout", "1h")).isEqualTo(Duration.ofHours(1));
        // as Spring reads a day, so the starter's migrate.health.drift-interval=1d reads alike
        assertThat(Durations.parse("lockTimeout", "1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("lockTimeout", "PT5S")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("lockTimeout", " ")).isNull();
    }

    @Test
    void zeroNeedsNoUnit() {
        assertThat(Durations.parse("lockTimeout", "0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void aBareNumberIsRefusedBecausePostgresqlReadsItAsMilliseconds() {
        assertThatThrownBy(() -> Durations.parse("lockTimeout", "10"))
                .isInstanceOf(MigrateException.class)
                .hasMessage("The lockTimeout '10' has no unit: write 10s for seconds or 10ms for milliseconds "
                        + "(PostgreSQL would read a bare 10 as milliseconds).");
    }
}
