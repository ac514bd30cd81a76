package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.command.database.ConnectionResolver;
import dev.migrate.command.database.ConnectionSettings;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ConnectionResolverTest {
    private static final ConnectionResolver.Parameters POM =
            new ConnectionResolver.Parameters("jdbc:postgresql://pom-host/pomdb", "pomuser", "pompw", null);

    @Test
    void commandLineBeatsEnvironmentBeatsPom() {
        Properties cli = new Properties();
        cli.setProperty("migrate.url", "jdbc:postgresql://cli-host/clidb");
        Map<String, String> both =
                Map.of("MIGRATE_DATABASE_URL", "postgresql://a:b@env1/db1", "DATABASE_URL", "postgres://env2/db2");
        ConnectionSettings fromCli = resolver(both, cli).resolve(POM).orElseThrow();
        assertThat(fromCli.url().database()).isEqualTo("clidb");
        assertThat(fromCli.origin()).isEqualTo("-Dmigrate.url");
        assertThat(resolver(both, new Properties())
                        .resolve(POM)
                        .orElseThrow()
                        .url()
                        .hosts())
                .isEqualTo("env1:5432");
        assertThat(resolver(Map.of("DATABASE_URL", "postgres://env2/db2"), new Properties())
                        .resolve(POM)
                        .orElseThrow()
                        .origin())
                .isEqualTo("the environment variable DATABASE_URL");
        ConnectionSettings fromPom =
                resolver(Map.of(), new Properties()).resolve(POM).orElseThrow();
        assertThat(fromPom.url().database()).isEqualTo("pomdb");
        assertThat(fromPom.user()).isEqualTo("pomuser");
        assertThat(fromPom.password()).isEqualTo("pompw");
        assertThat(fromPom.toString()).doesNotContain("pompw");
    }

    @Test
    void aSourceThatIsSetButEmptyIsAnErrorNamingIt() {
        assertThatThrownBy(() -> resolver(
                                Map.of("MIGRATE_DATABASE_URL", "", "DATABASE_URL", "postgres://env2/db2"),
                                new Properties())
                        .resolve(POM))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith(
                        "The database URL from the environment variable MIGRATE_DATABASE_URL is set but empty");
        assertThatThrownBy(() ->
                        resolver(Map.of("DATABASE_URL", " "), new Properties()).resolve(POM))
                .hasMessageContaining("the environment variable DATABASE_URL is set but empty");
        Properties cli = new Properties();
        cli.setProperty("migrate.url", "");
        assertThatThrownBy(() -> resolver(Map.of(), cli).resolve(POM))
                .hasMessageContaining("-Dmigrate.url is set but empty");
    }

    @Test
    void noUrlAnywhereMeansEmbedded() {
        assertThat(resolver(Map.of(), new Properties())
                        .resolve(new ConnectionResolver.Parameters(null, null, null, null)))
                .isEmpty();
    }

    @Test
    void serverIdSuppliesDecryptedCredentials() {
        Server server = new Server();
        server.setId("prod");
        server.setUsername("deployer");
        server.setPassword("{encrypted}");
        Settings settings = new Settings();
        settings.addServer(server);
        SettingsDecrypter decrypter = request -> result(request, "plain-secret");
        ConnectionSettings resolved = new ConnectionResolver(
                        Map.of(), new Properties(), new SettingsServers(settings, decrypter))
                .resolve(new ConnectionResolver.Parameters("jdbc:postgresql://h/db", null, null, "prod"))
                .orElseThrow();
        assertThat(resolved.user()).isEqualTo("deployer");
        assertThat(resolved.password()).isEqualTo("plain-secret");
        assertThat(resolved.describe()).isEqualTo("h:5432, database db, user deployer");
    }

    @Test
    void unknownServerIdIsNamed() {
        assertThatThrownBy(() -> new ConnectionResolver(
                                Map.of(),
                                new Properties(),
                                new SettingsServers(new Settings(), request -> result(request, "x")))
                        .resolve(new ConnectionResolver.Parameters("jdbc:postgresql://h/db", null, null, "missing")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("no <server> with the id 'missing'");
    }

    @Test
    void aMisspeltServerIdListsTheIdsOfSettingsXmlButNoPassword() {
        Settings settings = new Settings();
        for (String id : new String[] {"production-db", "staging-db"}) {
            Server server = new Server();
            server.setId(id);
            server.setUsername("deployer");
            server.setPassword("secret-" + id);
            settings.addServer(server);
        }
        assertThatThrownBy(() -> new ConnectionResolver(
                                Map.of(),
                                new Properties(),
                                new SettingsServers(settings, request -> result(request, "x")))
                        .resolve(new ConnectionResolver.Parameters(
                                "jdbc:postgresql://h/db", null, null, "prodution-db")))
                .isInstanceOf(MigrateException.class)
                .hasMessage("settings.xml has no <server> with the id 'prodution-db'; its servers are production-db, "
                        + "staging-db. Fix serverId (did you mean production-db?), or add a <server> with that id under "
                        + "<servers>.");
    }

    private static ConnectionResolver resolver(Map<String, String> env, Properties cli) {
        return new ConnectionResolver(env, cli, new SettingsServers(new Settings(), request -> result(request, null)));
    }

    private static SettingsDecryptionResult result(SettingsDecryptionRequest request, @Nullable String password) {
        Server decrypted = request.getServers().isEmpty()
                ? null
                : request.getServers().get(0).clone();
        if (decrypted != null && password != null) {
            decrypted.setPassword(password);
        }
        return new SettingsDecryptionResult() {
            @Override
            public @Nullable Server getServer() {
                return decrypted;
            }

            @Override
            public List<Server> getServers() {
                return decrypted == null ? List.of() : List.of(decrypted);
            }

            @Override
            public org.apache.maven.settings.@Nullable Proxy getProxy() {
                return null;
            }

            @Override
            public List<org.apache.maven.settings.Proxy> getProxies() {
                return List.of();
            }

            @Override
            public List<SettingsProblem> getProblems() {
                return List.of();
            }
        };
    }
}
