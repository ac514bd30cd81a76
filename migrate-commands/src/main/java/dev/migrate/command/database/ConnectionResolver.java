package dev.migrate.command.database;

import dev.migrate.CredentialsProvider;
import dev.migrate.MigrateException;
import dev.migrate.connection.DatabaseUrl;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Decides which database a goal talks to (SPEC 5), highest first: {@code -Dmigrate.url} on the
 * command line, environment {@code MIGRATE_DATABASE_URL}, environment {@code DATABASE_URL},
 * {@code <url>} in the pom. None at all means: use the embedded database. A source that is set but
 * empty is an error, never a fall-through: a CI secret that is missing expands to an empty string,
 * and a deployment must not then succeed against another database.
 */
public final class ConnectionResolver {
    /**
     * What the pom (or {@code -D}) configured.
     *
     * @param credentials asked for the user and password of each new connection, in place of a fixed password;
     *     null for none
     */
    public record Parameters(
            @Nullable String url,
            @Nullable String user,
            @Nullable String password,
            @Nullable String serverId,
            @Nullable CredentialsProvider credentials) {
        /** Parameters whose password is fixed. */
        public Parameters(
                @Nullable String url, @Nullable String user, @Nullable String password, @Nullable String serverId) {
            this(url, user, password, serverId, null);
        }

        @Override
        public String toString() {
            return "Parameters[url set: " + (url != null) + ", user: " + user + ", serverId: " + serverId + "]";
        }
    }

    /** A user and password, either of them null when no source gives it. */
    public record Credentials(
            @Nullable String user, @Nullable String password) {
        @Override
        public String toString() {
            return "Credentials[user: " + user + "]";
        }
    }

    /** Where the build keeps the credentials of a server id: Maven's settings.xml, its passwords decrypted. */
    public interface Servers {
        /** The user and password of the server {@code serverId}; fails naming the fix when there is none. */
        Credentials credentials(String serverId);
    }

    private final Map<String, String> environment;
    private final Properties userProperties;
    private final Servers servers;

    public ConnectionResolver(Map<String, String> environment, Properties userProperties, Servers servers) {
        this.environment = environment;
        this.userProperties = userProperties;
        this.servers = servers;
    }

    /** The configured database; empty when no source names one, and the embedded database is to be used. */
    public Optional<ConnectionSettings> resolve(Parameters pom) {
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
        if (url == null || url.isBlank()) {
            throw new MigrateException("The database URL from " + origin + " is set but empty (a CI secret or variable "
                    + "that is missing expands to an empty value). Set it to the database's URL, for example "
                    + "jdbc:postgresql://host:5432/app, or remove it"
                    + (origin.startsWith("the environment") ? " (unset it)" : "")
                    + " to use the next source. Nothing was run.");
        }
        DatabaseUrl parsed = DatabaseUrl.parse(url, origin);
        Credentials credentials = credentials(pom, parsed.user(), parsed.password());
        String serverId = serverId(pom);
        return Optional.of(new ConnectionSettings(
                        parsed,
                        credentials.user(),
                        credentials.password(),
                        origin,
                        serverId != null
                                ? "of the <server> '" + serverId + "' in settings.xml"
                                : "in the URL or <password>")
                .withCredentials(pom.credentials()));
    }

    /**
     * The user and password for database URLs that carry none, as for the URL of {@link #resolve}:
     * {@code -Dmigrate.user}/{@code -Dmigrate.password}, the pom's, then the serverId's server.
     */
    public Credentials credentials(Parameters pom) {
        return credentials(pom, null, null);
    }

    /** The URL's own user and password first, then the settings', then the server id's. */
    private Credentials credentials(Parameters pom, @Nullable String urlUser, @Nullable String urlPassword) {
        String user = firstPresent(urlUser, userProperties.getProperty("migrate.user"), pom.user());
        String password = firstPresent(urlPassword, userProperties.getProperty("migrate.password"), pom.password());
        String serverId = serverId(pom);
        if (serverId != null && (user == null || password == null)) {
            Credentials server = servers.credentials(serverId);
            user = user != null ? user : server.user();
            password = password != null ? password : server.password();
        }
        return new Credentials(user, password);
    }

    private @Nullable String serverId(Parameters pom) {
        return firstPresent(userProperties.getProperty("migrate.serverId"), pom.serverId());
    }

    private record Candidate(String origin, @Nullable String value) {}

    private static @Nullable String firstPresent(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
