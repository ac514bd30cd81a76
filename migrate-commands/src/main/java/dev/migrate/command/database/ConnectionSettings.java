package dev.migrate.command.database;

import dev.migrate.CredentialsProvider;
import dev.migrate.connection.ConnectingDataSource;
import dev.migrate.connection.ConnectionFailure;
import dev.migrate.connection.DatabaseUrl;
import org.jspecify.annotations.Nullable;

/**
 * Where and as whom to connect, after every source has been weighed.
 *
 * @param url the address, without credentials
 * @param user the user name, or null for the driver's default
 * @param password the password, or null; never printed
 * @param origin where the URL came from ({@code MIGRATE_DATABASE_URL}, {@code -Dmigrate.url}, ...)
 * @param passwordSource where the password is set, as a failure to log in names it: {@code in the URL or
 *     <password>}, {@code of the <server> 'prod' in settings.xml}, {@code in the URL or --password}
 * @param credentials asked for the user and password of each new connection in place of {@code password}, for
 *     credentials that expire; null when the password is fixed
 */
public record ConnectionSettings(
        DatabaseUrl url,
        @Nullable String user,
        @Nullable String password,
        String origin,
        String passwordSource,
        @Nullable CredentialsProvider credentials) {

    /** Settings whose password is fixed. */
    public ConnectionSettings(
            DatabaseUrl url, @Nullable String user, @Nullable String password, String origin, String passwordSource) {
        this(url, user, password, origin, passwordSource, null);
    }

    /**
     * These settings, each new connection logging in with what {@code provider} gives at that moment; unchanged when
     * it is null. A failure to log in then names the provider as where the password comes from.
     */
    public ConnectionSettings withCredentials(@Nullable CredentialsProvider provider) {
        return provider == null
                ? this
                : new ConnectionSettings(
                        url,
                        user,
                        null,
                        origin,
                        "the credentials provider " + provider.getClass().getName() + " gives",
                        provider);
    }

    /** Connections to this database, the first opening when asked ({@link ConnectingDataSource#connectAhead()}). */
    public ConnectingDataSource dataSource() {
        return ConnectingDataSource.of(
                new ConnectionFailure.Target(url, user, password, origin, passwordSource), credentials);
    }

    /** A description for logs and error messages: host, port, database and user, never the password. */
    public String describe() {
        String database = url.database().isEmpty() ? "" : ", database " + url.database();
        String as = user == null ? "" : ", user " + user;
        return url.hosts() + database + as;
    }

    /** The database as a goal's result names it, {@code host:port/database}, as a fleet names its databases. */
    public String name() {
        return url.hosts() + "/" + url.database();
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + describe() + " from " + origin + "]";
    }
}
