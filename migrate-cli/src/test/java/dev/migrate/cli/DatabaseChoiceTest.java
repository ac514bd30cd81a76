package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.command.database.ConnectionSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseChoiceTest {

    @Test
    void theOptionWinsOverTheEnvironmentAndMigrateDatabaseUrlOverDatabaseUrl() {
        Map<String, String> environment = Map.of(
                "MIGRATE_DATABASE_URL", "postgresql://env@migrate-host:5432/a",
                "DATABASE_URL", "postgresql://other@other-host:5432/b");

        ConnectionSettings option = DatabaseChoice.resolve(
                        "jdbc:postgresql://cli-host:5433/c", "app", "secret", environment)
                .orElseThrow();
        assertThat(option.origin()).isEqualTo("--url");
        assertThat(option.describe()).isEqualTo("cli-host:5433, database c, user app");
        assertThat(option.toString()).doesNotContain("secret");

        ConnectionSettings fromEnvironment =
                DatabaseChoice.resolve(null, null, null, environment).orElseThrow();
        assertThat(fromEnvironment.origin()).isEqualTo("the environment variable MIGRATE_DATABASE_URL");
        assertThat(fromEnvironment.user()).isEqualTo("env");

        assertThat(DatabaseChoice.resolve(null, null, null, Map.of("DATABASE_URL", "postgresql://h/d"))
                        .orElseThrow()
                        .origin())
                .isEqualTo("the environment variable DATABASE_URL");
        assertThat(DatabaseChoice.resolve(null, null, null, Map.of())).isEmpty();
    }

    @Test
    void aVariableSetButEmptyIsAnError() {
        assertThatThrownBy(() -> DatabaseChoice.resolve(
                        null, null, null, Map.of("MIGRATE_DATABASE_URL", " ", "DATABASE_URL", "postgresql://h/d")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(
                        "The database URL from the environment variable MIGRATE_DATABASE_URL is set but" + " empty")
                .hasMessageContaining("Nothing was run.");
    }

    @Test
    void theUrlsCredentialsWinOverTheOptions() {
        ConnectionSettings choice = DatabaseChoice.resolve(
                        "postgresql://owner:pw@h:5432/d", "other", "other-pw", Map.of())
                .orElseThrow();
        assertThat(choice.user()).isEqualTo("owner");
        assertThat(choice.password()).isEqualTo("pw");
    }
}
