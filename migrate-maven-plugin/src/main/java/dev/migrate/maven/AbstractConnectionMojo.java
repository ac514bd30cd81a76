package dev.migrate.maven;

import dev.migrate.CredentialsProvider;
import dev.migrate.command.FleetSettings;
import dev.migrate.command.database.ConnectionResolver;
import dev.migrate.command.database.CredentialsSetting;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.jspecify.annotations.Nullable;

/**
 * A goal that may talk to a configured database: its URL and credentials, weighed with the command line's
 * and the environment's (SPEC 5), and the fleet's databases that carry none.
 */
abstract class AbstractConnectionMojo extends AbstractMigrateMojo {

    /**
     * The database, as {@code jdbc:postgresql://host:port/database} or
     * {@code postgresql://user:password@host:port/database} ({@code postgres://} too). Highest first:
     * {@code -Dmigrate.url}, the environment variables {@code MIGRATE_DATABASE_URL} and
     * {@code DATABASE_URL}, then this setting in the pom; a source that is set but empty is an error.
     * With no URL anywhere, an embedded PostgreSQL is started for the goal. Never printed, not even
     * by {@code mvn -X}.
     */
    @Parameter(property = "migrate.url")
    protected @Nullable Secret url;

    /** The database user, when the URL does not name one. */
    @Parameter(property = "migrate.user")
    protected @Nullable String user;

    /**
     * The database password, when the URL does not carry one. Prefer {@link #serverId} with an
     * encrypted password in settings.xml. Never printed or logged.
     */
    @Parameter(property = "migrate.password")
    protected @Nullable Secret password;

    /**
     * The id of a server entry in settings.xml (the id element of a server under servers). Its
     * username and password are used when neither the URL nor the user and password parameters
     * give them. A password encrypted with {@code mvn --encrypt-password} works too.
     */
    @Parameter(property = "migrate.serverId")
    protected @Nullable String serverId;

    /**
     * The fully qualified class name of a credentials provider (an implementation of the CredentialsProvider
     * interface of migrate-engine), asked for the user and password of each new connection in place of a fixed
     * password, for credentials that expire (an IAM token, a lease of a secrets store): the engine's own
     * RdsIamCredentials, or a class of the project, of a dependency of the project or of the plugin, with a public
     * constructor without arguments. Applies to the URL and to the databases of a fleet. What it gives is never
     * printed.
     */
    @Parameter(property = "migrate.credentialsProvider")
    protected @Nullable String credentialsProvider;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected @Nullable Settings settings;

    @Inject
    protected SettingsDecrypter settingsDecrypter;

    /** The fleet of {@code tenants} and {@code databases}, or null when neither is set: for the goals that take one. */
    protected final @Nullable FleetSettings fleet(
            @Nullable String tenants,
            @Nullable Secret databases,
            @Nullable Integer parallel,
            boolean failFast,
            int canary) {
        return FleetGoal.isFleet(tenants, databases)
                ? FleetGoal.settings(
                                tenants,
                                databases,
                                this::credentials,
                                project.getBasedir().toPath(),
                                parallel,
                                failFast,
                                canary)
                        .withCredentials(databases == null ? null : credentialsProvider())
                : null;
    }

    private @Nullable CredentialsProvider loadedProvider;

    /** The provider that credentialsProvider names, made once for the goal; null when it is not set. */
    protected final @Nullable CredentialsProvider credentialsProvider() {
        if (loadedProvider == null && credentialsProvider != null) {
            loadedProvider = CredentialsSetting.load(
                    credentialsProvider,
                    projectClasses(),
                    "-Dmigrate.credentialsProvider (<credentialsProvider>)",
                    "the project's runtime class path and the plugin's dependencies: add the jar as a dependency of "
                            + "either");
        }
        return loadedProvider;
    }

    /** The user and password for database URLs that carry none: the user and password settings, or the serverId's. */
    protected final ConnectionResolver.Credentials credentials() {
        return resolver().credentials(pomConnection());
    }

    /** Weighs the URL settings of the command line, the environment and the pom. */
    protected final ConnectionResolver resolver() {
        return new ConnectionResolver(
                System.getenv(), session.getUserProperties(), new SettingsServers(settings, settingsDecrypter));
    }

    /** The connection as the pom (or {@code -D}) configures it. */
    protected final ConnectionResolver.Parameters pomConnection() {
        return new ConnectionResolver.Parameters(
                Secret.valueOf(url), user, Secret.valueOf(password), serverId, credentialsProvider());
    }
}
