package dev.migrate.connection;

import dev.migrate.ConnectionFailedException;
import dev.migrate.CredentialsProvider;
import dev.migrate.MigrateException;
import dev.migrate.internal.connection.LentConnection;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one data source migrate makes from a URL, for every face and the engine alike: its failures to connect read
 * as SPEC 8 asks (the host, port and database, the reason and the fix, and never the password), its sessions are
 * named {@code migrate} in {@code pg_stat_activity} (unless the URL names them otherwise) from the startup message
 * on, and it describes its server without credentials.
 *
 * <p>{@link #connectAhead()} opens the first connection on a thread of its own: the driver's first
 * connection in a fresh JVM (its classes, the TCP and TLS handshakes, the password exchange) then
 * overlaps with finding the migrations instead of following it. Any further connection (the one a
 * goal holding the run's lock runs its steps on) opens when asked for, in a JVM by then warm.
 *
 * <p>{@link #keepingConnections(Runnable)} keeps, while a run lasts, the connections its users close: each is reset to
 * a new session's state and handed to the next user that asks, so that a command reading the database several times
 * logs in once. A login with SCRAM derives its key anew, 4,096 rounds of PBKDF2, which in a fresh JVM costs more than
 * the reads it is made for.
 *
 * <p>With a {@link CredentialsProvider} in the settings, each new connection logs in with the user and password
 * it gives at that moment, so a run longer than a token's life opens its later connections with fresh ones.
 */
public class ConnectingDataSource implements DataSource, DescribedDataSource {
    /**
     * How many connections a run keeps at most: the lock's and the steps' of a changing run, each handed back to
     * the reads after them.
     */
    static final int KEPT = 2;

    /**
     * How long a connection may wait and still be lent: one that waited longer (beside an hour-long step, say) is
     * closed and a new one opened, as a server's {@code idle_session_timeout} or a network's idle timeout may have
     * ended it meanwhile.
     */
    static final Duration IDLE = Duration.ofSeconds(30);

    /** Where and as whom to connect, with where the address and the password came from. */
    private final ConnectionFailure.Target target;
    /** Asked for the user and password of each new connection, or null when they are fixed. */
    private final @Nullable CredentialsProvider credentials;
    /** The database to connect to in place of the URL's, or null for the URL's. */
    private final @Nullable String databaseName;
    /** The connection opened ahead, until {@link #getConnection()} takes it. */
    private final AtomicReference<CompletableFuture<Connection>> ahead = new AtomicReference<>();
    /** The connections given back within {@link #keepingConnections}, reset, the most recently given back first. */
    private final Deque<Waiting> kept = new ArrayDeque<>();
    /** How long a connection given back may wait and still be lent: {@link #IDLE} but in tests. */
    private Duration idle = IDLE;
    /** How many {@link #keepingConnections} calls are running: connections are kept while one is. */
    private int keeping;
    /** The driver's data source, made on first use: loading the driver is part of connecting ahead. */
    private @Nullable PGSimpleDataSource delegate;

    private ConnectingDataSource(
            ConnectionFailure.Target target, @Nullable CredentialsProvider credentials, @Nullable String databaseName) {
        this.target = target;
        this.credentials = credentials;
        this.databaseName = databaseName;
    }

    /** Connections to {@code target}, as its user with its password. */
    public ConnectingDataSource(ConnectionFailure.Target target) {
        this(target, null, null);
    }

    /**
     * Connections to {@code target}, each new one logging in with what {@code credentials} gives at that moment (a
     * token that expires) when it is not null: a failure to log in then names the provider as where the password
     * comes from.
     */
    public static ConnectingDataSource of(ConnectionFailure.Target target, @Nullable CredentialsProvider credentials) {
        if (credentials == null) {
            return new ConnectingDataSource(target);
        }
        return new ConnectingDataSource(
                new ConnectionFailure.Target(
                        target.url(),
                        target.user(),
                        null,
                        target.origin(),
                        "the credentials provider " + credentials.getClass().getName() + " gives"),
                credentials,
                null);
    }

    /** The database named {@code databaseName} on the same server, with the same login. */
    public ConnectingDataSource onSameServer(String databaseName) {
        return new ConnectingDataSource(target, credentials, databaseName);
    }

    /**
     * The database named {@code databaseName} on the server of {@code database}, with its login, when {@code database}
     * says how to reach it: one of these, or the driver's own data source (an embedded server's); empty otherwise.
     */
    public static Optional<DataSource> onSameServer(DataSource database, String databaseName) {
        if (database instanceof ConnectingDataSource connecting) {
            return Optional.of(connecting.onSameServer(databaseName));
        }
        if (database instanceof PGSimpleDataSource pg) {
            PGSimpleDataSource other = new PGSimpleDataSource();
            other.setURL(pg.getURL());
            other.setDatabaseName(databaseName);
            other.setUser(pg.getUser());
            other.setPassword(pg.getPassword());
            return Optional.of(other);
        }
        return Optional.empty();
    }

    /** Where and as whom it connects, as configured; its password is never shown. */
    public ConnectionFailure.Target target() {
        return target;
    }

    /** Host, port, database and user, as messages name the database; never the password. */
    public String describe() {
        DatabaseUrl url = target.url();
        String user = target.user();
        return url.hosts()
                + (url.database().isEmpty() ? "" : ", database " + url.database())
                + (user == null ? "" : ", user " + user);
    }

    /** The engine's messages name the database by its server, as the run announced it, never by its password. */
    @Override
    public String description() {
        return target.describe();
    }

    /** Each connection is a new login of the driver's, with nothing run on it. */
    @Override
    public boolean opensNewSessions() {
        return true;
    }

    /** {@code host:port/database}, never with a user or password. */
    public String name() {
        return target.url().hosts() + "/" + target.url().database();
    }

    private synchronized PGSimpleDataSource delegate() {
        PGSimpleDataSource source = delegate;
        if (source == null) {
            source = new PGSimpleDataSource();
            try {
                source.setURL(target.url().jdbcUrl());
            } catch (IllegalArgumentException e) {
                throw new MigrateException("The database URL is not a PostgreSQL JDBC URL. Write it as "
                        + "jdbc:postgresql://host:port/database or postgresql://user:password@host:port/database.");
            }
            if (databaseName != null) {
                source.setDatabaseName(databaseName);
            }
            String user = target.user();
            if (user != null && !user.isEmpty()) {
                source.setUser(user);
            }
            String password = target.password();
            if (password != null) {
                source.setPassword(password);
            }
            if (!target.url().jdbcUrl().contains("ApplicationName=")) {
                // named in pg_stat_activity as every face's connections are, unless the URL names it otherwise
                source.setApplicationName("migrate");
            }
            if (source.getAssumeMinServerVersion() == null) {
                // every server migrate supports is 9.0 or later: the driver then sends the
                // application name with the startup message instead of a SET after it
                source.setAssumeMinServerVersion("9.0");
            }
            delegate = source;
        }
        return source;
    }

    /** The same source, its connections given back lent again only within {@code limit}: a test's short wait. */
    ConnectingDataSource idleAtMost(Duration limit) {
        idle = limit;
        return this;
    }

    /** Reads the URL now, so that one the driver cannot read fails where it is given. */
    public ConnectingDataSource checked() {
        delegate();
        return this;
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
                        CredentialsProvider provider = credentials;
                        opened.complete(provider == null ? login() : openAsked(provider));
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

    /**
     * Runs {@code run}, keeping the connections closed during it for the next {@link #getConnection()}: each is reset
     * ({@code DISCARD ALL}) when given back, as {@link #opensNewSessions()} promises, and at most {@value #KEPT} wait.
     * Those still waiting are closed when {@code run} ends (the outermost, when calls are nested); one that waited
     * longer than {@link #IDLE} is closed instead of lent.
     */
    public void keepingConnections(Runnable run) {
        synchronized (this) {
            keeping++;
        }
        try {
            run.run();
        } finally {
            List<Connection> closing = new ArrayList<>();
            synchronized (this) {
                if (--keeping == 0) {
                    kept.forEach(w -> closing.add(w.connection()));
                    kept.clear();
                }
            }
            closing.forEach(LentConnection::closeQuietly);
        }
    }

    @Override
    public Connection getConnection() {
        Waiting waiting;
        boolean lend;
        synchronized (this) {
            waiting = kept.pollFirst();
            lend = keeping > 0;
        }
        if (waiting != null) {
            if (System.nanoTime() - waiting.since() < idle.toNanos()) {
                return lent(waiting.connection());
            }
            LentConnection.closeQuietly(waiting.connection());
        }
        Connection opened = open();
        return lend ? lent(opened) : opened;
    }

    /** {@code c}, given back to this source's run when its user closes it. */
    private Connection lent(Connection c) {
        return LentConnection.lend(c, this::giveBack, "its user closed it");
    }

    /** Keeps {@code c}, reset, for the next to ask while a run keeps connections; closes it otherwise. */
    private void giveBack(Connection c) {
        if (wouldKeep() && LentConnection.reset(c)) {
            synchronized (this) {
                if (wouldKeep()) {
                    kept.addFirst(new Waiting(c, System.nanoTime()));
                    return;
                }
            }
        }
        LentConnection.closeQuietly(c);
    }

    private synchronized boolean wouldKeep() {
        return keeping > 0 && kept.size() < KEPT;
    }

    /** A new connection: the one opened ahead when it is still there, else a new login. */
    private Connection open() {
        CompletableFuture<Connection> opened = ahead.getAndSet(null);
        CredentialsProvider provider = credentials;
        if (opened == null && provider != null) {
            return openAsked(provider);
        }
        try {
            return opened == null ? login() : take(opened);
        } catch (SQLException e) {
            throw translate(e, target.user(), target.password());
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
                            description(), provider.getClass().getName(), e.getMessage()),
                    e);
        }
        try {
            return login(given.user(), given.password());
        } catch (SQLException e) {
            throw translate(e, given.user(), given.password());
        }
    }

    /** The server as a credentials provider is told it: the first host of the URL, the database, the user. */
    private CredentialsProvider.Server server() {
        return target.url()
                .server(databaseName != null ? databaseName : target.url().database(), target.user());
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

    /** A new login with the configured user and password. */
    private Connection login() throws SQLException {
        PGSimpleDataSource source = delegate();
        return login(source.getUser(), source.getPassword());
    }

    /**
     * A new login as {@code user} with {@code password} (the URL's when null), as the driver's data source logs in
     * but through the driver itself: the data source goes through {@code DriverManager}, which first looks for every
     * JDBC driver on the class path (12 ms of a fresh JVM's first login).
     */
    private Connection login(@Nullable String user, @Nullable String password) throws SQLException {
        Properties login = new Properties();
        if (user != null) {
            login.setProperty("user", user);
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        Connection connection = driver().connect(delegate().getUrl(), login);
        if (connection == null) {
            // the URL was read by the driver's data source, so the driver takes it
            throw new SQLException(
                    "The driver did not take the URL " + target.url().hosts(), "08001");
        }
        return connection;
    }

    /** The PostgreSQL driver, found by name: its package's annotations are not on the compiler's class path. */
    private static java.sql.Driver driver() throws SQLException {
        try {
            return Class.forName("org.postgresql.Driver", true, PGSimpleDataSource.class.getClassLoader())
                    .asSubclass(java.sql.Driver.class)
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SQLException("The PostgreSQL driver could not be made: " + e, "08001", e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) {
        try {
            return login(username, password);
        } catch (SQLException e) {
            throw translate(e, username, password);
        }
    }

    /** The failure to log in as {@code user} with {@code password}, as SPEC 8 words it: never with the password. */
    private MigrateException translate(SQLException e, @Nullable String user, @Nullable String password) {
        ConnectionFailure failure = ConnectionFailure.of(
                e,
                new ConnectionFailure.Target(target.url(), user, password, target.origin(), target.passwordSetting()));
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
        return "ConnectingDataSource[" + describe() + "]";
    }

    /** A connection given back, and when, on {@link System#nanoTime()}'s clock. */
    private record Waiting(Connection connection, long since) {}
}
