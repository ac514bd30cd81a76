package dev.migrate.internal.runtime.lock;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.text.Fixes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * A session-level advisory lock held on a connection of its own for the whole run. Holding it
 * outside the migration's connection means no transaction stays open on its behalf, so
 * {@code CREATE INDEX CONCURRENTLY} in a migration never waits for the lock holder.
 */
public final class AdvisoryLock implements AutoCloseable {
    private static final long POLL_MILLIS = 100;

    private final Connection connection;
    private final long key;
    /** How long the run waited for another run to release it: zero when it was free. */
    private final Duration waited;

    private AdvisoryLock(Connection connection, long key, Duration waited) {
        this.connection = connection;
        this.key = key;
        this.waited = waited;
    }

    /** How long the run waited for another run to release the lock: zero when it was free. */
    public Duration waited() {
        return waited;
    }

    /** The lock key for one version table: every run against the same table contends for it. */
    public static long keyFor(String versionTable) {
        long hash = 0xcbf29ce484222325L; // FNV-1a: stable across JVMs, unlike String.hashCode's 32 bits
        for (byte b : ("migrate:" + versionTable).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /**
     * Takes the lock, waiting at most {@code timeout} for another run to release it, and saying
     * every {@code reportInterval} which server session holds it.
     */
    public static AdvisoryLock acquire(
            Connection connection, long key, Duration timeout, Duration reportInterval, MigrationLog log, Fixes fixes)
            throws SQLException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextReport = start;
        boolean free = true;
        while (!tryLock(connection, key)) {
            free = false;
            long now = System.nanoTime();
            if (now > deadline) {
                String holder = holder(connection, key);
                throw new MigrateException("Gave up after " + timeout.toSeconds()
                        + " s waiting for the migration lock held by another migrate run"
                        + (holder.endsWith(",") ? holder.substring(0, holder.length() - 1) : holder)
                        + ". Wait for that run to finish, or raise " + fixes.parameter("lockWaitTimeout") + ".");
            }
            if (now >= nextReport) {
                log.info("Waiting for the migration lock: another migrate run" + holder(connection, key)
                        + " is applying migrations to this database.");
                nextReport = now + reportInterval.toNanos();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigrateException("Interrupted while waiting for the migration lock.", e);
            }
        }
        return new AdvisoryLock(connection, key, free ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start));
    }

    private static boolean tryLock(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String holder(Connection c, long key) throws SQLException {
        List<String> holders = ServerSessions.advisoryLockHolder(c, key);
        return holders.isEmpty() ? "" : ", " + String.join("; ", holders) + ",";
    }

    @Override
    public void close() {
        try (connection;
                PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, key);
            s.execute();
        } catch (SQLException ignored) {
            // closing the session releases a session-level lock anyway
        }
    }
}
