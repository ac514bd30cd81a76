package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.command.database.ConnectionResolver;
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
        Cli cli = cli(Map.of("MIGRATE_DATABASE_URL", "postgresql://env/db"));
        ConnectionSettings option = cli.resolver(
                        arguments("upgrade", "--url", "jdbc:postgresql://cli-host/app", "--user", "app"))
                .resolve(ConnectionResolver.NONE)
                .orElseThrow();
        assertThat(option.origin()).isEqualTo("--url");
        assertThat(option.user()).isEqualTo("app");
        assertThat(option.passwordSource()).isEqualTo("in the URL or --password");

        ConnectionSettings scratch = cli(Map.of("MIGRATE_SCRATCH_URL", "postgresql://env/postgres"))
                .resolver(arguments("drift"))
                .scratch("jdbc:postgresql://scratch/postgres")
                .orElseThrow();
        assertThat(scratch.origin()).isEqualTo("--scratch-url");
    }

    @Test
    void aVariableSetButEmptyIsAnErrorAndNoneIsNamedWithTheOption() {
        assertThatThrownBy(() -> cli(Map.of("MIGRATE_DATABASE_URL", "", "DATABASE_URL", "postgresql://h/d"))
                        .resolver(arguments("upgrade"))
                        .resolve(ConnectionResolver.NONE))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith(
                        "The database URL from the environment variable MIGRATE_DATABASE_URL is set but empty");
        assertThatThrownBy(() -> cli(Map.of())
                        .context(
                                arguments("upgrade"),
                                CliDatabaseTest.class.getClassLoader(),
                                null,
                                MigrationLog.system())
                        .onDatabase(builder -> {}))
                .hasMessage("No database is given: pass --url jdbc:postgresql://host:5432/app, or set the environment"
                        + " variable MIGRATE_DATABASE_URL (or DATABASE_URL). The command line starts no embedded"
                        + " database; --sql prints the script without one.");
    }

    private static Arguments arguments(String... args) {
        return Arguments.parse(List.of(args));
    }

    private static Cli cli(Map<String, String> environment) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Cli(environment, sink, sink, Path.of("."));
    }
}
