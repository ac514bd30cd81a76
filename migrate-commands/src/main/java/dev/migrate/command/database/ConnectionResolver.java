package dev.migrate.command.database;

import dev.migrate.CredentialsProvider;
import dev.migrate.MigrateException;
import dev.migrate.connection.DatabaseUrl;
import dev.migrate.text.Fixes;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Decides which database a face talks to (SPEC 5), highest first: the face's command line ({@code -Dmigrate.url},
 * {@code --url}), environment {@code MIGRATE_DATABASE_URL}, environment {@code DATABASE_URL}, then what the face
 * configures ({@code <url>} in the pom). None at all means: the face's default (the plugin's embedded database). A
 * source that is set but empty is an error, never a fall-through: a CI secret that is missing expands to an empty
 * string, and a deployment must not then succeed against another database. The plugin and the command line both
 * decide here, each naming its own settings in the messages.
 */
public final class ConnectionResolver {
    /** No settings: the configuration of a face that has none besides its command line. */
    public static final Parameters NONE = new Parameters(null, null, null, null);

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
    private final Parameters commandLine;
    private final Fixes fixes;
    /** Where a user sets the password the URL does not carry, as a failure to log in names it. */
    private final String passwordSetting;

    private final Servers servers;

    /**
     * The plugin's: its command line is Maven's user properties ({@code -Dmigrate.url}, {@code -Dmigrate.user},
     * {@code -Dmigrate.password}, {@code -Dmigrate.serverId}), its configuration the pom's parameters.
     */
    public ConnectionResolver(Map<String, String> environment, Properties userProperties, Servers servers) {
        this(
                environment,
                new Parameters(
                        userProperties.getProperty("migrate.url"),
                        userProperties.getProperty("migrate.user"),
                        userProperties.getProperty("migrate.password"),
                        userProperties.getProperty("migrate.serverId")),
                Fixes.GOALS,
                "<password>",
                servers);
    }

    private ConnectionResolver(
            Map<String, String> environment,
            Parameters commandLine,
            Fixes fixes,
            String passwordSetting,
            Servers servers) {
        this.environment = environment;
        this.commandLine = commandLine;
        this.fixes = fixes;
        this.passwordSetting = passwordSetting;
        this.servers = servers;
    }

    /**
     * A face whose settings are all on its command line, with no server ids: the command line's {@code --url},
     * {@code --user} and {@code --password}, which its messages name as {@code fixes} writes them.
     *
     * @param commandLine the command line's URL, user and password; its serverId and credentials are not read
     */
    public static ConnectionResolver commandLine(Map<String, String> environment, Parameters commandLine, Fixes fixes) {
        return new ConnectionResolver(
                environment,
                new Parameters(commandLine.url(), commandLine.user(), commandLine.password(), null),
                fixes,
                fixes.setting("password"),
                serverId -> {
                    throw new IllegalStateException("The command line names no server id");
                });
    }

    /**
     * Whether the environment this resolver reads says the run is in CI ({@code CI=true} or {@code CI=1}, as CI
     * services set it): the value, or empty.
     */
    public Optional<String> continuousIntegration() {
        String ci = environment.get("CI");
        return ci != null && (ci.equalsIgnoreCase("true") || ci.equals("1")) ? Optional.of(ci) : Optional.empty();
    }

    /** The configured database; empty when no source names one, and the embedded database is to be used. */
    public Optional<ConnectionSettings> resolve(Parameters pom) {
        // Maven lets a pom <url> win over -Dmigrate.url; SPEC 5 wants the command line to win
        return first(
                        new Candidate(fixes.setting("url"), commandLine.url()),
                        new Candidate(
                                "the environment variable MIGRATE_DATABASE_URL",
                                environment.get("MIGRATE_DATABASE_URL")),
                        new Candidate("the environment variable DATABASE_URL", environment.get("DATABASE_URL")),
                        new Candidate("<url> in the pom", pom.url()))
                .map(chosen -> settings(chosen, pom).withCredentials(pom.credentials()));
    }

    /**
     * The server where throwaway databases may be created, highest first: {@code scratchUrl} from the command line
     * ({@code --scratch-url}), then the environment variable {@code MIGRATE_SCRATCH_URL}; empty when neither names
     * one. Its user and password are the URL's, else those of the command line, as for {@link #resolve}.
     */
    public Optional<ConnectionSettings> scratch(@Nullable String scratchUrl) {
        return first(
                        new Candidate(fixes.setting("scratchUrl"), scratchUrl),
                        new Candidate(
                                "the environment variable MIGRATE_SCRATCH_URL", environment.get("MIGRATE_SCRATCH_URL")))
                .map(chosen -> settings(chosen, NONE));
    }

    /** The first source that is set, parsed; fails when it is set but empty. */
    private static Optional<Chosen> first(Candidate... candidates) {
        Optional<Candidate> chosen =
                Stream.of(candidates).filter(c -> c.value() != null).findFirst();
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
        return Optional.of(new Chosen(DatabaseUrl.parse(url, origin), origin));
    }

    private ConnectionSettings settings(Chosen chosen, Parameters pom) {
        DatabaseUrl parsed = chosen.url();
        Credentials credentials = credentials(pom, parsed.user(), parsed.password());
        return new ConnectionSettings(
                parsed, credentials.user(), credentials.password(), chosen.origin(), passwordSource(chosen, pom));
    }

    /** Where the password that is used was set, in the order {@link #credentials} takes them, as a fix names it. */
    private String passwordSource(Chosen chosen, Parameters pom) {
        String serverId = serverId(pom);
        if (firstPresent(chosen.url().password()) != null) {
            return "in the URL (it came from " + chosen.origin() + ")";
        }
        if (firstPresent(commandLine.password()) != null) {
            return "in " + fixes.setting("password");
        }
        if (firstPresent(pom.password()) != null) {
            return "in the pom's <password>";
        }
        return serverId != null
                ? "of the <server> '" + serverId + "' in settings.xml"
                : "in the URL or " + passwordSetting;
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
        String user = firstPresent(urlUser, commandLine.user(), pom.user());
        String password = firstPresent(urlPassword, commandLine.password(), pom.password());
        String serverId = serverId(pom);
        if (serverId != null && (user == null || password == null)) {
            Credentials server = servers.credentials(serverId);
            user = user != null ? user : server.user();
            password = password != null ? password : server.password();
        }
        return new Credentials(user, password);
    }

    private @Nullable String serverId(Parameters pom) {
        return firstPresent(commandLine.serverId(), pom.serverId());
    }

    private record Candidate(String origin, @Nullable String value) {}

    private record Chosen(DatabaseUrl url, String origin) {}

    private static @Nullable String firstPresent(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
