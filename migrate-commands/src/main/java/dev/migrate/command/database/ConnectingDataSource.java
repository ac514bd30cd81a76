package dev.migrate.command.database;

import dev.migrate.ConnectionFailedException;
import dev.migrate.CredentialsProvider;
import dev.migrate.MigrateException;
import dev.migrate.connection.ConnectionFailure;
import dev.migrate.connection.DescribedDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A data source for the resolved connection whose failures to connect read as SPEC 8 asks: the
 * host, port and database, the reason and the fix, and never the password.
 *
 * <p>{@link #connectAhead()} opens the first connection on a thread of its own: the driver's first
 * connection in a fresh JVM (its classes, the TCP and TLS handshakes, the password exchange) then
 * overlaps with finding the migrations instead of following it. Any further connection (the one a
 * goal holding the run's lock runs its steps on) opens when asked for, in a JVM by then warm.
 *
 * <p>With a {@link CredentialsProvider} in the settings, each new connection logs in with the user and password
 * it gives at that moment, so a run longer than a token's life opens its later connections with fresh ones.
 */
public class ConnectingDataSource implements DataSource, DescribedDataSource {
    private final ConnectionSettings settings;
    /** The database to connect to in place of the URL's, or null for the URL's. */
    private final @Nullable String databaseName;
    /** The connection opened ahead, until {@link #getConnection()} takes it. */
    private final AtomicReference<CompletableFuture<Connection>> ahead = new AtomicReference<>();
    /** The driver's data source, made on first use: loading the driver is part of connecting ahead. */
    private @Nullable PGSimpleDataSource delegate;

    public ConnectingDataSource(ConnectionSettings settings) {
        this(settings, null);
    }

    /** The database named {@code databaseName} on the server of {@code settings}; null: the one its URL names. */
    public ConnectingDataSource(ConnectionSettings settings, @Nullable String databaseName) {
        this.settings = settings;
        this.databaseName = databaseName;
    }

    /** The database named {@code databaseName} on the same server, with the same login. */
    public ConnectingDataSource onSameServer(String databaseName) {
        return new ConnectingDataSource(settings, databaseName);
    }

    /** Host, port, database and user, as messages name the database; never the password. */
    public String describe() {
        return settings.describe();
    }

    /** The engine's messages name the database by its server, as the run announced it, never by its password. */
    @Override
    public String description() {
        return "PostgreSQL at " + settings.describe();
    }

    /** Each connection is a new login of the driver's, with nothing run on it. */
    @Override
    public boolean opensNewSessions() {
        return true;
    }

    /** {@code host:port/database}, never with a user or password. */
    public String name() {
        return settings.name();
    }

    private synchronized PGSimpleDataSource delegate() {
        PGSimpleDataSource source = delegate;
        if (source == null) {
            source = new PGSimpleDataSource();
            source.setUrl(settings.url().jdbcUrl());
            if (databaseName != null) {
                source.setDatabaseName(databaseName);
            }
            String user = settings.user();
            if (user != null) {
                source.setUser(user);
            }
            String password = settings.password();
            if (password != null) {
                source.setPassword(password);
            }
            source.setApplicationName("migrate");
            if (source.getAssumeMinServerVersion() == null) {
                // every server this plugin supports is 9.0 or later: the driver then sends the
                // application name with the startup message instead of a SET after it
                source.setAssumeMinServerVersion("9.0");
            }
            delegate = source;
        }
        return source;
    }

    /**
     * Starts opening the first connection now, on a daemon thread. {@link #discardUnused()} closes it
     * if nobody takes it.
     */
    public ConnectingDataSource connectAhead() {
        CompletableFuture<Connection> opened = new CompletableFuture<>();
        ahead.set(opened);
        Thread thread = new Thread(
                () -> {
                    try {
                        CredentialsProvider provider = settings.credentials();
                        opened.complete(provider == null ? delegate().getConnection() : openAsked(provider));
                    } catch (SQLException | RuntimeException | Error e) {
                        opened.completeExceptionally(e);
                    }
                },
                "migrate-connect-ahead");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Closes the connection opened ahead if no {@link #getConnection()} took it, once it is open. */
    // the unused connection closes in the background: nothing waits for it, and its failure is ignored
    @SuppressWarnings("FutureReturnValueIgnored")
    public void discardUnused() {
        CompletableFuture<Connection> unused = ahead.getAndSet(null);
        if (unused != null) {
            unused.thenAccept(connection -> {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // it was never used; the server ends the session when the socket closes anyway
                }
            });
        }
    }

    @Override
    public Connection getConnection() {
        CompletableFuture<Connection> opened = ahead.getAndSet(null);
        if (opened == null && settings.credentials() != null) {
            return openAsked(settings.credentials());
        }
        try {
            return opened == null ? delegate().getConnection() : take(opened);
        } catch (SQLException e) {
            throw translate(e, settings.user(), settings.password());
        }
    }

    /** A new connection logged in with what {@code provider} gives now; neither is ever shown. */
    private Connection openAsked(CredentialsProvider provider) {
        CredentialsProvider.Credentials given;
        try {
            given = provider.credentials(server());
        } catch (RuntimeException e) {
            // the provider's message is its own, and must hold no secret; its stack stays with the cause
            throw new ConnectionFailedException(
                    ConnectionFailure.providerFailed(
                            describe(), provider.getClass().getName(), e.getMessage()),
                    e);
        }
        try {
            return delegate().getConnection(given.user(), given.password());
        } catch (SQLException e) {
            throw translate(e, given.user(), given.password());
        }
    }

    /** The server as a credentials provider is told it: the first host of the URL, the database, the user. */
    private CredentialsProvider.Server server() {
        return settings.url()
                .server(databaseName != null ? databaseName : settings.url().database(), settings.user());
    }

    /** The connection opened ahead, or the failure to open it, as if it had been opened here. */
    private static Connection take(CompletableFuture<Connection> opened) throws SQLException {
        try {
            return opened.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) {
        try {
            return delegate().getConnection(username, password);
        } catch (SQLException e) {
            throw translate(e, username, password);
        }
    }

    /** The failure to log in as {@code user} with {@code password}, as SPEC 8 words it: never with the password. */
    private MigrateException translate(SQLException e, @Nullable String user, @Nullable String password) {
        ConnectionFailure failure = ConnectionFailure.of(
                e,
                new ConnectionFailure.Target(
                        settings.url(), user, password, settings.origin(), settings.passwordSource()));
        // The driver's exception is left out on purpose, as its message and stack trace may echo connection
        // properties: the cause kept holds its SQLSTATE alone.
        return new ConnectionFailedException(
                failure.message(), new SQLException("SQLSTATE " + e.getSQLState(), e.getSQLState()));
    }

    @Override
    public @Nullable PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the engine logs through MigrationLog
    }

    @Override
    public void setLoginTimeout(int seconds) {
        delegate().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return delegate().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "ConnectingDataSource[" + settings.describe() + "]";
    }
}
