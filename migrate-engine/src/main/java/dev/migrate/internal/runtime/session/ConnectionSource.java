package dev.migrate.internal.runtime.session;

import dev.migrate.ConnectionFailedException;
import dev.migrate.CredentialsProvider;
import dev.migrate.connection.ConnectingDataSource;
import dev.migrate.connection.ConnectionFailure;
import dev.migrate.connection.DatabaseUrl;
import dev.migrate.connection.DescribedDataSource;
import dev.migrate.internal.connection.Privileges;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens connections and turns a failure to connect into a message that names the server
 * (host, port, database, user) and the fix ({@link ConnectionFailure}), and never the password.
 */
public final class ConnectionSource {
    /** How a DataSource that does not say where it connects is named until a connection of it is asked. */
    public static final String UNDESCRIBED = "the configured DataSource";

    /** The host part and the database of a driver's URL; its parameters are never read. */
    private static final Pattern DRIVER_URL = Pattern.compile("jdbc:postgresql://([^/?#]+)/([^?#]*)");

    private final DataSource dataSource;
    private final String description;
    /** The server as configured, or null for a DataSource that does not say where it connects. */
    private final ConnectionFailure.@Nullable Target target;
    /** Whether each connection is a new session opened for it, nothing run on it since the login. */
    private final boolean newSessions;

    private ConnectionSource(DataSource dataSource, String description, boolean newSessions) {
        this.dataSource = dataSource;
        this.description = description;
        this.target = null;
        this.newSessions = newSessions;
    }

    private ConnectionSource(DataSource dataSource, ConnectionFailure.Target target) {
        this.dataSource = dataSource;
        this.description = target.describe();
        this.target = target;
        this.newSessions = true; // the driver's own DataSource: a login per connection
    }

    private ConnectionSource(DataSource dataSource, ConnectionSource like) {
        this.dataSource = dataSource;
        this.description = like.description;
        this.target = like.target;
        this.newSessions = like.newSessions;
    }

    /**
     * The same server, described as this source describes it, its connections taken from {@code connections}: a
     * source that hands out connections this one opened (a fleet's kept connections), whose failures to connect
     * are this source's own.
     */
    public ConnectionSource over(DataSource connections) {
        return new ConnectionSource(connections, this);
    }

    /**
     * Whether each connection this source opens is a new session, nothing run on it since the login: the driver's
     * own DataSource, one made from a URL, or a {@link DescribedDataSource} that says so. A pool is not: its
     * connections may carry what it set up on them.
     */
    public boolean opensNewSessions() {
        return newSessions;
    }

    public static ConnectionSource of(DataSource dataSource) {
        if (dataSource instanceof ConnectingDataSource connecting) {
            return new ConnectionSource(connecting, connecting.target());
        }
        if (dataSource instanceof PGSimpleDataSource pg) {
            String host = pg.getServerNames().length == 0 ? "localhost" : pg.getServerNames()[0];
            int port = pg.getPortNumbers().length == 0 || pg.getPortNumbers()[0] == 0 ? 5432 : pg.getPortNumbers()[0];
            String database = pg.getDatabaseName() == null ? "" : pg.getDatabaseName();
            DatabaseUrl url = new DatabaseUrl(
                    "jdbc:postgresql://" + host + ":" + port + "/" + database, host + ":" + port, database, null, null);
            return new ConnectionSource(
                    dataSource,
                    new ConnectionFailure.Target(
                            url,
                            pg.getUser(),
                            pg.getPassword(),
                            "the DataSource given to Migrator.builder().dataSource(...)",
                            "of the DataSource given to Migrator.builder().dataSource(...)"));
        }
        if (dataSource instanceof DescribedDataSource described) {
            return new ConnectionSource(dataSource, described.description(), described.opensNewSessions());
        }
        return new ConnectionSource(dataSource, UNDESCRIBED, false);
    }

    /**
     * A URL as {@code Migrator.builder().url(...)} takes it, with the user and password that apply
     * (given apart, or the URL's own).
     */
    public static ConnectionSource of(DatabaseUrl url, @Nullable String user, @Nullable String password) {
        return of(url, user, password, "Migrator.builder().url(...)");
    }

    /**
     * A URL with the user and password that apply, {@code origin} naming where the URL was given
     * in a failure's message: {@code migrate.databases}.
     */
    public static ConnectionSource of(
            DatabaseUrl url, @Nullable String user, @Nullable String password, String origin) {
        return of(url, user, password, origin, null);
    }

    /**
     * As {@link #of(DatabaseUrl, String, String, String)}, each new connection logging in with what
     * {@code credentials} gives at that moment (a token that expires), when it is not null.
     */
    public static ConnectionSource of(
            DatabaseUrl url,
            @Nullable String user,
            @Nullable String password,
            String origin,
            @Nullable CredentialsProvider credentials) {
        return of(ConnectingDataSource.of(
                        new ConnectionFailure.Target(
                                url,
                                user == null || user.isEmpty() ? null : user,
                                password,
                                origin,
                                "given to " + origin),
                        credentials)
                .checked());
    }

    public Connection open() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            if (target != null) {
                throw new ConnectionFailedException(
                        ConnectionFailure.of(e, target).message(), e);
            }
            throw new ConnectionFailedException(
                    "Could not connect to " + description + ": " + e.getMessage()
                            + (hasCause(e, UnknownHostException.class)
                                    ? " The host name does not resolve: check its spelling in the URL."
                                    : ConnectionFailure.TOO_MANY_CONNECTIONS.equals(e.getSQLState())
                                            ? " " + ConnectionFailure.NO_FREE_SLOT
                                            : "42501".equals(e.getSQLState())
                                                    ? Privileges.explain(e, null)
                                                    : " Check that the server is running and that the URL and credentials are right."),
                    e);
        }
    }

    static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The server for messages: {@code PostgreSQL at db:5432, database app, user app}. */
    public String description() {
        return description;
    }

    /**
     * The server for messages, as {@link #description()}, with the host, port, database and user an
     * open connection of a DataSource this source cannot look into reports (a pool, the plugin's
     * own): a message about the server must name the host to point elsewhere. Only the host part and
     * the database of the driver's URL are taken, never its parameters, which may hold a password.
     */
    public String description(Connection c) throws SQLException {
        if (target != null) {
            return target.describe();
        }
        Matcher url = DRIVER_URL.matcher(String.valueOf(c.getMetaData().getURL()));
        if (!url.lookingAt()) {
            return description;
        }
        String user = c.getMetaData().getUserName();
        return "PostgreSQL at " + url.group(1) + ", database " + url.group(2)
                + (user == null || user.isBlank() ? "" : ", user " + user);
    }
}
