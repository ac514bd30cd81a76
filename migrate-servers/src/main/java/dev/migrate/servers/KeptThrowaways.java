package dev.migrate.servers;

import dev.migrate.MigrateException;
import dev.migrate.servers.ComparisonDatabases.ThrowawayServer;
import dev.migrate.servers.ComparisonDatabases.ThrowawayVersion;
import dev.migrate.sql.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Throwaway servers kept for a session of many comparisons, a watch's cycles: the first comparison that needs a server
 * of a version starts it, and every one after is served a database of its own on that server instead of a server of
 * its own, which saves a server's start each time. What a comparison made there goes when it closes, its databases and
 * the roles made meanwhile, so that each finds the server as a fresh one; a server that cannot be cleaned is stopped,
 * and the next comparison starts another. Closing this stops them all.
 *
 * <p>That cleaning, and creating the database the next comparison will take, happen behind the comparison that
 * closed, on a thread of their own: a watch's next cycle finds its database made and the last one's gone (it waits
 * for the cleaning when it comes sooner). {@link #settle()} waits for them. Given a {@link Warming}, that database is
 * also connected to and readied ahead, and its use's first connection is that one: a new connection's login and its
 * server process filling its catalog caches are then behind the last comparison too.
 *
 * <pre>{@code
 * try (KeptThrowaways kept = new KeptThrowaways()) {
 *     compare(kept.keeping(databases)); // starts the server
 *     compare(kept.keeping(databases)); // a fresh database on the same server
 * }
 * }</pre>
 */
public final class KeptThrowaways implements AutoCloseable {
    /** The servers started, by version, with the roles each had when it started. */
    private final Map<ThrowawayVersion, Kept> servers = new HashMap<>();
    /** Every server started and not stopped yet: those kept, and those retired while a use was open. */
    private final List<Kept> started = new ArrayList<>();

    /**
     * Stops the servers when the JVM ends first: a watch is stopped with Ctrl+C, and a server kept while it waited for
     * a change must not outlive it.
     */
    private final Thread onExit = new Thread(this::close, "migrate-kept-throwaways");

    private boolean hooked;
    private int uses;
    private boolean closed;

    /** Where closed uses are cleaned and the next use's database is made, one after another. */
    private final ExecutorService behind = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "migrate-kept-throwaways-cleaning");
        thread.setDaemon(true);
        return thread;
    });
    /** The last cleaning queued: a use waits for it, so that it finds the server as a fresh one. */
    private volatile @Nullable Future<?> cleaning;

    /** What readies the connection to the next use's database, made ahead; null: none made. */
    private final @Nullable Warming warming;

    /**
     * Readies a connection to a fresh database for the comparison that will take it, leaving nothing in the database
     * and the session as a new one has it (what it runs in a transaction is rolled back), as a comparison would: its
     * server process then has the catalogs at hand.
     */
    @FunctionalInterface
    public interface Warming {
        void warm(Connection connection) throws SQLException;
    }

    /** Kept servers whose next use's database is made ahead, without a connection. */
    public KeptThrowaways() {
        this.warming = null;
    }

    /** Kept servers whose next use's database is made ahead, with its first connection readied by {@code warming}. */
    public KeptThrowaways(Warming warming) {
        this.warming = warming;
    }

    /** {@code databases}, whose throwaway servers are served from the ones kept here. */
    public ComparisonDatabases keeping(ComparisonDatabases databases) {
        return new ComparisonDatabases() {
            @Override
            public Optional<DataSource> configured() {
                return databases.configured();
            }

            @Override
            public ThrowawayVersion defaultVersion() {
                return databases.defaultVersion();
            }

            @Override
            public ThrowawayVersion version(int major) {
                return databases.version(major);
            }

            @Override
            public ThrowawayServer start(ThrowawayVersion version) {
                return use(version, databases);
            }

            @Override
            public ComparisonDatabases needing(Set<String> extensions) {
                ComparisonDatabases needing = databases.needing(extensions);
                return needing == databases ? this : keeping(needing);
            }
        };
    }

    /** A database of its own on the server of {@code version}, started from {@code databases} when none is kept. */
    private ThrowawayServer use(ThrowawayVersion version, ComparisonDatabases databases) {
        settle();
        Kept kept;
        @Nullable Spare spare;
        int use;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The kept throwaway servers are closed");
            }
            kept = servers.get(version);
            if (kept == null) {
                ThrowawayServer server = databases.start(version); // a server's start, once per version
                kept = new Kept(server, roles(server));
                servers.put(version, kept);
                if (!hooked) {
                    Runtime.getRuntime().addShutdownHook(onExit);
                    hooked = true;
                }
                started.add(kept);
            }
            kept.active++;
            spare = kept.spare;
            kept.spare = null;
            use = ++uses;
        }
        try {
            return spare != null ? new Use(kept, spare) : new Use(kept, "migrate_use_" + use);
        } catch (RuntimeException e) {
            release(kept, List.of());
            throw e;
        }
    }

    /** Cleans what a closed use made on {@code kept} behind the caller, then makes the database the next use takes. */
    private void releaseBehind(Kept kept, List<String> databases) {
        cleaning = behind.submit(() -> {
            release(kept, databases);
            spare(kept);
        });
    }

    /** Whether a server is kept now: a use started it, and it was neither retired nor stopped since. */
    public synchronized boolean serving() {
        return !servers.isEmpty();
    }

    /** Waits until what closed uses made is cleaned, and the next use's database made. */
    public void settle() {
        Future<?> last = cleaning;
        if (last == null) {
            return;
        }
        try {
            last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // release stops a server it cannot clean; a spare not made is made by the use that needs it
        }
    }

    /** Makes the database the next use of {@code kept} takes, unless it has one or is no longer served. */
    private void spare(Kept kept) {
        String name;
        synchronized (this) {
            if (closed || kept.retired || kept.spare != null || kept.active > 0) {
                return;
            }
            name = "migrate_use_" + ++uses;
        }
        DataSource made;
        try {
            made = kept.server.createDatabase(name);
        } catch (RuntimeException e) {
            return; // the next use creates its own, and says why if it cannot
        }
        @Nullable Connection ready = ready(made);
        synchronized (this) {
            if (!closed) {
                kept.spare = new Spare(name, made, ready); // dropped with the server, if it stopped meanwhile
                return;
            }
        }
        closeQuietly(ready);
    }

    /**
     * A connection to {@code database} readied by {@link #warming}; null without one, or when it could not be readied
     * (the use then opens its own).
     */
    private @Nullable Connection ready(DataSource database) {
        Warming warm = warming;
        if (warm == null) {
            return null;
        }
        Connection c = null;
        try {
            c = database.getConnection();
            warm.warm(c);
            return c;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            return null;
        }
    }

    private static void closeQuietly(@Nullable Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // it goes with its database
            }
        }
    }

    /**
     * Drops what a use made on {@code kept}: its databases, and once no other use is open, the roles made since the
     * server started; the server is stopped when that fails.
     */
    private synchronized void release(Kept kept, List<String> databases) {
        kept.active--;
        try (Connection c = kept.server.dataSource().getConnection();
                Statement s = c.createStatement()) {
            boolean force = c.getMetaData().getDatabaseMajorVersion() >= 13;
            for (int i = databases.size() - 1; i >= 0; i--) {
                s.execute("DROP DATABASE IF EXISTS " + databases.get(i) + (force ? " WITH (FORCE)" : ""));
            }
            if (kept.active == 0 && !kept.retired) {
                for (String role : roles(c)) {
                    if (!kept.roles.contains(role)) {
                        s.execute("DROP ROLE " + Identifiers.quote(role));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            // the next comparison starts a fresh server rather than one in an unknown state
            kept.retired = true;
            servers.values().remove(kept);
        }
        if (kept.retired && kept.active == 0) {
            stop(kept);
        }
    }

    private void stop(Kept kept) {
        started.remove(kept);
        kept.server.close();
    }

    private static Set<String> roles(ThrowawayServer server) {
        try (Connection c = server.dataSource().getConnection()) {
            return roles(c);
        } catch (SQLException e) {
            server.close();
            throw new MigrateException("Could not read the roles of the throwaway PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static Set<String> roles(Connection c) throws SQLException {
        Set<String> roles = new HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT rolname FROM pg_roles")) {
            while (rs.next()) {
                roles.add(rs.getString(1));
            }
        }
        return roles;
    }

    /** Stops every server kept, once what closed uses made is cleaned. */
    @Override
    public void close() {
        settle();
        behind.shutdown();
        stopAll();
    }

    /** The connections readied for uses that never came, closed before their servers stop. */
    private void closeSpares() {
        for (Kept kept : started) {
            Spare spare = kept.spare;
            if (spare != null) {
                closeQuietly(spare.ready());
            }
        }
    }

    private synchronized void stopAll() {
        if (closed) {
            return;
        }
        closed = true;
        if (hooked && Thread.currentThread() != onExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException e) {
                // the JVM is ending: the hook runs, and finds them stopped
            }
        }
        closeSpares();
        RuntimeException failed = null;
        for (Kept kept : List.copyOf(started)) {
            try {
                stop(kept);
            } catch (RuntimeException e) {
                failed = e;
            }
        }
        servers.clear();
        if (failed != null) {
            throw failed;
        }
    }

    /** A server kept, the roles it had when it started, and how many uses of it are open. */
    private static final class Kept {
        final ThrowawayServer server;
        final Set<String> roles;
        int active;
        /** Whether a use could not be cleaned: no use is served from it any more, and it stops with the last open. */
        boolean retired;
        /** The database made for the next use, fresh, if any. */
        @Nullable
        Spare spare;

        Kept(ThrowawayServer server, Set<String> roles) {
            this.server = server;
            this.roles = roles;
        }
    }

    /** One comparison's share of a kept server: a database of its own as its first, and those it creates beside it. */
    private final class Use implements ThrowawayServer {
        private final Kept kept;
        private final String name;
        private final List<String> created = new ArrayList<>();
        private final DataSource first;
        private boolean released;

        Use(Kept kept, String name) {
            this.kept = kept;
            this.name = name;
            this.first = create(name);
        }

        /** A use of the database made for it ahead, its first connection the one readied there, if any. */
        Use(Kept kept, Spare spare) {
            this.kept = kept;
            this.name = spare.name();
            this.created.add(name);
            Connection ready = spare.ready();
            this.first = ready == null ? spare.dataSource() : new LendingFirst(spare.dataSource(), ready);
        }

        private DataSource create(String database) {
            synchronized (created) {
                created.add(database);
            }
            return kept.server.createDatabase(database);
        }

        @Override
        public DataSource dataSource() {
            return first;
        }

        @Override
        public DataSource createDatabase(String suffix) {
            return create(name + "_" + suffix);
        }

        @Override
        public boolean startedByMigrate() {
            return kept.server.startedByMigrate();
        }

        @Override
        public void close() {
            List<String> databases;
            synchronized (created) {
                if (released) {
                    return;
                }
                released = true;
                databases = List.copyOf(created);
            }
            if (first instanceof LendingFirst lending) {
                lending.closeUnlent();
            }
            releaseBehind(kept, databases);
        }
    }

    /** A database made on a kept server before a use asked for it, with a connection readied there, if any. */
    private record Spare(
            String name, DataSource dataSource, @Nullable Connection ready) {}

    /**
     * A database whose first connection asked for is one opened and readied before: the rest are new. The readied one
     * is closed when the use ends if it was never asked for.
     */
    private static final class LendingFirst implements DataSource {
        private final DataSource database;
        private @Nullable Connection ready;

        LendingFirst(DataSource database, Connection ready) {
            this.database = database;
            this.ready = ready;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection lent;
            synchronized (this) {
                lent = ready;
                ready = null;
            }
            if (lent != null) {
                if (lent.isValid(5)) {
                    return lent;
                }
                closeQuietly(lent);
            }
            return database.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return database.getConnection(user, password);
        }

        /** Closes the readied connection if it was never asked for. */
        synchronized void closeUnlent() {
            closeQuietly(ready);
            ready = null;
        }

        @Override
        public java.io.PrintWriter getLogWriter() throws SQLException {
            return database.getLogWriter();
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) throws SQLException {
            database.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            database.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return database.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
            return database.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : database.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || database.isWrapperFor(type);
        }
    }
}
