package dev.migrate.command.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.text.Fixes;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The database a face's settings choose, as the command line weighs them: its own options, then the environment. The
 * plugin's weighing, with the pom and settings.xml, is tested beside its goals.
 */
class ConnectionResolverTest {
    /** A face that spells its settings as options, as the command line does. */
    private static final Fixes OPTIONS = new Fixes() {
        @Override
        public String command(String command) {
            return "migrate " + command;
        }

        @Override
        public String setting(String name, String value) {
            return setting(name) + " " + value;
        }

        @Override
        public String setting(String name) {
            return "--" + name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        }
    };

    @Test
    void theOptionWinsOverTheEnvironmentAndMigrateDatabaseUrlOverDatabaseUrl() {
        Map<String, String> environment = Map.of(
                "MIGRATE_DATABASE_URL", "postgresql://env@migrate-host:5432/a",
                "DATABASE_URL", "postgresql://other@other-host:5432/b");

        ConnectionSettings option = resolve("jdbc:postgresql://cli-host:5433/c", "app", "secret", environment);
        assertThat(option.origin()).isEqualTo("--url");
        assertThat(option.describe()).isEqualTo("cli-host:5433, database c, user app");
        assertThat(option.passwordSource()).isEqualTo("in --password");
        assertThat(option.toString()).doesNotContain("secret");

        ConnectionSettings fromEnvironment = resolve(null, null, null, environment);
        assertThat(fromEnvironment.origin()).isEqualTo("the environment variable MIGRATE_DATABASE_URL");
        assertThat(fromEnvironment.user()).isEqualTo("env");

        assertThat(resolve(null, null, null, Map.of("DATABASE_URL", "postgresql://h/d"))
                        .origin())
                .isEqualTo("the environment variable DATABASE_URL");
        assertThat(resolver(null, null, null, Map.of()).resolve(ConnectionResolver.NONE))
                .isEmpty();
    }

    @Test
    void aVariableSetButEmptyIsAnError() {
        assertThatThrownBy(() -> resolve(
                        null, null, null, Map.of("MIGRATE_DATABASE_URL", " ", "DATABASE_URL", "postgresql://h/d")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(
                        "The database URL from the environment variable MIGRATE_DATABASE_URL is set but empty")
                .hasMessageContaining("or remove it (unset it) to use the next source. Nothing was run.");
        assertThatThrownBy(() -> resolve("", null, null, Map.of("DATABASE_URL", "postgresql://h/d")))
                .hasMessageStartingWith("The database URL from --url is set but empty")
                .hasMessageContaining("or remove it to use the next source.");
    }

    @Test
    void theUrlsCredentialsWinOverTheOptions() {
        ConnectionSettings choice = resolve("postgresql://owner:pw@h:5432/d", "other", "other-pw", Map.of());
        assertThat(choice.user()).isEqualTo("owner");
        assertThat(choice.password()).isEqualTo("pw");

        ConnectionSettings options = resolve("postgresql://h:5432/d", "other", "other-pw", Map.of());
        assertThat(options.user()).isEqualTo("other");
        assertThat(options.password()).isEqualTo("other-pw");
    }

    @Test
    void theScratchServerIsTheOptionsThenTheEnvironmentsWithTheSameRules() {
        Map<String, String> environment = Map.of("MIGRATE_SCRATCH_URL", "postgresql://env@scratch-env:5432/postgres");
        ConnectionSettings option = resolver(null, "app", "pw", environment)
                .scratch("jdbc:postgresql://scratch:5432/postgres")
                .orElseThrow();
        assertThat(option.origin()).isEqualTo("--scratch-url");
        assertThat(option.user()).isEqualTo("app");
        assertThat(option.password()).isEqualTo("pw");

        ConnectionSettings fromEnvironment =
                resolver(null, "app", null, environment).scratch(null).orElseThrow();
        assertThat(fromEnvironment.origin()).isEqualTo("the environment variable MIGRATE_SCRATCH_URL");
        assertThat(fromEnvironment.user()).isEqualTo("env");

        // the database's variables name no scratch server
        assertThat(resolver(null, null, null, Map.of("MIGRATE_DATABASE_URL", "postgresql://h/d"))
                        .scratch(null))
                .isEmpty();
        assertThatThrownBy(() -> resolver(null, null, null, Map.of("MIGRATE_SCRATCH_URL", ""))
                        .scratch(null))
                .hasMessageStartingWith(
                        "The database URL from the environment variable MIGRATE_SCRATCH_URL is set but empty");
    }

    @Test
    void thePluginNamesItsOwnSettings() {
        Properties userProperties = new Properties();
        userProperties.setProperty("migrate.url", "jdbc:postgresql://cli-host/clidb");
        ConnectionSettings plugin = new ConnectionResolver(
                        Map.of("MIGRATE_DATABASE_URL", "postgresql://env/db"), userProperties, serverId -> {
                            throw new AssertionError(serverId);
                        })
                .resolve(ConnectionResolver.NONE)
                .orElseThrow();
        assertThat(plugin.origin()).isEqualTo("-Dmigrate.url");
        assertThat(plugin.passwordSource()).isEqualTo("in the URL or <password>");
    }

    @Test
    void aRejectedPasswordIsNamedWhereItWasSet() {
        // the URL's own first, then -Dmigrate.password, then the pom's <password>, as they are taken
        Properties onCommandLine = new Properties();
        onCommandLine.setProperty("migrate.password", "typed");
        assertThat(pluginSource(new Properties(), "postgresql://app:in-url@h/db", null))
                .isEqualTo("in the URL (it came from <url> in the pom)");
        assertThat(pluginSource(onCommandLine, "postgresql://app@h/db", "in-pom"))
                .isEqualTo("in -Dmigrate.password");
        assertThat(pluginSource(new Properties(), "postgresql://app@h/db", "in-pom"))
                .isEqualTo("in the pom's <password>");
    }

    private static String pluginSource(Properties userProperties, String pomUrl, @Nullable String pomPassword) {
        return new ConnectionResolver(Map.of(), userProperties, serverId -> {
                    throw new AssertionError(serverId);
                })
                .resolve(new ConnectionResolver.Parameters(pomUrl, null, pomPassword, null))
                .orElseThrow()
                .passwordSource();
    }

    private static ConnectionSettings resolve(
            @Nullable String url, @Nullable String user, @Nullable String password, Map<String, String> environment) {
        return resolver(url, user, password, environment)
                .resolve(ConnectionResolver.NONE)
                .orElseThrow();
    }

    private static ConnectionResolver resolver(
            @Nullable String url, @Nullable String user, @Nullable String password, Map<String, String> environment) {
        return ConnectionResolver.commandLine(
                environment, new ConnectionResolver.Parameters(url, user, password, null), OPTIONS);
    }
}
