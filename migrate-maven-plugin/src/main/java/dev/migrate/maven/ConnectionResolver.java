package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.internal.Names;
import dev.migrate.internal.connection.DatabaseUrl;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Decides which database a goal talks to (SPEC 5), highest first: {@code -Dmigrate.url} on the
 * command line, environment {@code MIGRATE_DATABASE_URL}, environment {@code DATABASE_URL},
 * {@code <url>} in the pom. None at all means: use the embedded database. A source that is set but
 * empty is an error, never a fall-through: a CI secret that is missing expands to an empty string,
 * and a deployment must not then succeed against another database.
 */
final class ConnectionResolver {
    /** What the pom (or {@code -D}) configured. */
    record Parameters(String url, String user, String password, String serverId) {
        @Override
        public String toString() {
            return "Parameters[url set: " + (url != null) + ", user: " + user + ", serverId: " + serverId + "]";
        }
    }

    private final Map<String, String> environment;
    private final Properties userProperties;
    private final Settings settings;
    private final SettingsDecrypter decrypter;

    ConnectionResolver(
            Map<String, String> environment,
            Properties userProperties,
            Settings settings,
            SettingsDecrypter decrypter) {
        this.environment = environment;
        this.userProperties = userProperties;
        this.settings = settings;
        this.decrypter = decrypter;
    }

    Optional<ConnectionSettings> resolve(Parameters pom) {
        // Maven lets a pom <url> win over -Dmigrate.url; SPEC 5 wants the command line to win
        Optional<Candidate> chosen = Stream.of(
                        new Candidate("-Dmigrate.url", userProperties.getProperty("migrate.url")),
                        new Candidate(
                                "the environment variable MIGRATE_DATABASE_URL",
                                environment.get("MIGRATE_DATABASE_URL")),
                        new Candidate("the environment variable DATABASE_URL", environment.get("DATABASE_URL")),
                        new Candidate("<url> in the pom", pom.url()))
                .filter(c -> c.value() != null)
                .findFirst();
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        String origin = chosen.get().origin();
        String url = chosen.get().value();
        if (url.isBlank()) {
            throw new MigrateException("The database URL from " + origin + " is set but empty (a CI secret or variable "
                    + "that is missing expands to an empty value). Set it to the database's URL, for example "
                    + "jdbc:postgresql://host:5432/app, or remove it"
                    + (origin.startsWith("the environment") ? " (unset it)" : "")
                    + " to use the next source. Nothing was run.");
        }
        DatabaseUrl parsed = DatabaseUrl.parse(url, origin);

        String user = firstPresent(parsed.user(), userProperties.getProperty("migrate.user"), pom.user());
        String password =
                firstPresent(parsed.password(), userProperties.getProperty("migrate.password"), pom.password());
        String serverId = firstPresent(userProperties.getProperty("migrate.serverId"), pom.serverId());
        if (serverId != null && (user == null || password == null)) {
            Server server = decryptedServer(serverId);
            user = user != null ? user : server.getUsername();
            password = password != null ? password : server.getPassword();
        }
        return Optional.of(new ConnectionSettings(parsed, user, password, origin, serverId));
    }

    /** A user and password, either of them null when no source gives it. */
    record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user: " + user + "]";
        }
    }

    /**
     * The user and password for database URLs that carry none, as for the URL of {@link #resolve}:
     * {@code -Dmigrate.user}/{@code -Dmigrate.password}, the pom's, then the serverId's server.
     */
    Credentials credentials(Parameters pom) {
        String user = firstPresent(userProperties.getProperty("migrate.user"), pom.user());
        String password = firstPresent(userProperties.getProperty("migrate.password"), pom.password());
        String serverId = firstPresent(userProperties.getProperty("migrate.serverId"), pom.serverId());
        if (serverId != null && (user == null || password == null)) {
            Server server = decryptedServer(serverId);
            user = user != null ? user : server.getUsername();
            password = password != null ? password : server.getPassword();
        }
        return new Credentials(user, password);
    }

    private Server decryptedServer(String serverId) {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            List<String> ids = settings == null
                    ? List.of()
                    : settings.getServers().stream().map(Server::getId).sorted().toList();
            throw new MigrateException("settings.xml has no <server> with the id '" + serverId + "'"
                    + (ids.isEmpty()
                            ? ": it has no <server> at all. Add one under <servers> with <username> and <password>."
                            : "; its servers are " + String.join(", ", ids) + ". Fix serverId"
                                    + Names.closest(serverId, ids, Integer.MAX_VALUE)
                                            .map(id -> " (did you mean " + id + "?)")
                                            .orElse("")
                                    + ", or add a <server> with that id under <servers>."));
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MigrateException(
                        "The password of the <server> '" + serverId
                                + "' in settings.xml could not be decrypted: " + problem.getMessage()
                                + ". Check settings-security.xml (or -Dsettings.security) and re-encrypt it with mvn --encrypt-password.");
            }
        }
        return result.getServer();
    }

    private record Candidate(String origin, String value) {}

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (present(value)) {
                return value;
            }
        }
        return null;
    }
}
