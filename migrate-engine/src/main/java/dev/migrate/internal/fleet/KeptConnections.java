package dev.migrate.internal.fleet;

import dev.migrate.internal.connection.LentConnection;
import dev.migrate.internal.runtime.session.ConnectionSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The connections of a fleet's run, kept open from one tenant to the next: a connection its tenant closes is reset
 * to a new session's state ({@code DISCARD ALL}: settings, role, advisory locks, temporary tables and prepared
 * statements gone) and handed to the next tenant of the same database. A run then logs in about as many times as
 * it runs tenants at once, where it logged in twice per tenant (the lock's connection and the steps'); a login
 * with SCRAM derives its key anew, 4,096 rounds of PBKDF2, which was most of a fleet's processor time in the
 * client. A connection its tenant left broken, or that its reset fails on, is closed instead.
 *
 * <p>No more connections are open at once than without it: at most {@code limit} wait here, and a connection to
 * another database is closed before a new one is opened. Closing this closes every connection waiting.
 */
final class KeptConnections implements AutoCloseable {
    private final int limit;
    /** The databases that hold more than one of the run's tenants: only their connections are worth keeping. */
    private final Set<Tenant.Database> shared;
    /** The waiting connections, the most recently given back first. */
    private final Deque<Waiting> waiting = new ArrayDeque<>();

    private boolean closed;

    private record Waiting(Tenant.Database database, Connection connection) {}

    /**
     * @param tenants the run's tenants
     * @param limit how many connections may wait at most: the tenants at once times the connections of one
     */
    KeptConnections(List<Tenant> tenants, int limit) {
        this.limit = limit;
        Map<Tenant.Database, Long> counts =
                tenants.stream().collect(Collectors.groupingBy(Tenant::database, Collectors.counting()));
        this.shared = counts.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The connections of {@code tenant}'s database: kept between its tenants when it holds several and its source
     * opens a new session for each connection; a pool's are taken from it and given back as it hands them out (a
     * reset would undo what the pool set up on them, and it logs in no more for being asked again).
     */
    @Nullable
    ConnectionSource of(Tenant tenant) {
        Tenant.Database database = tenant.database();
        ConnectionSource source = database.connections();
        return source == null || !shared.contains(database) || !source.opensNewSessions()
                ? source
                : source.over(new Handing(database, source));
    }

    /** A waiting connection to {@code database}, or a new one once one to another database has been closed. */
    private Connection take(Tenant.Database database, ConnectionSource source) {
        @Nullable Connection other = null;
        synchronized (this) {
            for (Iterator<Waiting> i = waiting.iterator(); i.hasNext(); ) {
                Waiting w = i.next();
                if (w.database().equals(database)) {
                    i.remove();
                    return w.connection();
                }
            }
            Waiting oldest = waiting.pollLast();
            if (oldest != null) {
                other = oldest.connection();
            }
        }
        if (other != null) {
            LentConnection.closeQuietly(other);
        }
        return source.open();
    }

    /** Resets {@code c} and keeps it for the next tenant of {@code database}, or closes it. */
    private void giveBack(Tenant.Database database, Connection c) {
        if (LentConnection.reset(c)) {
            @Nullable Connection over = null;
            synchronized (this) {
                if (!closed) {
                    waiting.addFirst(new Waiting(database, c));
                    if (waiting.size() <= limit) {
                        return;
                    }
                    over = waiting.removeLast().connection();
                } else {
                    over = c;
                }
            }
            LentConnection.closeQuietly(over);
            return;
        }
        LentConnection.closeQuietly(c);
    }

    @Override
    public void close() {
        Deque<Waiting> all;
        synchronized (this) {
            closed = true;
            all = new ArrayDeque<>(waiting);
            waiting.clear();
        }
        all.forEach(w -> LentConnection.closeQuietly(w.connection()));
    }

    /** One database's connections as a DataSource: each handed out closes back into this pool. */
    private final class Handing implements DataSource {
        private final Tenant.Database database;
        private final ConnectionSource source;

        Handing(Tenant.Database database, ConnectionSource source) {
            this.database = database;
            this.source = source;
        }

        @Override
        public Connection getConnection() {
            return LentConnection.lend(
                    take(database, source), real -> giveBack(database, real), "its tenant's run gave it back");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException(
                    "A fleet's kept connections log in as their database's source does");
        }

        @Override
        public @Nullable PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("Not a wrapper of " + type.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
