package dev.migrate.internal.lock;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * How a run retries what failed on {@code lock_timeout} (SQLSTATE 55P03): a migration's whole
 * transaction, or one statement of a {@code transactional = false} migration, up to
 * {@code retries} more times, waiting {@code firstWait}, then twice as long each time (capped at 30
 * seconds), with a quarter of jitter so parallel runs do not retry in step.
 *
 * @param retries how many times to try again; 0 turns retries off
 * @param firstWait the wait before the first retry
 * @param lockTimeout the run's lock timeout, for messages; null when the server's setting applies
 */
public record LockRetries(
        int retries, Duration firstWait, @Nullable Duration lockTimeout) {
    /** SQLSTATE of a statement that gave up waiting for a lock ({@code lock_not_available}). */
    public static final String LOCK_NOT_AVAILABLE = "55P03";

    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    public LockRetries {
        if (retries < 0) {
            throw new IllegalArgumentException("lockRetries must be 0 or more, not " + retries);
        }
    }

    /** No retry. */
    public static LockRetries none() {
        return new LockRetries(0, Duration.ZERO, null);
    }

    /**
     * How long, in nanoseconds, short waits for a lock may add up to before a step gives up: the lock
     * timeout once for each try; without end when the server's setting applies.
     */
    public long budgetNanos() {
        return lockTimeout == null || lockTimeout.isZero() ? Long.MAX_VALUE : lockTimeout.toNanos() * (retries + 1L);
    }

    /** The wait before retry number {@code retry} (1 for the first). */
    public Duration waitBefore(int retry) {
        long base = Math.min(firstWait.toMillis() << Math.min(retry - 1, 20), LONGEST_WAIT.toMillis());
        long jitter = base / 4 == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 4 + 1);
        return Duration.ofMillis(base - base / 8 + jitter);
    }

    public static boolean isLockTimeout(Throwable e) {
        return e instanceof java.sql.SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState());
    }

    /** The settings, as a user would write them again. */
    public String describe() {
        return "lockTimeout=" + (lockTimeout == null ? "the server's" : format(lockTimeout)) + ", lockRetries="
                + retries;
    }

    public static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
