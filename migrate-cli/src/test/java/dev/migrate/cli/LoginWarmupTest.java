package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginWarmupTest {
    @Test
    void theCommandsItStartsForAreCommandsThatTakeADatabaseUrl() {
        // the names are read before the command table is loaded (which is what the warm-up runs beside), so a renamed
        // command or one that no longer logs in must show here
        for (String name : LoginWarmup.LOGGING_IN) {
            assertThat(CliCommand.named(name)).as(name).isNotNull();
            assertThat(java.util.Objects.requireNonNull(CliCommand.named(name)).options())
                    .as(name)
                    .contains(CliOption.URL);
        }
    }

    @Test
    void itStartsForNothingThatNeedsNoLogin() {
        assertThat(LoginWarmup.startFor(new String[0])).isFalse();
        assertThat(LoginWarmup.startFor(new String[] {"heads"})).isFalse();
        assertThat(LoginWarmup.startFor(new String[] {"--help"})).isFalse();
        assertThat(LoginWarmup.startFor(new String[] {"lint", "--url", "jdbc:postgresql://db/app"}))
                .isFalse();
    }
}
