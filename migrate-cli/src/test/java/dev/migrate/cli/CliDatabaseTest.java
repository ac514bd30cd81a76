package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.command.database.ConnectionSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The database and the scratch server the command line chooses, in its own words: --url, not -Dmigrate.url. */
class CliDatabaseTest {

    @Test
    void theMessagesNameTheOptions() {
        ConnectionSettings option = cli(Map.of("MIGRATE_DATABASE_URL", "postgresql://env/db"))
                .database(arguments("upgrade", "--url", "jdbc:postgresql://cli-host/app", "--user", "app"), null)
                .orElseThrow();
        assertThat(option.origin()).isEqualTo("--url");
        assertThat(option.user()).isEqualTo("app");
        assertThat(option.passwordSource()).isEqualTo("in the URL or --password");

        ConnectionSettings scratch = cli(Map.of("MIGRATE_SCRATCH_URL", "postgresql://env/postgres"))
                .scratch(arguments("drift", "--scratch-url", "jdbc:postgresql://scratch/postgres"))
                .orElseThrow();
        assertThat(scratch.origin()).isEqualTo("--scratch-url");
    }

    @Test
    void aVariableSetButEmptyIsAnErrorAndNoneIsNamedWithTheOption() {
        assertThatThrownBy(() -> cli(Map.of("MIGRATE_DATABASE_URL", "", "DATABASE_URL", "postgresql://h/d"))
                        .database(arguments("upgrade"), null))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith(
                        "The database URL from the environment variable MIGRATE_DATABASE_URL is set but empty");
        assertThatThrownBy(() -> cli(Map.of()).requireDatabase(arguments("upgrade"), null))
                .hasMessageStartingWith("No database is given: pass --url");
    }

    private static Arguments arguments(String... args) {
        return Arguments.parse(List.of(args));
    }

    private static Cli cli(Map<String, String> environment) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Cli(environment, sink, sink, Path.of("."));
    }
}
